package id.rembug.dialogues.engine;

import id.rembug.dialogues.engine.StageSummary.ClosedBy;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.FlowLoader;
import id.rembug.dialogues.flow.Prompt;
import id.rembug.dialogues.flow.Stage;
import id.rembug.dialogues.goal.RuleBasedGoalChecker;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants that must hold after any sequence of events, checked over random group histories on
 * the small test flow and on the stock flow.
 */
class EngineProperties {

    private static final List<String> PEOPLE = List.of("Ani", "Budi", "Citra", "Dedi", "Eka", "Fasil");
    private static final List<String> TEXTS = List.of(
            "Saya Ani, ketua RT", "air bersih, sampah, jalan rusak", "1", "3", "5", "ya", "tidak", "lima",
            "Dalam 3 bulan kami membersihkan selokan di 40 rumah secara swadaya",
            "kampung lebih bersih", "menunggu bantuan pemerintah", "- kebun\n- posyandu\n- bank sampah",
            "by March we train 10 youths to repair phones", "", "   ", "x".repeat(1200), "🙂");

    private final StateCodec codec = new StateCodec();

    sealed interface Action {
    }

    record Say(int person, int text, boolean replyToPrompt) implements Action {
    }

    record Edit(int person, int answerBack, int text) implements Action {
    }

    record Press(int person, int prompt, int value) implements Action {
    }

    record Issue(int person, Command command, boolean fromFacilitator) implements Action {
    }

    record Wait(int hours) implements Action {
    }

    record Join(int person) implements Action {
    }

    record Leave(int person) implements Action {
    }

    record Size(int people) implements Action {
    }

    @Provide
    Arbitrary<List<Action>> histories() {
        Arbitrary<Integer> person = Arbitraries.integers().between(0, PEOPLE.size() - 1);
        Arbitrary<Action> say = Combinators.combine(person, Arbitraries.integers().between(0, TEXTS.size() - 1),
                Arbitraries.of(true, false)).as(Say::new);
        Arbitrary<Action> edit = Combinators.combine(person, Arbitraries.integers().between(1, 6),
                Arbitraries.integers().between(0, TEXTS.size() - 1)).as(Edit::new);
        Arbitrary<Action> press = Combinators.combine(person, Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 6)).as(Press::new);
        Arbitrary<Action> issue = Combinators.combine(person, Arbitraries.of(Command.class),
                Arbitraries.of(true, false)).as(Issue::new);
        Arbitrary<Action> waitFor = Arbitraries.integers().between(1, 60).map(Wait::new);
        Arbitrary<Action> join = person.map(Join::new);
        Arbitrary<Action> leave = person.map(Leave::new);
        Arbitrary<Action> size = Arbitraries.integers().between(0, 12).map(Size::new);
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(40, say), net.jqwik.api.Tuple.of(4, edit), net.jqwik.api.Tuple.of(12, press),
                net.jqwik.api.Tuple.of(18, issue), net.jqwik.api.Tuple.of(8, waitFor), net.jqwik.api.Tuple.of(4, join),
                net.jqwik.api.Tuple.of(2, leave), net.jqwik.api.Tuple.of(2, size));
        return action.list().ofMinSize(1).ofMaxSize(150);
    }

    @Property(tries = 300)
    void invariantsHoldOnTheMiniFlow(@ForAll("histories") List<Action> history) {
        play(engine("flows/mini.yaml", "flows/test-messages.yaml"), history);
    }

    @Property(tries = 150)
    void invariantsHoldOnTheStockFlow(@ForAll("histories") List<Action> history) {
        play(engine("flows/stock.yaml", "flows/messages.yaml"), history);
    }

    private static Engine engine(String flow, String messages) {
        return new Engine(FlowLoader.loadResource(flow), FlowLoader.loadMessagesResource(messages),
                new RuleBasedGoalChecker(), EngineSettings.defaults().withNudgeAfter(Duration.ofHours(20)));
    }

    private void play(Engine engine, List<Action> history) {
        Flow flow = engine.flow();
        GroupState state = engine.newGroup("g1");
        Instant clock = Instant.parse("2026-01-05T02:00:00Z");
        List<String> refsSent = new ArrayList<>();
        int milestonesSeen = 0;
        int messageNumber = 0;
        // the group starts in a realistic way most of the time
        state = engine.step(state, new Event.CommandIssued(clock, member(0), "m0", Command.START, "")).state();

        for (Action action : history) {
            clock = clock.plus(Duration.ofMinutes(1));
            String ref = "m" + (++messageNumber);
            Event event = toEvent(action, state, flow, clock, ref, refsSent);
            GroupState before = state;
            Step step = engine.step(before, event);
            state = step.state();

            noAnswerIsStoredTwice(before, step);
            stagesOnlyMoveForwardUnlessTheFacilitatorGoesBack(before, step, event);
            milestonesSeen += quorumIsRespectedAndMilestonesMatchCompletions(before, step, flow);
            assertThat(state.milestones()).isEqualTo(milestonesSeen);
            stateRoundTrips(state, event, step);
        }
    }

    private Event toEvent(Action action, GroupState state, Flow flow, Instant at, String ref, List<String> refsSent) {
        if (action instanceof Say say) {
            refsSent.add(ref);
            Stage stage = flow.stage(state.stageIndex());
            String promptKey = say.replyToPrompt() ? stage.prompts().get(state.promptIndex()).key() : null;
            return new Event.MemberAnswered(at, member(say.person()), ref, promptKey, TEXTS.get(say.text()));
        }
        if (action instanceof Edit edit) {
            String target = refsSent.isEmpty() ? ref : refsSent.get(Math.max(0, refsSent.size() - edit.answerBack()));
            return new Event.AnswerEdited(at, member(edit.person()), target, TEXTS.get(edit.text()));
        }
        if (action instanceof Press press) {
            Stage stage = flow.stage(state.stageIndex());
            Prompt prompt = stage.prompts().get(press.prompt() % stage.prompts().size());
            String value = prompt.choices().isEmpty() ? Integer.toString(press.value())
                    : prompt.choices().get(press.value() % prompt.choices().size()).key();
            return new Event.OptionChosen(at, member(press.person()), ref, stage.key(), state.round(), prompt.key(), value);
        }
        if (action instanceof Issue issue) {
            Member who = issue.fromFacilitator() && state.facilitatorId() != null
                    ? state.member(state.facilitatorId()) : member(issue.person());
            return new Event.CommandIssued(at, who, ref, issue.command(), issue.command() == Command.LANGUAGE ? "en" : "");
        }
        if (action instanceof Wait wait) {
            return new Event.TimePassed(at.plus(Duration.ofHours(wait.hours())));
        }
        if (action instanceof Join join) {
            return new Event.MemberJoined(at, member(join.person()));
        }
        if (action instanceof Leave leave) {
            return new Event.MemberLeft(at, member(leave.person()).id());
        }
        return new Event.GroupSizeReported(at, ((Size) action).people());
    }

    private static Member member(int index) {
        String name = PEOPLE.get(index);
        return Member.of(name.toLowerCase(), name);
    }

    private void noAnswerIsStoredTwice(GroupState before, Step step) {
        Set<String> keys = new HashSet<>();
        for (Answer answer : step.state().answers()) {
            assertThat(keys.add(answer.key())).as("answer %s stored once", answer.key()).isTrue();
        }
        Set<String> earlier = new HashSet<>();
        before.answers().forEach(a -> earlier.add(a.key()));
        for (Effect effect : step.effects()) {
            if (effect instanceof Effect.AnswerRecorded recorded && !recorded.corrected()) {
                assertThat(earlier).as("a new answer is not one stored before").doesNotContain(recorded.answer().key());
            }
        }
    }

    private void stagesOnlyMoveForwardUnlessTheFacilitatorGoesBack(GroupState before, Step step, Event event) {
        GroupState after = step.state();
        assertThat(after.stageIndex()).isGreaterThanOrEqualTo(before.stageIndex());
        boolean facilitatorRepeated = event instanceof Event.CommandIssued c && c.command() == Command.REPEAT
                && before.isFacilitator(c.member().id());
        if (after.stageIndex() == before.stageIndex() && after.round() != before.round()) {
            assertThat(facilitatorRepeated).as("only the facilitator repeats a stage").isTrue();
            assertThat(after.round()).isEqualTo(before.round() + 1);
        }
    }

    private int quorumIsRespectedAndMilestonesMatchCompletions(GroupState before, Step step, Flow flow) {
        List<Effect.MilestoneReached> milestones = step.effects().stream()
                .filter(Effect.MilestoneReached.class::isInstance).map(Effect.MilestoneReached.class::cast).toList();
        assertThat(milestones.size()).as("at most one milestone per event").isLessThanOrEqualTo(1);
        for (Effect.MilestoneReached milestone : milestones) {
            StageSummary summary = milestone.summary();
            assertThat(summary.stageKey()).isEqualTo(flow.stage(before.stageIndex()).key());
            assertThat(summary.complete()).isTrue();
            boolean stageLeft = step.state().stageIndex() > before.stageIndex()
                    || step.state().status() == GroupStatus.AWAITING_FACILITATOR
                    || step.state().status() == GroupStatus.FINISHED;
            assertThat(stageLeft).as("a milestone closes the stage").isTrue();
            if (summary.closedBy() == ClosedBy.QUORUM) {
                Stage stage = flow.stage(before.stageIndex());
                GroupState after = step.state();
                int quorum = after.reportedSize() == null ? stage.quorum()
                        : Math.max(1, Math.min(stage.quorum(),
                        after.reportedSize() - (after.facilitatorId() == null ? 0 : 1)));
                StageSummary.PromptAnswers last = summary.prompts().get(summary.prompts().size() - 1);
                long residents = last.answers().stream().map(Answer::memberId)
                        .filter(id -> !after.isFacilitator(id)).distinct().count();
                assertThat(residents).as("quorum of the last prompt").isGreaterThanOrEqualTo(quorum);
            }
        }
        return milestones.size();
    }

    private void stateRoundTrips(GroupState state, Event event, Step step) {
        assertThat(codec.readState(codec.write(state))).isEqualTo(state);
        assertThat(codec.readEvent(codec.write(event))).isEqualTo(event);
        for (Effect effect : step.effects()) {
            assertThat(codec.readEffect(codec.write(effect))).isEqualTo(effect);
        }
    }
}
