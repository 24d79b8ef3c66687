package id.rembug.knowledge;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when one or more article files are invalid; lists every problem, not just the first. */
public final class InvalidArticlesException extends RuntimeException {

    private final List<ArticleProblem> problems;

    public InvalidArticlesException(List<ArticleProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ArticleProblem> problems() {
        return problems;
    }

    private static String describe(List<ArticleProblem> problems) {
        return problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + " in the knowledge articles:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
