package id.rembug.knowledge.search;

import java.util.List;
import java.util.Locale;

/**
 * Prints how well the shipped articles are found for the evaluation questions, per language:
 * the figures quoted in the README. Run it from an IDE, or through the evaluation test with
 * {@code ./mvnw -o -q -pl knowledge test -Dtest=RetrievalEvaluationTest -Drembug.evaluation.report=true}.
 * The argument {@code --misses} also lists the questions whose article was not in the top 3.
 */
public final class RetrievalEvaluation {

    private RetrievalEvaluation() {
    }

    public static void main(String[] args) {
        boolean verbose = List.of(args).contains("--misses");
        try (KnowledgeSearch search = KnowledgeSearch.createDefault()) {
            List<EvaluationQuestions.Question> questions = EvaluationQuestions.questions();
            System.out.println("Articles: " + search.knowledgeBase().articles().size()
                    + ", questions: " + questions.size());
            for (String language : List.of("id", "en")) {
                List<EvaluationQuestions.Question> subset = questions.stream()
                        .filter(question -> question.language().equals(language))
                        .toList();
                print(language, RetrievalMetrics.measure(search, subset), verbose);
            }
            print("all", RetrievalMetrics.measure(search, questions), verbose);

            long answered = questions.stream()
                    .filter(question -> search.answer(question.text()) instanceof Answer.Found)
                    .count();
            List<EvaluationQuestions.Question> unrelated = EvaluationQuestions.unrelated();
            long declined = unrelated.stream()
                    .filter(question -> search.answer(question.text()) instanceof Answer.NotFound)
                    .count();
            System.out.printf(Locale.ROOT, "answered (Found) = %d/%d relevant questions; declined (NotFound) = %d/%d unrelated%n",
                    answered, questions.size(), declined, unrelated.size());

            printHeldOut(search, "Held-out questions (written after tuning, see holdout.tsv)",
                    EvaluationQuestions.holdout(), verbose);
            printHeldOut(search, "Everyday held-out questions (issue 16, written before reading the articles, see everyday.tsv)",
                    EvaluationQuestions.everyday(), verbose);
            // its misses are never printed: reading them would turn it into a tuning set
            printHeldOut(search, "Fresh held-out questions (written before the question lists and new articles, see fresh.tsv)",
                    EvaluationQuestions.fresh(), false);
            List<EvaluationQuestions.Question> unrelatedHoldout = EvaluationQuestions.unrelatedHoldout();
            long declinedHoldout = unrelatedHoldout.stream()
                    .filter(question -> search.answer(question.text()) instanceof Answer.NotFound)
                    .count();
            System.out.printf(Locale.ROOT, "declined (NotFound) = %d/%d held-out unrelated%n",
                    declinedHoldout, unrelatedHoldout.size());
        }
    }

    private static void printHeldOut(KnowledgeSearch search, String title, List<EvaluationQuestions.Question> questions,
                                     boolean withMisses) {
        System.out.println(title + ": " + questions.size());
        RetrievalMetrics metrics = RetrievalMetrics.measure(search, questions);
        print("all", metrics, false);
        if (withMisses) {
            metrics.missesAt3().forEach(miss -> System.out.println("      miss: " + miss));
        }
    }

    private static void print(String label, RetrievalMetrics metrics, boolean verbose) {
        System.out.printf(Locale.ROOT, "%-3s %s%n", label, metrics.describe());
        if (verbose && !label.equals("all")) {
            metrics.missesAt3().forEach(miss -> System.out.println("      miss: " + miss));
        }
    }
}
