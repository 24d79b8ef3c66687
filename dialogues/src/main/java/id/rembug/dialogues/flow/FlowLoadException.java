package id.rembug.dialogues.flow;

import java.util.List;

/**
 * A flow or messages file that cannot be used. The message lists every problem at once, so
 * whoever edits the file can fix them all in one go instead of restarting once per typo.
 */
public final class FlowLoadException extends RuntimeException {

    private final String source;
    private final List<FlowProblem> problems;

    /**
     * @param fileKind what kind of file it is, e.g. {@code Flow file} or {@code Messages file}
     */
    public FlowLoadException(String fileKind, String source, List<FlowProblem> problems) {
        super(describe(fileKind, source, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a load failure needs at least one problem");
        }
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<FlowProblem> problems() {
        return problems;
    }

    private static String describe(String fileKind, String source, List<FlowProblem> problems) {
        StringBuilder text = new StringBuilder()
                .append(fileKind).append(' ').append(source).append(" has ").append(problems.size())
                .append(problems.size() == 1 ? " problem; fix it" : " problems; fix them")
                .append(" and start again:");
        for (FlowProblem problem : problems) {
            text.append("\n  ").append(problem.message());
        }
        return text.toString();
    }
}
