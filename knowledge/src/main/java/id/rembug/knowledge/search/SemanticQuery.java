package id.rembug.knowledge.search;

import java.util.Objects;

/**
 * A question as a vector, with the articles' vectors from the same model, for
 * {@link KnowledgeSearch#search(String, int, SemanticQuery)}.
 *
 * @param minSimilarity the cosine similarity from which an article may answer on meaning alone
 *                      (when its words do not match the question's well enough); depends on the
 *                      model, so it is configured
 */
public record SemanticQuery(ArticleVectors articles, float[] question, double minSimilarity) {

    public SemanticQuery {
        Objects.requireNonNull(articles, "articles");
        Objects.requireNonNull(question, "question");
        if (!(minSimilarity > 0 && minSimilarity <= 1)) {
            throw new IllegalArgumentException("minSimilarity must be in (0, 1]; found " + minSimilarity);
        }
    }
}
