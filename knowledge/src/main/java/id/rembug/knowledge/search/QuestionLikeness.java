package id.rembug.knowledge.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import id.rembug.knowledge.Article;
import id.rembug.knowledge.KnowledgeBase;

/**
 * How much a question looks like the questions an article says it answers (its {@code questions:}
 * list, title and summary, in both languages), letter by letter rather than word by word.
 *
 * <p>Residents type the same word many ways: "dilaporin", "laporan", "lapor"; "gotong royong",
 * "gotongroyong"; "pertemuan", "ketemuan". Whole-word search needs each form in a word list; pieces
 * of three to five letters ({@code " lap", "lapo", "apor"}) are shared by all of them without one.
 * Each question of an article is a vector of such pieces weighted by TF-IDF (pieces common to many
 * questions weigh little), and an article is as alike as its most alike question (cosine).
 * Deterministic, in memory, no model: a few hundred sparse vectors.
 *
 * <p>Thread-safe once constructed.
 */
final class QuestionLikeness {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    static final int MIN_PIECE = 3;
    static final int MAX_PIECE = 5;

    private record Example(String articleId, Map<String, Double> vector) {
    }

    private final QueryNormaliser normaliser;
    private final List<Example> examples = new ArrayList<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final int exampleCount;

    QuestionLikeness(KnowledgeBase knowledgeBase, QueryNormaliser normaliser) {
        this.normaliser = normaliser;
        List<Example> counted = new ArrayList<>();
        for (Article article : knowledgeBase.articles()) {
            List<String> texts = new ArrayList<>(article.questions());
            for (String language : List.of("id", "en")) {
                texts.add(article.title().in(language));
                texts.add(article.summary().in(language));
            }
            for (String text : texts) {
                Map<String, Double> counts = pieces(text);
                counts.keySet().forEach(piece -> documentFrequency.merge(piece, 1, Integer::sum));
                counted.add(new Example(article.id(), counts));
            }
        }
        exampleCount = Math.max(1, counted.size());
        for (Example example : counted) {
            examples.add(new Example(example.articleId(), weighted(example.vector())));
        }
    }

    /** Per article, the cosine similarity of the question to the article's most alike example, 0 to 1. */
    Map<String, Double> of(String question) {
        Map<String, Double> query = weighted(pieces(question == null ? "" : question));
        Map<String, Double> best = new HashMap<>();
        for (Example example : examples) {
            best.merge(example.articleId(), cosine(query, example.vector()), Math::max);
        }
        return best;
    }

    /** The question read as search reads it (phone spellings, synonyms), cut into letter pieces. */
    private Map<String, Double> pieces(String text) {
        Map<String, Double> counts = new HashMap<>();
        for (List<String> group : normaliser.normalise(text)) {
            for (String word : group) {
                for (String part : NON_WORD.split(word.toLowerCase(Locale.ROOT))) {
                    if (part.isEmpty()) {
                        continue;
                    }
                    // Spaces mark where a word starts and ends: " lap" says more than "lap".
                    String padded = " " + part + " ";
                    for (int length = MIN_PIECE; length <= MAX_PIECE; length++) {
                        for (int start = 0; start + length <= padded.length(); start++) {
                            counts.merge(padded.substring(start, start + length), 1.0, Double::sum);
                        }
                    }
                }
            }
        }
        return counts;
    }

    /** Log-scaled counts times inverse document frequency, to unit length. */
    private Map<String, Double> weighted(Map<String, Double> counts) {
        Map<String, Double> vector = new HashMap<>();
        double norm = 0;
        for (Map.Entry<String, Double> entry : counts.entrySet()) {
            int frequency = documentFrequency.getOrDefault(entry.getKey(), 0);
            double weight = (1 + Math.log(entry.getValue())) * Math.log(1 + exampleCount / (frequency + 1.0));
            vector.put(entry.getKey(), weight);
            norm += weight * weight;
        }
        double length = Math.sqrt(norm);
        if (length > 0) {
            vector.replaceAll((piece, weight) -> weight / length);
        }
        return vector;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double sum = 0;
        for (Map.Entry<String, Double> entry : small.entrySet()) {
            Double other = large.get(entry.getKey());
            if (other != null) {
                sum += entry.getValue() * other;
            }
        }
        return sum;
    }
}
