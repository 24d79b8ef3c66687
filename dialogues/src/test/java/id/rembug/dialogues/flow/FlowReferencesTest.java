package id.rembug.dialogues.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Memory across stages and decisions in the flow file: what the loader accepts and how it refuses. */
class FlowReferencesTest {

    private static String flow(String laterText, String decisionLine) {
        return """
                id: refs
                title: {id: "Judul", en: "Title"}
                phases:
                  - key: dialog
                    title: {id: "Dialog", en: "Dialogue"}
                    stages:
                      - key: arah
                        title: {id: "Arah", en: "Direction"}
                        purpose: {id: "Tujuan tahap.", en: "Stage purpose."}
                        intro: {id: "Pembuka.", en: "Opening."}
                        closing: {id: "Penutup.", en: "Closing."}
                        prompts:
                          - key: tujuan
                            kind: goal
                %s
                            text: {id: "Apa tujuan kita?", en: "What is our goal?"}
                      - key: nilai
                        title: {id: "Nilai", en: "Rating"}
                        purpose: {id: "Tujuan tahap.", en: "Stage purpose."}
                        intro: {id: "Pembuka.", en: "Opening."}
                        closing: {id: "Penutup.", en: "Closing."}
                        prompts:
                          - key: capai
                            kind: scale
                            text: %s
                """.formatted(decisionLine, laterText);
    }

    private static final String DECISION = "            decision: true";

    @Test
    void aPromptQuotesAnEarlierDecisionAndTheLoaderKeepsBoth() {
        Flow flow = FlowLoader.parse(flow("{id: \"Tujuan: {arah.tujuan}. Sejauh mana?\", en: \"Goal: {arah.tujuan}. How far?\"}",
                DECISION), "refs.yaml");

        assertThat(flow.stage("arah").orElseThrow().prompt("tujuan").orElseThrow().decision()).isTrue();
        assertThat(flow.stage("nilai").orElseThrow().prompt("capai").orElseThrow().references())
                .containsExactly("arah.tujuan");
        assertThat(References.quotedIn(flow)).containsExactly("arah.tujuan");
    }

    @Test
    void aReferenceToAnUnknownPromptNamesTheFileLineAndThePromptsThereAre() {
        FlowLoadException problem = catchThrowableOfType(FlowLoadException.class, () -> FlowLoader.parse(
                flow("{id: \"Tujuan: {arah.tujuaan}.\", en: \"Goal: {arah.tujuaan}.\"}", ""), "refs.yaml"));

        assertThat(problem.getMessage()).contains("refs.yaml:25")
                .contains("{arah.tujuaan}, a prompt 'tujuaan' stage arah does not have")
                .contains("one of its prompts: tujuan");
    }

    @Test
    void aReferenceToAnUnknownStageSaysWhichStagesCanBeQuoted() {
        FlowLoadException problem = catchThrowableOfType(FlowLoadException.class, () -> FlowLoader.parse(
                flow("{id: \"Tujuan: {arahh.tujuan}.\", en: \"Goal: {arahh.tujuan}.\"}", ""), "refs.yaml"));

        assertThat(problem.getMessage()).contains("refs.yaml:25")
                .contains("a stage 'arahh' the flow does not have")
                .contains("a stage asked before this prompt: one of arah, nilai");
    }

    @Test
    void aPromptCannotQuoteAnAnswerNotGivenYet() {
        String yaml = flow("{id: \"Seberapa?\", en: \"How much?\"}", "")
                .replace("text: {id: \"Apa tujuan kita?\", en: \"What is our goal?\"}",
                        "text: {id: \"Nilai kita {nilai.capai}?\", en: \"Our rating {nilai.capai}?\"}");

        FlowLoadException problem = catchThrowableOfType(FlowLoadException.class,
                () -> FlowLoader.parse(yaml, "refs.yaml"));

        assertThat(problem.getMessage()).contains("{nilai.capai}, a prompt asked after this one")
                .contains("a prompt asked before this one");
    }

    @Test
    void bothLanguagesQuoteTheSameAnswersAndNothingElseIsInBraces() {
        FlowLoadException problem = catchThrowableOfType(FlowLoadException.class, () -> FlowLoader.parse(
                flow("{id: \"Tujuan: {arah.tujuan}. {nama}?\", en: \"How far?\"}", ""), "refs.yaml"));

        assertThat(problem.getMessage()).contains("the placeholder {nama}")
                .contains("written {stage.prompt} like {arah.tujuan}")
                .contains("the same references in both languages");
    }

    @Test
    void aDecisionNeedsTypedAnswersToChooseFrom() {
        String yaml = flow("{id: \"Seberapa?\", en: \"How much?\"}", "")
                .replace("kind: scale", "kind: scale\n            decision: true");

        FlowLoadException problem = catchThrowableOfType(FlowLoadException.class,
                () -> FlowLoader.parse(yaml, "refs.yaml"));

        assertThat(problem.getMessage()).contains("decision: found a decision on a scale prompt")
                .contains("only on a text, list or goal prompt");
    }

    @Test
    void theStockFlowQuotesTheAgreedGoalLater() {
        Flow stock = FlowLoader.loadResource("flows/stock.yaml");

        assertThat(stock.stage("arah").orElseThrow().prompt("tujuan").orElseThrow().decision()).isTrue();
        assertThat(stock.stage("solusi").orElseThrow().prompt("rumusan").orElseThrow().decision()).isTrue();
        assertThat(References.quotedIn(stock)).contains("arah.tujuan", "arah.target-awal", "tantangan.jadi-tantangan",
                "sumber.hambatan", "solusi.rumusan");
    }
}
