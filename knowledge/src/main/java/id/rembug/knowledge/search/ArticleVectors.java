package id.rembug.knowledge.search;

import id.rembug.knowledge.Article;
import id.rembug.knowledge.KnowledgeBase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The articles as vectors from an embeddings model, for ranking a question by meaning as well as
 * by words. Each article is several vectors (its title and summary in each language, and each
 * question people ask about it); a question is as close to an article as to its closest vector,
 * so one well-phrased question in the list is enough to find it.
 *
 * <p>Built at the edge: the application asks its model for the vectors of {@link #textsOf} and
 * hands them back in the same order. Immutable.
 */
public final class ArticleVectors {

    /** One text to embed and the article it stands for. */
    public record Source(String articleId, String text) {
    }

    private final Map<String, List<float[]>> vectorsByArticle;
    private final int dimensions;

    private ArticleVectors(Map<String, List<float[]>> vectorsByArticle, int dimensions) {
        this.vectorsByArticle = vectorsByArticle;
        this.dimensions = dimensions;
    }

    /** The texts that stand for each article, in a fixed order. */
    public static List<Source> textsOf(KnowledgeBase knowledgeBase) {
        List<Source> sources = new ArrayList<>();
        for (Article article : knowledgeBase.articles()) {
            for (String language : List.of("id", "en")) {
                sources.add(new Source(article.id(), article.title().in(language) + ". " + article.summary().in(language)));
            }
            article.questions().forEach(question -> sources.add(new Source(article.id(), question)));
        }
        return List.copyOf(sources);
    }

    /**
     * The vectors of {@code sources}, given in the same order.
     *
     * @throws IllegalArgumentException when the counts differ or a vector is empty or of another size
     */
    public static ArticleVectors of(List<Source> sources, List<float[]> vectors) {
        if (sources.size() != vectors.size()) {
            throw new IllegalArgumentException("asked for " + sources.size() + " vectors and got " + vectors.size());
        }
        Map<String, List<float[]>> byArticle = new LinkedHashMap<>();
        int dimensions = -1;
        for (int i = 0; i < sources.size(); i++) {
            float[] vector = Objects.requireNonNull(vectors.get(i), "vector " + i);
            if (vector.length == 0 || (dimensions >= 0 && vector.length != dimensions)) {
                throw new IllegalArgumentException("vector " + i + " has " + vector.length + " dimensions, expected "
                        + (dimensions < 0 ? "more than 0" : dimensions));
            }
            dimensions = vector.length;
            byArticle.computeIfAbsent(sources.get(i).articleId(), id -> new ArrayList<>()).add(normalised(vector));
        }
        byArticle.replaceAll((id, list) -> List.copyOf(list));
        return new ArticleVectors(Map.copyOf(byArticle), dimensions);
    }

    /**
     * Refuses a question's vector of another size than the articles': it came from another model.
     *
     * @throws IllegalArgumentException naming both sizes
     */
    public void requireSameModel(float[] question) {
        if (question.length != dimensions) {
            throw new IllegalArgumentException("the question's vector has " + question.length
                    + " dimensions, the articles' " + dimensions + ": was the embeddings model changed?");
        }
    }

    /** Cosine similarity of the question to the article's closest vector; 0 for an article without vectors. */
    public double similarity(String articleId, float[] question) {
        requireSameModel(question);
        float[] unit = normalised(question);
        double best = 0;
        for (float[] vector : vectorsByArticle.getOrDefault(articleId, List.of())) {
            double dot = 0;
            for (int i = 0; i < vector.length; i++) {
                dot += vector[i] * unit[i];
            }
            best = Math.max(best, dot);
        }
        return best;
    }

    public int articleCount() {
        return vectorsByArticle.size();
    }

    private static float[] normalised(float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        norm = Math.sqrt(norm);
        float[] unit = new float[vector.length];
        if (norm == 0) {
            return unit;
        }
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }
}
