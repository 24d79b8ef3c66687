package id.rembug.bot.dashboard;

import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.SummaryRenderer;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.FlowLoader;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.Messages;
import id.rembug.dialogues.flow.PromptKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers to a sensitive question shown without names (stock flow: kepercayaan.harapan) reach the
 * dashboard and the exports as they reach the facilitator: "tanpa nama", and no member id either.
 */
class AnswerExportPrivacyTest {

    private static final Flow FLOW = FlowLoader.loadResource("flows/stock.yaml");
    private static final Messages MESSAGES = FlowLoader.loadMessagesResource("flows/messages.yaml");
    private final SummaryRenderer renderer = new SummaryRenderer(FLOW, MESSAGES);

    private static Answer answer(String promptKey, boolean anonymous) {
        return new Answer("kepercayaan", 1, promptKey, PromptKind.TEXT, "501", "Ani", "private:7",
                "Jangan memutuskan sendiri", List.of(), null, Instant.parse("2026-03-02T02:00:00Z"), false, null,
                anonymous);
    }

    @Test
    void theExportLeavesOutWhoWroteAPrivateAnswer() {
        List<AnswerExport.Row> rows = AnswerExport.rows("-100", List.of(answer("harapan", true),
                answer("rasa-nyaman", false)), List.of(), FLOW, Language.ID, "https://rembug.example",
                renderer.withoutName(Language.ID));

        assertThat(rows.get(0).memberName()).isEqualTo("tanpa nama");
        assertThat(rows.get(0).memberId()).isEmpty();
        assertThat(rows.get(0).answer()).isEqualTo("Jangan memutuskan sendiri");
        assertThat(rows.get(1).memberName()).isEqualTo("Ani");
        assertThat(rows.get(1).memberId()).isEqualTo("501");
    }

    @Test
    void theDashboardShowsAPrivateAnswerWithoutName() {
        GroupState state = GroupState.fresh("-100", Language.ID, "Asia/Jakarta");

        List<DashboardViews.StageBlock> stages = DashboardViews.stages(List.of(answer("harapan", true)), state, FLOW,
                Language.EN, Map.of(), renderer);

        assertThat(stages.get(0).prompts().get(0).answers()).singleElement()
                .satisfies(line -> assertThat(line.memberName()).isEqualTo("without name"));
    }
}
