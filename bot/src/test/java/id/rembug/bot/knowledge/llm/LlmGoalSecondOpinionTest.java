package id.rembug.bot.knowledge.llm;

import id.rembug.bot.testsupport.OpenAiStub;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static org.assertj.core.api.Assertions.assertThat;

import id.rembug.bot.knowledge.llm.GoalSecondOpinion.GoalOpinion;
import id.rembug.dialogues.goal.GoalCriterion;
import id.rembug.dialogues.goal.RuleBasedGoalChecker;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The model's view of a goal, read strictly, with the rule-based checker behind it. */
class LlmGoalSecondOpinionTest {

    private static final OpenAiStub openAi = new OpenAiStub();
    private static final RuleBasedGoalChecker RULES = new RuleBasedGoalChecker();
    private static final String GOAL = "Membersihkan selokan RT 3 bersama 20 keluarga setiap Sabtu selama 3 bulan";
    private static final String VAGUE_GOAL = "Desa kita jadi lebih baik";

    @BeforeEach
    void reset() {
        openAi.reset();
    }

    @AfterAll
    static void stop() {
        openAi.close();
    }

    private static GoalSecondOpinion opinion(LlmClient llm) {
        return new GoalSecondOpinion(llm, RULES, LlmPrompts.loadDefault());
    }

    @Test
    void modelJudgementIsUsedWithEvidenceItReallyQuoted() {
        openAi.answer("{\"realistic\": true, \"measurable\": true, \"time_framed\": true, \"scoped\": false,"
                + " \"evidence\": {\"measurable\": \"20 keluarga\", \"time_framed\": \"dalam 2 minggu\"}}");

        GoalOpinion result = opinion(openAi.client()).assess(GOAL);

        assertThat(result.source()).isEqualTo(Source.LLM);
        assertThat(result.assessment().met()).containsExactlyInAnyOrder(
                GoalCriterion.REALISTIC, GoalCriterion.MEASURABLE, GoalCriterion.TIME_FRAMED);
        // "dalam 2 minggu" is not in the goal: an invented quote is dropped, the true one kept.
        assertThat(result.assessment().evidence()).containsOnlyKeys(GoalCriterion.MEASURABLE)
                .containsEntry(GoalCriterion.MEASURABLE, "20 keluarga");
    }

    @Test
    void jsonInACodeFenceIsAccepted() {
        openAi.answer("```json\n{\"realistic\": false, \"measurable\": false, \"time_framed\": false, \"scoped\": false}\n```");

        GoalOpinion result = opinion(openAi.client()).assess(VAGUE_GOAL);

        assertThat(result.source()).isEqualTo(Source.LLM);
        assertThat(result.assessment().met()).isEmpty();
    }

    @Test
    void proseInsteadOfJsonFallsBackToTheRules() {
        openAi.answer("This goal looks realistic and measurable to me!");

        GoalOpinion result = opinion(openAi.client()).assess(GOAL);

        assertThat(result).isEqualTo(new GoalOpinion(RULES.assess(GOAL), Source.DETERMINISTIC));
    }

    @Test
    void missingCriterionFallsBackToTheRules() {
        openAi.answer("{\"realistic\": true, \"measurable\": true, \"time_framed\": true}");

        assertThat(opinion(openAi.client()).assess(GOAL).source()).isEqualTo(Source.DETERMINISTIC);
    }

    @Test
    void criterionAsTextInsteadOfTrueOrFalseFallsBackToTheRules() {
        openAi.answer("{\"realistic\": \"yes\", \"measurable\": true, \"time_framed\": true, \"scoped\": true}");

        GoalOpinion result = opinion(openAi.client()).assess(VAGUE_GOAL);

        assertThat(result.source()).isEqualTo(Source.DETERMINISTIC);
        assertThat(result.assessment()).isEqualTo(RULES.assess(VAGUE_GOAL));
    }

    @Test
    void jsonArrayFallsBackToTheRules() {
        openAi.answer("[true, true, true, true]");

        assertThat(opinion(openAi.client()).assess(GOAL).source()).isEqualTo(Source.DETERMINISTIC);
    }

    @Test
    void serverErrorAndTimeOutFallBackToTheRules() {
        openAi.respond(serverError());
        assertThat(opinion(openAi.client()).assess(GOAL).source()).isEqualTo(Source.DETERMINISTIC);

        openAi.reset();
        openAi.respond(aResponse().withFixedDelay(3_000).withBody(OpenAiStub.completion("{}")));
        LlmClient impatient = LlmClient.connect(openAi.properties(Duration.ofMillis(300)));
        assertThat(opinion(impatient).assess(GOAL)).isEqualTo(new GoalOpinion(RULES.assess(GOAL), Source.DETERMINISTIC));
    }

    @Test
    void modelOffUsesTheRulesWithoutACall() {
        GoalOpinion result = opinion(LlmClient.off()).assess(GOAL);

        assertThat(result.source()).isEqualTo(Source.DETERMINISTIC);
        // the rules never assert realism: they leave it to the group
        assertThat(result.assessment().met()).isEqualTo(EnumSet.complementOf(EnumSet.of(GoalCriterion.REALISTIC)));
        assertThat(result.assessment().notCheckable()).containsExactly(GoalCriterion.REALISTIC);
        assertThat(openAi.requestCount()).isZero();
    }
}
