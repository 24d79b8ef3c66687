package id.rembug.knowledge.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The hand-written evaluation questions in {@code eval/*.tsv}. */
final class EvaluationQuestions {

    /** A question and the articles that answer it (any one of them is a correct answer). */
    record Question(String language, String text, Set<String> expected) {
    }

    static final String QUESTIONS = "eval/questions.tsv";
    static final String UNRELATED = "eval/unrelated.tsv";
    static final String HOLDOUT = "eval/holdout.tsv";
    static final String UNRELATED_HOLDOUT = "eval/unrelated-holdout.tsv";
    static final String EVERYDAY = "eval/everyday.tsv";
    static final String FRESH = "eval/fresh.tsv";

    private EvaluationQuestions() {
    }

    static List<Question> questions() {
        return read(QUESTIONS, true);
    }

    /** Questions written after the first round of tuning, to check the figures are not just tuning. */
    static List<Question> holdout() {
        return read(HOLDOUT, true);
    }

    /**
     * Issue 16's held-out set: questions written the way residents and new facilitators type, before
     * anyone read the articles' wording. Some expect articles not written yet; those count as misses.
     */
    static List<Question> everyday() {
        return read(EVERYDAY, true);
    }

    /**
     * The second held-out set: written before the articles' question lists and the new articles, by
     * someone who had not opened the article bodies; measures whether the search generalises.
     */
    static List<Question> fresh() {
        return read(FRESH, true);
    }

    static List<Question> unrelatedHoldout() {
        return read(UNRELATED_HOLDOUT, false);
    }

    /** Questions no article answers; their expected set is empty. */
    static List<Question> unrelated() {
        return read(UNRELATED, false);
    }

    private static List<Question> read(String resource, boolean withExpected) {
        List<Question> questions = new ArrayList<>();
        String[] lines = text(resource).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length != (withExpected ? 3 : 2)) {
                throw new IllegalArgumentException(resource + ":" + (i + 1) + ": expected "
                        + (withExpected ? 3 : 2) + " tab-separated columns");
            }
            Set<String> expected = withExpected
                    ? new LinkedHashSet<>(Arrays.asList(columns[2].trim().split("\\s*,\\s*")))
                    : Set.of();
            questions.add(new Question(columns[0].trim(), columns[1].trim(), Set.copyOf(expected)));
        }
        return questions;
    }

    private static String text(String resource) {
        try (InputStream in = EvaluationQuestions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
