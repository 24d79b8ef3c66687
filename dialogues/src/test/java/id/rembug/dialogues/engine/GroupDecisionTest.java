package id.rembug.dialogues.engine;

import id.rembug.dialogues.flow.FlowLoader;
import id.rembug.dialogues.goal.RuleBasedGoalChecker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Group decisions and memory across stages: what reads better in Java than in a transcript. */
class GroupDecisionTest {

    private final Engine engine = new Engine(FlowLoader.loadResource("flows/decide.yaml"),
            FlowLoader.loadMessagesResource("flows/messages.yaml"), new RuleBasedGoalChecker(),
            EngineSettings.defaults().withLatecomerGrace(Duration.ZERO));
    private final Member fasil = Member.of("fasil", "Fasil");
    private final Member ani = Member.of("ani", "Ani");
    private final Member budi = Member.of("budi", "Budi");
    private Instant clock = Instant.parse("2026-03-02T02:00:00Z");
    private final List<Effect> effects = new ArrayList<>();
    private GroupState state = engine.newGroup("g");

    private void play(Event... events) {
        for (Event event : events) {
            Step step = engine.step(state, event);
            state = step.state();
            effects.addAll(step.effects());
        }
    }

    private Instant tick() {
        clock = clock.plusSeconds(60);
        return clock;
    }

    /** Through the first stage to the goal vote, with two candidates. */
    private void toTheVote() {
        play(new Event.BotAdded(tick(), fasil), new Event.CommandIssued(tick(), fasil, "m1", Command.CLAIM_FACILITATOR, ""),
                new Event.MemberJoined(tick(), ani), new Event.MemberJoined(tick(), budi),
                new Event.CommandIssued(tick(), ani, "m2", Command.START, ""),
                new Event.MemberAnswered(tick(), ani, "m3", null, "sampah menumpuk"),
                new Event.MemberAnswered(tick(), budi, "m4", null, "selokan mampet"),
                new Event.CommandIssued(tick(), fasil, "m5", Command.ADVANCE, ""),
                new Event.MemberAnswered(tick(), ani, "m6", null, "kampung bersih"),
                new Event.MemberAnswered(tick(), budi, "m7", null,
                        "Dalam 3 bulan, 20 rumah memilah sampah lewat bank sampah"));
    }

    @Test
    void thePromptAfterAVoteQuotesTheAgreedGoalAndEarlierAnswers() {
        toTheVote();
        Effect.AskPrompt goalQuestion = effects.stream().filter(Effect.AskPrompt.class::isInstance)
                .map(Effect.AskPrompt.class::cast).filter(a -> a.promptKey().equals("sasaran")).findFirst().orElseThrow();
        assertThat(goalQuestion.text()).startsWith("Masalah kita: sampah menumpuk, selokan mampet.");

        play(new Event.CommandIssued(tick(), fasil, null, Command.CLOSE_VOTE, "tujuan:1:0", true),
                new Event.CommandIssued(tick(), fasil, null, Command.AGREE, "tujuan:1:0:1", true));

        Effect.AskPrompt target = (Effect.AskPrompt) effects.get(effects.size() - 1);
        assertThat(target.text()).isEqualTo("Tujuan kita: Dalam 3 bulan, 20 rumah memilah sampah lewat bank sampah."
                + " Apa target bulan ini?");
        Effect.DecisionAgreed agreed = effects.stream().filter(Effect.DecisionAgreed.class::isInstance)
                .map(Effect.DecisionAgreed.class::cast).findFirst().orElseThrow();
        assertThat(agreed.text()).startsWith("📌 Tujuan bersama kita: Dalam 3 bulan, 20 rumah memilah sampah");
    }

    @Test
    void anIncompleteAgreedGoalGetsOneQuestionToTheWholeGroupAndNoResidentIsSingledOut() {
        toTheVote();
        assertThat(effects).noneMatch(Effect.GoalFeedback.class::isInstance);

        play(new Event.CommandIssued(tick(), fasil, "m9", Command.AGREE, "kampung kita bersih"));

        Effect.DecisionAgreed agreed = (Effect.DecisionAgreed) effects.stream()
                .filter(Effect.DecisionAgreed.class::isInstance).findFirst().orElseThrow();
        assertThat(agreed.decision().merged()).isTrue();
        assertThat(agreed.text()).contains("Tujuan bersama kita: kampung kita bersih")
                .contains("yuk kita bahas bersama").contains("Sampai kapan?");
    }

    @Test
    void theSummaryShowsTheAgreedTextItsVotesAndWhoVotedForWhat() {
        toTheVote();
        play(new Event.VoteCast(tick(), ani, "tujuan", 1, "sasaran", 1),
                new Event.VoteCast(tick(), budi, "tujuan", 1, "sasaran", 1),
                new Event.CommandIssued(tick(), fasil, null, Command.AGREE, "tujuan:1:0:1", true),
                new Event.MemberAnswered(tick(), ani, "m10", null, "10 rumah"),
                new Event.MemberAnswered(tick(), budi, "m11", null, "20 rumah"));

        StageSummary summary = effects.stream().filter(Effect.MilestoneReached.class::isInstance)
                .map(e -> ((Effect.MilestoneReached) e).summary()).filter(s -> s.stageKey().equals("tujuan"))
                .findFirst().orElseThrow();
        assertThat(summary.decisions()).singleElement().satisfies(d -> {
            assertThat(d.agreed()).startsWith("Dalam 3 bulan");
            assertThat(d.votes()).extracting(Decision.Vote::memberName).containsExactly("Ani", "Budi");
        });
        String text = new SummaryRenderer(engine.flow(), engine.messages()).render(summary,
                id.rembug.dialogues.flow.Language.ID);
        assertThat(text).contains("🤝 Disepakati: Dalam 3 bulan, 20 rumah memilah sampah lewat bank sampah"
                + " (2 suara; yang memilih: Ani → 2, Budi → 2)");
    }

    @Test
    void aMemberWhoLeavesKeepsTheirVoteAndOneWhoDeletesTheirDataLosesItAndTheirName() {
        toTheVote();
        play(new Event.VoteCast(tick(), ani, "tujuan", 1, "sasaran", 0), new Event.MemberLeft(tick(), "ani"));
        assertThat(state.decision("tujuan", 1, "sasaran").orElseThrow().tally()).containsExactly(1, 0);

        play(new Event.MemberErased(tick(), "ani"));

        Decision decision = state.decision("tujuan", 1, "sasaran").orElseThrow();
        assertThat(decision.tally()).containsExactly(0, 0);
        assertThat(decision.candidates().get(0).memberId()).isNull();
        assertThat(decision.candidates().get(0).text()).isEqualTo("kampung bersih");
    }

    @Test
    void decisionsAndMemorySurviveTheStoredFormAndOldStatesReadWithout() {
        toTheVote();
        play(new Event.VoteCast(tick(), ani, "tujuan", 1, "sasaran", 1));
        StateCodec codec = new StateCodec();

        GroupState read = codec.readState(codec.write(state));

        assertThat(read).isEqualTo(state);
        assertThat(read.decisions()).hasSize(1);
        assertThat(read.memory()).containsKey("kenal.masalah");
        String old = codec.write(engine.newGroup("old")).replace(",\"decisions\":[],\"memory\":{}", "");
        assertThat(old).doesNotContain("decisions");
        assertThat(codec.readState(old).decisions()).isEmpty();
        assertThat(codec.readState(old).memory()).isEmpty();
    }

    @Test
    void withoutAnAgreedGoalTheQuoteGivesTheProposalsAndWhatWasNeverAnsweredSaysSo() {
        toTheVote();
        // the facilitator moves on before confirming: the next stage quotes what there is
        play(new Event.CommandIssued(tick(), fasil, "m20", Command.ADVANCE, ""),
                new Event.CommandIssued(tick(), fasil, "m21", Command.ADVANCE, ""));

        Effect.AskPrompt rating = effects.stream().filter(Effect.AskPrompt.class::isInstance)
                .map(Effect.AskPrompt.class::cast).filter(a -> a.promptKey().equals("capai")).findFirst().orElseThrow();
        assertThat(rating.text()).doesNotContain("{").startsWith("Tujuan: kampung bersih / Dalam 3 bulan")
                .contains("Target: (belum ada)");
    }
}
