package id.rembug.knowledge.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Ranking quality over a set of evaluation questions. */
record RetrievalMetrics(int questions, int foundAt1, int foundAt3, double reciprocalRankSum, List<Miss> missesAt3) {

    /** A question whose expected article was not among the top 3, with what came instead. */
    record Miss(EvaluationQuestions.Question question, List<String> top3) {
        @Override
        public String toString() {
            return "[" + question.language() + "] " + question.text() + "  expected " + question.expected()
                    + " got " + top3;
        }
    }

    static RetrievalMetrics measure(KnowledgeSearch search, List<EvaluationQuestions.Question> questions) {
        int at1 = 0;
        int at3 = 0;
        double reciprocalRanks = 0;
        List<Miss> misses = new ArrayList<>();
        for (EvaluationQuestions.Question question : questions) {
            List<String> ranking = search.search(question.text(), Integer.MAX_VALUE).stream()
                    .map(hit -> hit.article().id())
                    .toList();
            int rank = 0;
            for (int i = 0; i < ranking.size(); i++) {
                if (question.expected().contains(ranking.get(i))) {
                    rank = i + 1;
                    break;
                }
            }
            if (rank == 1) {
                at1++;
            }
            if (rank >= 1 && rank <= 3) {
                at3++;
            } else {
                misses.add(new Miss(question, ranking.subList(0, Math.min(3, ranking.size()))));
            }
            if (rank > 0) {
                reciprocalRanks += 1.0 / rank;
            }
        }
        return new RetrievalMetrics(questions.size(), at1, at3, reciprocalRanks, List.copyOf(misses));
    }

    double precisionAt1() {
        return recallAt1();
    }

    double recallAt1() {
        return questions == 0 ? 0 : (double) foundAt1 / questions;
    }

    double recallAt3() {
        return questions == 0 ? 0 : (double) foundAt3 / questions;
    }

    double meanReciprocalRank() {
        return questions == 0 ? 0 : reciprocalRankSum / questions;
    }

    String describe() {
        // one expected article per question, so the share of questions whose first hit is right is precision@1
        return String.format(Locale.ROOT, "precision@1 = %.2f (%d/%d), recall@3 = %.2f (%d/%d), MRR = %.3f",
                recallAt1(), foundAt1, questions, recallAt3(), foundAt3, questions, meanReciprocalRank());
    }
}
