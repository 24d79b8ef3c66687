package id.rembug.dialogues.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The text lint of the build: the stock flow and messages keep to the rules staff write in
 * {@code flows/text-lint.yaml}, and a text that breaks one is named with what to write instead.
 */
class TextLintTest {

    private static final String FLOW = """
            id: lint-flow
            title: {id: "Judul", en: "Title"}
            address: {id: "Bapak/Ibu", en: "you"}
            phases:
              - key: dialog
                title: {id: "Saling kenal", en: "Getting to know each other"}
                method_name: {id: "Dialog", en: "Dialogue"}
                stages:
                  - key: kenal
                    title: {id: "Kenalan", en: "Meet"}
                    purpose: {id: "Tujuan tahap.", en: "Stage purpose."}
                    intro: {id: "Pembuka.", en: "Opening."}
                    closing: {id: "Penutup.", en: "Closing."}
                    prompts:
                      - key: nama
                        kind: text
                        text: {id: "Siapa nama {address}?", en: "What is your name?"}
            """;

    private final Messages messages = FlowLoader.loadMessagesResource("flows/messages.yaml");
    private final TextLint lint = TextLint.loadDefault();

    @Test
    void stockFlowAndMessagesPassTheTextLint() {
        Flow stock = FlowLoader.loadResource("flows/stock.yaml");

        List<String> findings = lint.check(stock, messages.addressing(stock));

        assertThat(findings).as("texts to fix (rules in flows/text-lint.yaml)").isEmpty();
    }

    @Test
    void promptLongerThanTheLimitIsNamedWithItsLength() {
        String longPrompt = "Ceritakan " + "panjang sekali ".repeat(10) + "ya?";
        Flow flow = FlowLoader.parse(FLOW.replace("Siapa nama {address}?", longPrompt), "lint.yaml");

        assertThat(lint.check(flow, messages.addressing(flow)))
                .anySatisfy(finding -> assertThat(finding)
                        .startsWith("lint.yaml stage kenal prompt nama (id): " + longPrompt.length() + " characters, at most 120"));
    }

    @Test
    void secondFormOfAddressInAFlowIsReportedWithThePlaceholderToUse() {
        Flow flow = FlowLoader.parse(FLOW.replace("Siapa nama {address}?", "Siapa nama Anda?"), "lint.yaml");

        assertThat(lint.check(flow, messages.addressing(flow))).containsExactly(
                "lint.yaml stage kenal prompt nama (id): says 'Anda', but this flow addresses the group as 'Bapak/Ibu'."
                        + " Write {address} instead.");
    }

    @Test
    void flowThatChoosesAnotherAllowedAddressHearsItInTheEngineMessagesToo() {
        Flow flow = FlowLoader.parse(FLOW.replace("address: {id: \"Bapak/Ibu\"", "address: {id: \"Anda\""), "lint.yaml");

        assertThat(lint.check(flow, messages.addressing(flow))).isEmpty();
        assertThat(messages.addressing(flow).get(MessageKey.DELETE_DONE, Language.ID))
                .isEqualTo("Semua jawaban Anda di grup ini sudah dihapus.");
        assertThat(flow.stage(0).prompts().get(0).text().in(Language.ID)).isEqualTo("Siapa nama Anda?");
    }

    @Test
    void addressOutsideTheAllowedFormsIsReported() {
        Flow flow = FlowLoader.parse(FLOW.replace("address: {id: \"Bapak/Ibu\"", "address: {id: \"Saudara\""), "lint.yaml");

        assertThat(lint.check(flow, messages.addressing(flow)))
                .contains("lint.yaml address: 'Saudara' is not an allowed form of address; use one of Bapak/Ibu, Anda, kamu");
    }

    @Test
    void jargonInAResidentTextIsReportedWithThePlainWords() {
        Flow flow = FlowLoader.parse(FLOW.replace("Siapa nama {address}?", "Kebisaan apa yang {address} punya?"),
                "lint.yaml");

        assertThat(lint.check(flow, messages.addressing(flow))).singleElement().asString()
                .contains("prompt nama (id): 'kebisaan' is hard to understand. Say instead: keahlian");
    }

    @Test
    void methodNamesAreForFacilitatorsAndPassTheLint() {
        Flow flow = FlowLoader.parse(FLOW.replace("method_name: {id: \"Dialog\"", "method_name: {id: \"Penemukenalan\""),
                "lint.yaml");

        assertThat(lint.check(flow, messages.addressing(flow))).isEmpty();
        assertThat(flow.phases().get(0).methodName().in(Language.ID)).isEqualTo("Penemukenalan");
    }

    @Test
    void stockNudgeNamesNobodyInFrontOfTheGroupInAnyLanguage() {
        for (Language language : messages.languages().codes()) {
            assertThat(messages.get(MessageKey.NUDGE, language, java.util.Map.of("names", "Budi, Citra")))
                    .as(language.code()).doesNotContain("Budi");
        }
    }

    @Test
    void ruleFileWithAMistakeSaysWhatToWrite() {
        assertThatThrownBy(() -> TextLint.parse("""
                max_length:
                  prompts: 120
                  title: panjang
                jargon:
                  fase:
                """, "text-lint.yaml"))
                .hasMessageContaining("3 problem(s) in text-lint.yaml")
                .hasMessageContaining("max_length.prompts: not a kind of text; use one of title, intro")
                .hasMessageContaining("max_length.title: write a number of characters, like 120")
                .hasMessageContaining("jargon.fase: write the plain words to use instead, in quotes");
    }
}
