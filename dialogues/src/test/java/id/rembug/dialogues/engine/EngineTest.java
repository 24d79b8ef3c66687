package id.rembug.dialogues.engine;

import id.rembug.dialogues.flow.FlowLoader;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.goal.RuleBasedGoalChecker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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
    void aMemberErasedFromOutsideTheGroupIsForgottenWithoutAWordToTheGroupAlsoAfterLeaving() {
        GroupState state = engine.step(started().state(),
                new Event.MemberAnswered(tick(), ani, "m1", null, "Saya Ani")).state();
        state = engine.step(state, new Event.MemberLeft(tick(), ani.id())).state();

        Step step = engine.step(state, new Event.MemberErased(tick(), ani.id()));

        assertThat(step.effects()).noneMatch(Effect.Say.class::isInstance)
                .anyMatch(effect -> effect instanceof Effect.ForgetMember forget && forget.memberId().equals("ani"));
        assertThat(step.state().answers()).isEmpty();
        assertThat(step.state().members()).doesNotContainKey("ani");
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

    // --- pacing: flows/paced.yaml has kenal (dialogue, no auto_advance), then a development
    // --- phase that never auto-advances: aksi, cek (auto_advance: 2h), evaluasi

    private final Member sari = Member.of("sari", "Sari");

    @Test
    void developmentStageWaitsForTheFacilitatorForever() {
        Engine paced = paced(EngineSettings.defaults());
        Step completed = paced.step(atStage(paced, "aksi"), answer("Kami sudah kerja bakti dua kali"));

        assertThat(completed.state().status()).isEqualTo(GroupStatus.AWAITING_FACILITATOR);
        assertThat(completed.effects()).noneMatch(Effect.ScheduleWakeUp.class::isInstance);

        clock = clock.plus(Duration.ofDays(365));
        Step aYearLater = paced.step(completed.state(), new Event.TimePassed(clock));

        assertThat(aYearLater.effects()).isEmpty();
        assertThat(aYearLater.state().status()).isEqualTo(GroupStatus.AWAITING_FACILITATOR);
        assertThat(stageKey(paced, aYearLater.state())).isEqualTo("aksi");

        Step advanced = paced.step(aYearLater.state(),
                new Event.CommandIssued(tick(), sari, "m9", Command.ADVANCE, ""));
        assertThat(stageKey(paced, advanced.state())).isEqualTo("cek");
    }

    @Test
    void stageAutoAdvanceOverridesThePhase() {
        Engine paced = paced(EngineSettings.defaults());
        Step completed = paced.step(atStage(paced, "cek"), answer("Lancar, tinggal cat pagar"));
        Instant completedAt = clock;

        assertThat(completed.effects()).filteredOn(Effect.ScheduleWakeUp.class::isInstance)
                .containsExactly(new Effect.ScheduleWakeUp(completedAt.plus(Duration.ofHours(2))));

        Step tooEarly = paced.step(completed.state(), new Event.TimePassed(completedAt.plus(Duration.ofMinutes(119))));
        assertThat(tooEarly.effects()).isEmpty();

        Step onTime = paced.step(tooEarly.state(), new Event.TimePassed(completedAt.plus(Duration.ofHours(2))));
        assertThat(onTime.effects()).first().isInstanceOfSatisfying(Effect.Say.class,
                say -> assertThat(say.topic()).isEqualTo("auto-advanced"));
        assertThat(stageKey(paced, onTime.state())).isEqualTo("evaluasi");
    }

    @Test
    void inheritedAutoAdvanceUsesTheEngineSetting() {
        Engine paced = paced(EngineSettings.defaults().withAutoAdvanceAfter(Duration.ofDays(3)));
        Step completed = paced.step(atStage(paced, "kenal"), answer("Saya Ani dari RT 3"));
        Instant completedAt = clock;

        assertThat(completed.effects()).filteredOn(Effect.ScheduleWakeUp.class::isInstance)
                .containsExactly(new Effect.ScheduleWakeUp(completedAt.plus(Duration.ofDays(3))));

        Step tooEarly = paced.step(completed.state(), new Event.TimePassed(completedAt.plus(Duration.ofDays(2))));
        assertThat(tooEarly.effects()).isEmpty();

        Step onTime = paced.step(tooEarly.state(), new Event.TimePassed(completedAt.plus(Duration.ofDays(3))));
        assertThat(stageKey(paced, onTime.state())).isEqualTo("aksi");
    }

    @Test
    void inheritedAutoAdvanceWaitsForeverWhenTheEngineSettingDoes() {
        Engine paced = paced(EngineSettings.defaults().withAutoAdvanceAfter(null));
        Step completed = paced.step(atStage(paced, "kenal"), answer("Saya Ani dari RT 3"));

        assertThat(completed.effects()).noneMatch(Effect.ScheduleWakeUp.class::isInstance);
        Step later = paced.step(completed.state(), new Event.TimePassed(clock.plus(Duration.ofDays(30))));
        assertThat(stageKey(paced, later.state())).isEqualTo("kenal");
    }

    @Test
    void aWaitWrittenInTheFlowCountsEvenWhenTheEngineSettingWaitsForever() {
        Engine paced = paced(EngineSettings.defaults().withAutoAdvanceAfter(null));
        Step completed = paced.step(atStage(paced, "cek"), answer("Lancar, tinggal cat pagar"));

        assertThat(completed.effects()).filteredOn(Effect.ScheduleWakeUp.class::isInstance)
                .containsExactly(new Effect.ScheduleWakeUp(clock.plus(Duration.ofHours(2))));
    }

    private Engine paced(EngineSettings settings) {
        return new Engine(FlowLoader.loadResource("flows/paced.yaml"),
                FlowLoader.loadMessagesResource("flows/test-messages.yaml"), new RuleBasedGoalChecker(), settings);
    }

    /**
     * A group with Sari as its facilitator, started and moved on by her until {@code stageKey} is
     * open; every stage of the paced flow is one question, answered by one resident.
     */
    private GroupState atStage(Engine paced, String stageKey) {
        GroupState state = paced.step(paced.newGroup("g"),
                new Event.CommandIssued(tick(), sari, "m0", Command.CLAIM_FACILITATOR, "")).state();
        state = paced.step(state, new Event.CommandIssued(tick(), ani, "m1", Command.START, "")).state();
        while (!stageKey(paced, state).equals(stageKey)) {
            state = paced.step(state, answer("Jawaban untuk " + stageKey(paced, state))).state();
            state = paced.step(state, new Event.CommandIssued(tick(), sari, "m2", Command.ADVANCE, "")).state();
        }
        return state;
    }

    private Event answer(String text) {
        return new Event.MemberAnswered(tick(), ani, "a" + clock.getEpochSecond(), null, text);
    }

    private static String stageKey(Engine engine, GroupState state) {
        return engine.flow().stage(state.stageIndex()).key();
    }
}
