package id.rembug.knowledge.search;

/** Prints how each question given on the command line is understood; a tuning aid. */
public final class ExplainQuestions {

    private ExplainQuestions() {
    }

    public static void main(String[] args) {
        try (KnowledgeSearch search = KnowledgeSearch.createDefault()) {
            for (String question : args) {
                System.out.println(question);
                System.out.println(search.explain(question));
            }
        }
    }
}
