package id.rembug.bot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.rembug.dialogues.flow.FlowLoader;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.Stage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** texts/knowledge.yaml is checked as a whole when it loads. */
class KnowledgeTextsTest {

    @Test
    void shippedTextsHaveEveryKeyInBothLanguages() {
        KnowledgeTexts texts = KnowledgeTexts.loadDefault();

        for (KnowledgeText key : KnowledgeText.values()) {
            assertThat(texts.get(key, Language.ID)).as("%s id", key).isNotBlank();
            assertThat(texts.get(key, Language.EN)).as("%s en", key).isNotBlank();
        }
        assertThat(texts.get(KnowledgeText.WHY_BUTTON, Language.ID))
                .isNotEqualTo(texts.get(KnowledgeText.WHY_BUTTON, Language.EN));
    }

    @Test
    void buttonLabelsFitAPhoneButton() {
        KnowledgeTexts texts = KnowledgeTexts.loadDefault();

        for (Language language : Language.values()) {
            assertThat(texts.get(KnowledgeText.WHY_BUTTON, language).length()).isLessThanOrEqualTo(40);
        }
    }

    @Test
    void everyStockStageHasAShortWhyInBothLanguages() {
        KnowledgeTexts texts = KnowledgeTexts.loadDefault();

        for (Stage stage : FlowLoader.loadResource("flows/stock.yaml").stages()) {
            for (Language language : Language.values()) {
                assertThat(texts.stageWhy(stage.key(), language)).as("%s %s", stage.key(), language)
                        .hasValueSatisfying(why -> assertThat(why.length()).isLessThanOrEqualTo(KnowledgeTexts.MAX_STAGE_WHY));
            }
        }
        assertThat(texts.stageWhy("arah", Language.ID)).isNotEqualTo(texts.stageWhy("arah", Language.EN));
    }

    @Test
    void aStageWhyTooLongForTheAlertOrWithoutALanguageIsRejected() {
        String shipped = shippedYaml() + "\n  tahap-baru:\n    id: " + "kata ".repeat(30).strip() + "\n  tahap-lain:\n    id: Ada.\n";

        assertThatThrownBy(() -> KnowledgeTexts.parse(shipped, "knowledge.yaml"))
                .hasMessageContaining("'stage-why.tahap-baru.id' is 149 characters long; keep it to 120")
                .hasMessageContaining("'stage-why.tahap-baru' has no 'en'")
                .hasMessageContaining("'stage-why.tahap-lain' has no 'en'");
    }

    @Test
    void placeholdersAreFilledAndResidentBracesAreLeftAlone() {
        KnowledgeTexts texts = KnowledgeTexts.loadDefault();

        assertThat(texts.get(KnowledgeText.READ_UNKNOWN, Language.EN, Map.of("id", "{id}")))
                .startsWith("There is no article with the code \"{id}\".");
    }

    @Test
    void missingKeyAndLanguageAreAllListed() {
        String yaml = "texts:\n  ask-usage:\n    id: Ketik /tanya\n";

        assertThatThrownBy(() -> KnowledgeTexts.parse(yaml, "knowledge.yaml"))
                .hasMessageContaining("Knowledge texts knowledge.yaml has 32 problems")
                .hasMessageContaining("knowledge.yaml:3: texts.ask-usage.en: found nothing, expected an English text")
                .hasMessageContaining("knowledge.yaml:2: texts.read-more: found nothing, expected a text {id: \"...\", en: \"...\"} that may use {id}");
    }

    @Test
    void placeholderTheTextCannotFillIsRejected() {
        String shipped = shippedYaml().replace("Read more: /baca {id}", "Read more: /baca {article}");

        assertThatThrownBy(() -> KnowledgeTexts.parse(shipped, "knowledge.yaml"))
                .hasMessageContaining("texts.read-more.en: found the placeholder {article}, expected one of {id}");
    }

    @Test
    void unknownKeyIsReported() {
        String shipped = shippedYaml().replace("  ask-usage:", "  ask-usge:\n    id: x\n    en: y\n  ask-usage:");

        assertThatThrownBy(() -> KnowledgeTexts.parse(shipped, "knowledge.yaml"))
                .hasMessageContaining("texts.ask-usge: found an unknown text key 'ask-usge', expected a text key the code"
                        + " knows (see KnowledgeText); did you mean 'ask-usage'?");
    }

    private static String shippedYaml() {
        try (var in = KnowledgeTextsTest.class.getClassLoader().getResourceAsStream(KnowledgeTexts.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
