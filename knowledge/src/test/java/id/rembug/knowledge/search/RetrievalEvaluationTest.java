package id.rembug.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Holds the shipped articles and the search to the hand-written evaluation questions. */
class RetrievalEvaluationTest {

    private static KnowledgeSearch search;

    @BeforeAll
    static void buildSearch() {
        search = KnowledgeSearch.createDefault();
    }

    @AfterAll
    static void closeSearch() {
        search.close();
        // The full table for the README, on request: -Drembug.evaluation.report=true
        if (Boolean.getBoolean("rembug.evaluation.report")) {
            RetrievalEvaluation.main(new String[] {"--misses"});
        }
    }

    @Test
    void evaluationSetIsLargeEnoughAndBilingual() {
        List<EvaluationQuestions.Question> questions = EvaluationQuestions.questions();
        long indonesian = questions.stream().filter(question -> question.language().equals("id")).count();
        long english = questions.stream().filter(question -> question.language().equals("en")).count();
        assertThat(questions).hasSizeGreaterThanOrEqualTo(64);
        assertThat(indonesian).isEqualTo(english);
    }

    @Test
    void everyExpectedArticleExists() {
        assertThat(EvaluationQuestions.questions())
                .flatExtracting(question -> List.copyOf(question.expected()))
                .allSatisfy(id -> assertThat(search.findById(id)).as("article %s", id).isPresent());
    }

    @Test
    void expectedArticleIsInTheTopThreeForAtLeastNinetyPercentOfQuestions() {
        RetrievalMetrics metrics = RetrievalMetrics.measure(search, EvaluationQuestions.questions());
        System.out.printf(Locale.ROOT, "recall@3 = %.2f (%d/%d)%n",
                metrics.recallAt3(), metrics.foundAt3(), metrics.questions());
        assertThat(metrics.recallAt3())
                .as("recall@3; questions missed:%n%s", String.join("\n", metrics.missesAt3().stream()
                        .map(Object::toString).toList()))
                .isGreaterThanOrEqualTo(0.9);
    }

    /**
     * Issue 16's everyday held-out set. Its floor is today's figure (0.27/0.37 when the set was
     * written; 0.32/0.45 with the overview articles; 0.54/0.68 with the seven new articles, the
     * articles' question lists and the phone spellings; 0.62/0.73 with letter likeness). The goal is precision@1 of 0.9; the floor
     * only keeps the search from getting worse.
     */
    @Test
    void everydayQuestionsFindTheirArticleAtLeastAsOftenAsToday() {
        List<EvaluationQuestions.Question> everyday = EvaluationQuestions.everyday();
        assertThat(everyday).hasSizeGreaterThanOrEqualTo(60);
        RetrievalMetrics metrics = RetrievalMetrics.measure(search, everyday);
        System.out.printf(Locale.ROOT, "everyday: %s%n", metrics.describe());
        assertThat(metrics.precisionAt1()).as("precision@1 on everyday.tsv").isGreaterThanOrEqualTo(46 / 74.0);
        assertThat(metrics.recallAt3()).as("recall@3 on everyday.tsv").isGreaterThanOrEqualTo(54 / 74.0);
    }

    /** The second held-out set, written before the question lists: 0.41/0.46 then, 0.66/0.74 with them, 0.69/0.78 with letter likeness. */
    @Test
    void freshQuestionsFindTheirArticleAtLeastAsOftenAsToday() {
        List<EvaluationQuestions.Question> fresh = EvaluationQuestions.fresh();
        assertThat(fresh).hasSizeGreaterThanOrEqualTo(60);
        RetrievalMetrics metrics = RetrievalMetrics.measure(search, fresh);
        System.out.printf(Locale.ROOT, "fresh: %s%n", metrics.describe());
        assertThat(metrics.precisionAt1()).as("precision@1 on fresh.tsv").isGreaterThanOrEqualTo(51 / 74.0);
        assertThat(metrics.recallAt3()).as("recall@3 on fresh.tsv").isGreaterThanOrEqualTo(58 / 74.0);
    }

    @Test
    void unrelatedQuestionsAreDeclined() {
        assertThat(EvaluationQuestions.unrelated())
                .hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(question -> {
                    assertThat(search.answer(question.text()))
                            .as("answer to '%s'", question.text())
                            .isInstanceOf(Answer.NotFound.class);
                    assertThat(search.search(question.text(), 3)).as("hits for '%s'", question.text()).isEmpty();
                });
    }

    @Test
    void relevantQuestionsAreRarelyDeclined() {
        List<EvaluationQuestions.Question> questions = EvaluationQuestions.questions();
        long answered = questions.stream()
                .filter(question -> search.answer(question.text()) instanceof Answer.Found)
                .count();
        assertThat((double) answered / questions.size()).isGreaterThanOrEqualTo(0.9);
    }
}
