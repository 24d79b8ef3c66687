package id.rembug.dialogues.engine;

import id.rembug.dialogues.flow.FlowLoader;
import id.rembug.dialogues.goal.RuleBasedGoalChecker;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ActionPlanStateTest {

    private final StateCodec codec = new StateCodec();
    private final Engine engine = new Engine(FlowLoader.loadResource("flows/plan-mini.yaml"),
            FlowLoader.loadMessagesResource("flows/test-messages.yaml"), new RuleBasedGoalChecker(),
            EngineSettings.defaults());
    private Instant clock = Instant.parse("2026-01-05T02:00:00Z");

    @Test
    void aStateStoredBeforeThePlanExistedReadsWithAnEmptyPlan() {
        String stored = codec.write(engine.newGroup("g1")).replace(",\"plan\":" + codec.write(ActionPlan.EMPTY), "");

        assertThat(stored).doesNotContain("\"plan\"");
        assertThat(codec.readState(stored).plan()).isEqualTo(ActionPlan.EMPTY);
    }

    @Test
    void aPlanWithActionsNotesAndMeetingsSurvivesTheJsonRoundTrip() {
        Member fasil = Member.of("fasil", "Fasil");
        GroupState state = engine.newGroup("g1");
        state = step(state, new Event.BotAdded(tick(), fasil));
        state = step(state, new Event.CommandIssued(tick(), fasil, "m1", Command.CLAIM_FACILITATOR, ""));
        state = step(state, new Event.CommandIssued(tick(), fasil, "m2", Command.START, ""));
        state = step(state, new Event.CommandIssued(tick(), fasil, "m3", Command.TASK, "sewa tenda - saya - 20/1"));
        state = step(state, new Event.CommandIssued(tick(), fasil, "m4", Command.REMIND, "pribadi"));
        state = step(state, new Event.MeetingRecorded(tick(), "fasil", LocalDate.of(2026, 1, 4), 12, 7,
                "kerja bakti tiap Sabtu", "AgACAgIAAxkBAAIB"));

        assertThat(state.plan().actions()).hasSize(1);
        assertThat(state.plan().meetings()).singleElement()
                .satisfies(m -> assertThat(m.photoFileId()).isEqualTo("AgACAgIAAxkBAAIB"));
        assertThat(codec.readState(codec.write(state))).isEqualTo(state);
    }

    @Test
    void aMeetingFromSomeoneWhoIsNotTheFacilitatorRecordsNothing() {
        GroupState state = engine.newGroup("g1");
        Step step = engine.step(state, new Event.MeetingRecorded(tick(), "ani", LocalDate.of(2026, 1, 4), 3, 2,
                "rapat", null));

        assertThat(step.state().plan().meetings()).isEmpty();
        assertThat(step.effects()).isEmpty();
    }

    private GroupState step(GroupState state, Event event) {
        return engine.step(state, event).state();
    }

    private Instant tick() {
        clock = clock.plusSeconds(60);
        return clock;
    }
}
