package id.rembug.dialogues.engine;

import id.rembug.dialogues.flow.FlowLoader;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.goal.RuleBasedGoalChecker;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sensitive questions ({@code private: true}, flows/private.yaml: percaya.jangan without names,
 * percaya.ganjalan with names): asked in the private chat, never shown in the group.
 */
class PrivateQuestionTest {

    private final Engine engine = new Engine(FlowLoader.loadResource("flows/private.yaml"),
            FlowLoader.loadMessagesResource("flows/test-messages.yaml"), new RuleBasedGoalChecker(),
            EngineSettings.defaults());
    private final SummaryRenderer renderer = new SummaryRenderer(engine.flow(), engine.messages());
    private final Member ani = Member.of("ani", "Ani");
    private final Member budi = Member.of("budi", "Budi");
    private Instant clock = Instant.parse("2026-03-02T02:00:00Z");

    private Instant tick() {
        clock = clock.plusSeconds(60);
        return clock;
    }

    /** Started, and the group question answered by both: the private question is asked now. */
    private Step atThePrivateQuestion() {
        GroupState state = engine.step(engine.newGroup("g"),
                new Event.CommandIssued(tick(), ani, "m0", Command.START, "")).state();
        state = engine.step(state, new Event.MemberAnswered(tick(), ani, "m1", null, "Semoga sabar")).state();
        return engine.step(state, new Event.MemberAnswered(tick(), budi, "m2", null, "Semoga mendengar"));
    }

    private Step privately(GroupState state, Member member, String promptKey, String text) {
        return engine.step(state, new Event.AnsweredPrivately(tick(), member, "p-" + member.id(), "percaya",
                state.round(), promptKey, text));
    }

    @Test
    void theGroupSeesTheQuestionWithAButtonThatOpensThePrivateChat() {
        Effect.AskPrompt ask = atThePrivateQuestion().effects().stream()
                .filter(Effect.AskPrompt.class::isInstance).map(Effect.AskPrompt.class::cast).findFirst().orElseThrow();

        assertThat(ask.promptKey()).isEqualTo("jangan");
        assertThat(ask.text()).isEqualTo("Pribadi: Apa yang sebaiknya tidak dilakukan pendamping?");
        assertThat(ask.buttons()).singleElement().satisfies(button -> assertThat(button.action())
                .isEqualTo(new ButtonAction.AnswerPrivately("percaya", 1, "jangan")));
    }

    @Test
    void aPrivateAnswerIsSaidToNobodyButTheMemberAndCountsForTheQuorum() {
        GroupState state = atThePrivateQuestion().state();
        state = privately(state, ani, "jangan", "Jangan memaksa").state();
        Step second = privately(state, budi, "jangan", "Jangan memutuskan sendiri");

        assertThat(second.effects()).noneMatch(Effect.Say.class::isInstance);
        assertThat(second.effects()).filteredOn(Effect.SayPrivately.class::isInstance)
                .extracting(e -> ((Effect.SayPrivately) e).memberId()).containsExactly("budi");
        assertThat(second.effects()).filteredOn(Effect.Acknowledge.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((Effect.Acknowledge) e).answered()).isEqualTo(2));
        // the quorum of two is met: the next question is asked
        assertThat(second.effects()).filteredOn(Effect.AskPrompt.class::isInstance)
                .extracting(e -> ((Effect.AskPrompt) e).promptKey()).containsExactly("ganjalan");
    }

    @Test
    void theFacilitatorReadsPrivateAnswersWithoutNamesUnlessTheFlowShowsThem() {
        GroupState state = atThePrivateQuestion().state();
        state = privately(state, ani, "jangan", "Jangan memaksa").state();
        state = privately(state, budi, "jangan", "Jangan memutuskan sendiri").state();
        state = privately(state, ani, "ganjalan", "Iuran kebersihan").state();
        var stage = engine.flow().stage("percaya").orElseThrow();
        List<Answer> answers = state.answers();

        Answer withoutName = answers.stream().filter(a -> a.promptKey().equals("jangan")).findFirst().orElseThrow();
        Answer named = answers.stream().filter(a -> a.promptKey().equals("ganjalan")).findFirst().orElseThrow();
        Answer inTheGroup = answers.stream().filter(a -> a.promptKey().equals("harapan")).findFirst().orElseThrow();
        assertThat(renderer.answerLine(stage, withoutName, Language.ID)).isEqualTo("tanpa nama: Jangan memaksa");
        assertThat(renderer.answerLine(stage, withoutName, Language.EN)).isEqualTo("without name: Jangan memaksa");
        assertThat(renderer.answerLine(stage, named, Language.ID)).isEqualTo("Ani: Iuran kebersihan");
        assertThat(renderer.answerLine(stage, inTheGroup, Language.ID)).isEqualTo("Ani: Semoga sabar");
        // kept with the member, so they can still correct or delete it
        assertThat(withoutName.memberId()).isEqualTo("ani");
    }

    @Test
    void anAnswerOfTheWrongLengthIsRefusedPrivately() {
        String tooLong = "x".repeat(engine.settings().maxAnswerLength() + 1);

        Step step = privately(atThePrivateQuestion().state(), ani, "jangan", tooLong);

        assertThat(step.effects()).singleElement().isInstanceOfSatisfying(Effect.SayPrivately.class, say -> {
            assertThat(say.memberId()).isEqualTo("ani");
            assertThat(say.topic()).isEqualTo("answer-too-long");
        });
    }

    @Test
    void privateAnswersSurviveTheJsonRoundTripAndOldAnswersReadAsNamed() {
        StateCodec codec = new StateCodec();
        GroupState state = privately(atThePrivateQuestion().state(), ani, "jangan", "Jangan memaksa").state();

        assertThat(codec.readState(codec.write(state))).isEqualTo(state);
        // stored compactly: "a" only where true
        String written = codec.write(state);
        assertThat(written).contains(",\"a\":true").doesNotContain("\"a\":false");
        String old = written.replace(",\"a\":true", "");
        assertThat(codec.readState(old).answers()).allSatisfy(a -> assertThat(a.anonymous()).isFalse());
        String longForm = written.replace(",\"a\":true", ",\"anonymous\":true");
        assertThat(codec.readState(longForm)).isEqualTo(state);
    }
}
