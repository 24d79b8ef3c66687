package id.rembug.dialogues.flow;

/**
 * One thing wrong with a flow or messages file, phrased for the staff member who edits it.
 *
 * @param source   the file (or classpath resource) the problem is in
 * @param line     1-based line of the offending YAML node; 0 when the problem is the file itself
 * @param field    path of the field, e.g. {@code phases[0].stages[3].prompts[1].kind}; empty when
 *                 the problem is the file itself
 * @param found    what the file has, ready to show: a quoted value such as {@code 'choise'}, or a
 *                 description such as {@code nothing} or {@code a list}
 * @param expected what would be accepted there
 */
public record FlowProblem(String source, int line, String field, String found, String expected) {

    /** E.g. {@code stock.yaml:42: phases[0].stages[3].prompts[1].kind: found 'choise', expected one of text, ...}. */
    public String message() {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (!field.isEmpty()) {
            text.append(field).append(": ");
        }
        return text.append("found ").append(found).append(", expected ").append(expected).toString();
    }

    @Override
    public String toString() {
        return message();
    }
}
