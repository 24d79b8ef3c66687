package id.rembug.knowledge.search;

import java.util.Objects;

import id.rembug.knowledge.Article;

/**
 * An article that matches a question.
 *
 * @param score Lucene's BM25 score, or the fused rank score of a search by words and meaning; only
 *              comparable between hits of the same question and search
 */
public record SearchHit(Article article, double score) {

    public SearchHit {
        Objects.requireNonNull(article, "article");
    }
}
