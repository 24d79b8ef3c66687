package id.rembug.bot.dashboard;

import id.rembug.dialogues.flow.Language;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardTextsTest {

    private final DashboardTexts texts = new DashboardTexts();

    @Test
    void theLoginLinkMessageCarriesTheLinkOnItsOwnLine() {
        String message = texts.get(DashboardText.BOT_LOGIN_LINK, Language.ID,
                Map.of("link", "http://contoh/dashboard/masuk/abc"));
        assertThat(message).endsWith("\nhttp://contoh/dashboard/masuk/abc").contains("10 menit");
    }

    @Test
    void aLanguageTheDashboardIsNotWrittenInGetsIndonesian() {
        assertThat(texts.words(Language.of("jv"))).isEqualTo(texts.words(Language.ID));
        assertThat(texts.words(Language.EN).get("overview-title")).isEqualTo("All groups");
    }
}
