package id.rembug.dialogues.engine;

import static org.assertj.core.api.Assertions.assertThat;

import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.FlowLoader;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.Messages;
import id.rembug.dialogues.goal.GoalAssessment;
import id.rembug.dialogues.goal.RuleBasedGoalChecker;
import org.junit.jupiter.api.Test;

/** What the group and the facilitator are told about a goal, with the shipped texts. */
class GoalTextsTest {

    private final Messages messages = FlowLoader.loadMessagesResource("flows/messages.yaml");
    private final Flow flow = FlowLoader.loadResource("flows/stock.yaml");
    private final RuleBasedGoalChecker checker = new RuleBasedGoalChecker();

    @Test
    void repetitionWithoutEndAsksUntilWhenAndRealismIsAskedNotAsserted() {
        GoalAssessment goal = checker.assess("Setiap Sabtu kami membersihkan selokan");
        assertThat(GoalTexts.feedbackLines(goal, messages, Language.ID))
                .anySatisfy(line -> assertThat(line).contains("\"Setiap Sabtu\" sampai kapan?"))
                .anySatisfy(line -> assertThat(line).contains("Bisa kita kerjakan sendiri"))
                .noneSatisfy(line -> assertThat(line).contains("realistis"));
    }

    @Test
    void completeGoalIsPraisedWithoutCallingItRealistic() {
        assertThat(checker.assess("Dalam 3 bulan kami menanam 200 pohon di tepi sungai").isComplete()).isTrue();
        assertThat(messages.get(id.rembug.dialogues.flow.MessageKey.GOAL_GOOD, Language.ID,
                java.util.Map.of("name", "Sari"))).doesNotContain("realistis").contains("bisa kita kerjakan sendiri?");
    }

    @Test
    void facilitatorSummaryShowsABrokerStepForARequestToAnAgency() {
        GoalAssessment goal = checker.assess("Kami minta bantuan dinas pertanian untuk 50 bibit durian bulan depan");
        String line = new SummaryRenderer(flow, messages).goalLine(goal, Language.ID);
        assertThat(line).contains("kurang: realistis").contains("broker").contains("minta bantuan dinas");
    }

    @Test
    void facilitatorSummarySaysRealismIsNotCheckedAndWhichRepetitionHasNoEnd() {
        GoalAssessment goal = checker.assess("tiap sabtu bersih2 got");
        String line = new SummaryRenderer(flow, messages).goalLine(goal, Language.ID);
        assertThat(line).contains("belum dicek: realistis").contains("\"tiap sabtu\" tanpa batas akhir")
                .doesNotContain("broker");
    }
}
