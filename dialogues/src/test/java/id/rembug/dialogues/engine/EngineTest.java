package id.rembug.dialogues.engine;

import id.rembug.dialogues.flow.FlowLoader;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.goal.RuleBasedGoalChecker;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Behaviours that read better in Java than in a transcript. */
class EngineTest {

    private final Engine engine = new Engine(FlowLoader.loadResource("flows/mini.yaml"),
            FlowLoader.loadMessagesResource("flows/test-messages.yaml"), new RuleBasedGoalChecker(),
            EngineSettings.defaults());
    private final Member ani = Member.of("ani", "Ani");
    private Instant clock = Instant.parse("2026-03-02T02:00:00Z");

    private Step started() {
        return engine.step(engine.newGroup("g"), new Event.CommandIssued(tick(), ani, "m0", Command.START, ""));
    }

    private Instant tick() {
        clock = clock.plusSeconds(60);
        return clock;
    }

    @Test
    void aTooLongAnswerIsRefusedWithItsLengthAndNothingIsStored() {
        GroupState state = started().state();

        Step step = engine.step(state, new Event.MemberAnswered(tick(), ani, "m1", null, "a".repeat(1001)));

        assertThat(step.effects()).singleElement().isInstanceOfSatisfying(Effect.Say.class, say -> {
            assertThat(say.topic()).isEqualTo("answer-too-long");
            assertThat(say.text()).contains("1001").contains("1000");
            assertThat(say.replyToRef()).isEqualTo("m1");
        });
        assertThat(step.state().answers()).isEmpty();
    }

    @Test
    void editingTheMessageOfAnAnswerCorrectsThatAnswer() {
        GroupState state = engine.step(started().state(),
                new Event.MemberAnswered(tick(), ani, "m1", null, "Saya Ani")).state();

        Step step = engine.step(state, new Event.AnswerEdited(tick(), ani, "m1", "Saya Ani dari RT 4"));

        assertThat(step.state().answers()).singleElement()
                .satisfies(answer -> assertThat(answer.value()).isEqualTo("Saya Ani dari RT 4"));
        assertThat(step.effects()).first().isInstanceOfSatisfying(Effect.AnswerRecorded.class,
                recorded -> assertThat(recorded.corrected()).isTrue());
    }

    @Test
    void editingAMessageThatWasNoAnswerChangesNothing() {
        GroupState state = started().state();

        Step step = engine.step(state, new Event.AnswerEdited(tick(), ani, "m9", "apa saja"));

        assertThat(step.effects()).isEmpty();
        assertThat(step.state().answers()).isEmpty();
    }

    @Test
    void theSameAnswerSentAgainIsNotStoredTwice() {
        GroupState state = engine.step(started().state(),
                new Event.MemberAnswered(tick(), ani, "m1", null, "Saya Ani")).state();

        Step again = engine.step(state, new Event.MemberAnswered(clock, ani, "m1", null, "Saya Ani"));

        assertThat(again.effects()).isEmpty();
        assertThat(again.state().answers()).hasSize(1);
    }

    @Test
    void promptsAndTextsFollowTheGroupsLanguage() {
        GroupState english = engine.step(engine.newGroup("g"),
                new Event.CommandIssued(tick(), ani, "m0", Command.LANGUAGE, "en")).state();
        assertThat(english.language()).isEqualTo(Language.EN);

        Step step = engine.step(english, new Event.CommandIssued(tick(), ani, "m1", Command.START, ""));

        assertThat(step.effects()).filteredOn(Effect.AskPrompt.class::isInstance).singleElement()
                .isInstanceOfSatisfying(Effect.AskPrompt.class,
                        ask -> assertThat(ask.text()).isEqualTo("What is your name and which RT are you from?"));
    }

    @Test
    void aStateSurvivesTheJsonRoundTripWithAnswersAndGoals() {
        StateCodec codec = new StateCodec();
        GroupState state = started().state();
        for (String text : List.of("Saya Ani", "warga")) {
            state = engine.step(state, new Event.MemberAnswered(tick(), ani, "r" + text.length(), null, text)).state();
        }

        assertThat(codec.readState(codec.write(state))).isEqualTo(state);
    }
}
