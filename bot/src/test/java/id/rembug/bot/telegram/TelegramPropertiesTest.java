package id.rembug.bot.telegram;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.TelegramUrl;

import java.time.Duration;

import static id.rembug.bot.telegram.TelegramSamples.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TelegramPropertiesTest {

    private static TelegramProperties webhook(String url, String secret) {
        return new TelegramProperties(TOKEN, null, TelegramProperties.Mode.WEBHOOK, url, null, secret, null, null, null);
    }

    @Test
    void unsetValuesTakeTheDocumentedDefaults() {
        var properties = new TelegramProperties(TOKEN, null, null, null, null, null, null, null, null);
        assertThat(properties.apiUrl()).isEqualTo("https://api.telegram.org");
        assertThat(properties.mode()).isEqualTo(TelegramProperties.Mode.POLLING);
        assertThat(properties.webhookPath()).isEqualTo("/telegram/webhook");
        assertThat(properties.pollTimeoutSeconds()).isEqualTo(50);
        assertThat(properties.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.pollRequestTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.telegramUrl()).isEqualTo(TelegramUrl.DEFAULT_URL);
    }

    @Test
    void botUserIdIsTheTokensNumericPrefix() {
        assertThat(TelegramProperties.polling("7012345678:AAH-x_y", null).botUserId()).isEqualTo(7012345678L);
    }

    @Test
    void blankTokenMeansTelegramIsOffAndNothingElseIsChecked() {
        var off = new TelegramProperties("  ", "not a url", TelegramProperties.Mode.WEBHOOK, null, null, null, -1, null, null);
        assertThat(off.enabled()).isFalse();
    }

    @Test
    void apiUrlGivesSchemeHostAndPort() {
        assertThat(TelegramProperties.polling(TOKEN, "http://localhost:8081").telegramUrl())
                .isEqualTo(new TelegramUrl("http", "localhost", 8081, false));
        assertThat(TelegramProperties.polling(TOKEN, "https://bot-api.example.org/").telegramUrl())
                .isEqualTo(new TelegramUrl("https", "bot-api.example.org", 443, false));
    }

    @Test
    void apiUrlWithAPathIsRefusedBecauseTelegramBotsCannotUseIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> TelegramProperties.polling(TOKEN, "https://example.org/tg"))
                .withMessageContaining("rembug.telegram.api-url");
    }

    @Test
    void webhookModeNeedsAValidSecretAndAnHttpsUrl() {
        assertThatIllegalArgumentException().isThrownBy(() -> webhook("https://rembug.example.org/hook", null))
                .withMessageContaining("rembug.telegram.webhook-secret is required");
        assertThatIllegalArgumentException().isThrownBy(() -> webhook("https://rembug.example.org/hook", "has space"))
                .withMessageContaining("rembug.telegram.webhook-secret");
        assertThatIllegalArgumentException().isThrownBy(() -> webhook("http://rembug.example.org/hook", "abc"))
                .withMessageContaining("rembug.telegram.webhook-url");
        assertThat(webhook("https://rembug.example.org/hook", "abc_DEF-123").webhookSecret()).isEqualTo("abc_DEF-123");
    }
}
