package id.rembug.bot.dashboard;

import id.rembug.dialogues.flow.Language;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardTextsTest {

    private final DashboardTexts texts = new DashboardTexts();

    @Test
    void indonesianAndEnglishHaveTheSameKeysAndNoEmptyText() {
        assertThat(texts.all(Language.EN).keySet()).isEqualTo(texts.all(Language.ID).keySet());
        for (Language language : Language.values()) {
            assertThat(texts.all(language).values()).allSatisfy(text -> assertThat(text).isNotBlank());
        }
    }

    @Test
    void theLoginLinkMessageCarriesTheLinkOnItsOwnLine() {
        String message = texts.get(Language.ID, "bot.loginLink", "http://contoh/dashboard/masuk/abc");
        assertThat(message).endsWith("\nhttp://contoh/dashboard/masuk/abc").contains("10 menit");
    }
}
