package id.rembug.dialogues.engine;

import id.rembug.dialogues.flow.FlowLoader;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Messages;
import id.rembug.dialogues.goal.RuleBasedGoalChecker;
import id.rembug.dialogues.transcript.TranscriptRunner;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the development phase's check-in lists, depending on where the plan stands. */
class CheckInWordingTest {

    private static final Messages MESSAGES = FlowLoader.loadMessagesResource("flows/test-messages.yaml");
    private final Engine engine = new Engine(FlowLoader.loadResource("flows/plan-mini.yaml"), MESSAGES,
            new RuleBasedGoalChecker(), EngineSettings.defaults());

    /** The group at the development phase, its one agreed action done, the answers' proposals unconfirmed. */
    private static final String EVERYTHING_AGREED_IS_DONE = PlanTranscripts.AT_THE_PLAN_PROMPT + """
            Fasil: /tugas sewa tenda - Ani - 20/1
              ...
            Ani: /selesai 1
              ...
            Ani: cat pos ronda
              ...
            Budi: beli kuas
              ...
            Fasil presses !ADVANCE tugas:1
              ...
            """;

    @Test
    void aCheckInAfterEverythingAgreedIsDoneSaysSoInsteadOfCallingThePlanEmpty() {
        GroupState state = TranscriptRunner.run("everything agreed is done", EVERYTHING_AGREED_IS_DONE);
        assertThat(state.plan().openActions()).isEmpty();
        assertThat(state.plan().action(1).orElseThrow().status()).isEqualTo(ActionPlan.Status.DONE);

        Step step = engine.step(state, new Event.TimePassed(state.plan().nextCheckInAt()));

        String checkIn = step.effects().stream().filter(Effect.CheckIn.class::isInstance)
                .map(e -> ((Effect.CheckIn) e).text()).findFirst().orElseThrow();
        assertThat(checkIn).contains(MESSAGES.get(MessageKey.CHECK_IN_ALL_DONE, Language.ID, Map.of()))
                .doesNotContain(MESSAGES.get(MessageKey.PLAN_EMPTY, Language.ID, Map.of()));
    }

    @Test
    void aCheckInWithNothingAgreedYetSaysThePlanIsEmpty() {
        String nothingAgreed = EVERYTHING_AGREED_IS_DONE.replace("Fasil: /tugas sewa tenda - Ani - 20/1\n  ...\n", "")
                .replace("Ani: /selesai 1\n  ...\n", "");
        GroupState state = TranscriptRunner.run("nothing agreed yet", nothingAgreed);
        assertThat(state.plan().actions()).allMatch(a -> a.status() == ActionPlan.Status.PROPOSED);

        Step step = engine.step(state, new Event.TimePassed(state.plan().nextCheckInAt()));

        assertThat(step.effects()).filteredOn(Effect.CheckIn.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((Effect.CheckIn) e).text())
                        .contains(MESSAGES.get(MessageKey.PLAN_EMPTY, Language.ID, Map.of())));
    }
}
