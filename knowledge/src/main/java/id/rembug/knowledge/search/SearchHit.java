package id.rembug.knowledge.search;

import java.util.Objects;

import id.rembug.knowledge.Article;

/**
 * An article that matches a question.
 *
 * @param score Lucene's BM25 score; only comparable between hits of the same question
 */
public record SearchHit(Article article, double score) {

    public SearchHit {
        Objects.requireNonNull(article, "article");
    }
}
