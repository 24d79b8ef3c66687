package id.rembug.knowledge;

/**
 * Something wrong in an article file, precise enough for a non-programmer to fix it.
 *
 * @param file    the file as it was loaded (path or classpath location)
 * @param line    1-based line number in that file
 * @param message what is wrong and, where it helps, what was expected
 */
public record ArticleProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
