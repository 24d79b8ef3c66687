package id.rembug.bot.knowledge.llm;

import id.rembug.knowledge.KnowledgeBase;
import id.rembug.knowledge.search.ArticleVectors;
import id.rembug.knowledge.search.KnowledgeSearch;
import id.rembug.knowledge.search.SemanticQuery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The knowledge base searched by meaning, when an embeddings model is configured
 * ({@code rembug.llm.embeddings-model}): the articles' vectors are asked for once, on the first
 * question (not at start-up, so a slow or absent model server never delays the bot), and kept;
 * each question is one more call. Used only after the turn, by the {@link GroundedAnswerer}'s
 * model job, so a slow embeddings server delays no conversation.
 *
 * <p>Any failure means "by words alone" for that question; a failed attempt at the articles'
 * vectors is tried again after {@link #RETRY_AFTER}, not on every question.
 */
public final class ArticleEmbeddings {

    static final String ARTICLES_TASK = "article vectors";
    static final String QUESTION_TASK = "question vector";
    static final Duration RETRY_AFTER = Duration.ofMinutes(5);

    private final LlmClient llm;
    private final KnowledgeBase knowledgeBase;
    private final double minSimilarity;
    private final Clock clock;
    private volatile ArticleVectors vectors;
    private Instant nextAttempt = Instant.MIN;

    public ArticleEmbeddings(LlmClient llm, KnowledgeBase knowledgeBase, double minSimilarity, Clock clock) {
        this.llm = llm;
        this.knowledgeBase = knowledgeBase;
        this.minSimilarity = minSimilarity;
        this.clock = clock;
    }

    /** No embeddings model: every question is searched by words alone. */
    public static ArticleEmbeddings off(KnowledgeSearch search) {
        return new ArticleEmbeddings(LlmClient.off(), search.knowledgeBase(), 1, Clock.systemUTC());
    }

    /** The question as a vector with the articles' vectors; empty when off or on any failure. */
    public Optional<SemanticQuery> query(String question) {
        if (!llm.embeddingsEnabled() || question == null || question.isBlank()) {
            return Optional.empty();
        }
        Optional<ArticleVectors> articles = articles();
        if (articles.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<float[]>> asked = llm.embed(QUESTION_TASK, List.of(question.strip()));
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        try {
            articles.get().requireSameModel(asked.get().get(0));
            llm.usable(QUESTION_TASK);
            return Optional.of(new SemanticQuery(articles.get(), asked.get().get(0), minSimilarity));
        } catch (IllegalArgumentException mismatch) {
            llm.unusable(QUESTION_TASK, mismatch.getMessage());
            return Optional.empty();
        }
    }

    private synchronized Optional<ArticleVectors> articles() {
        if (vectors != null) {
            return Optional.of(vectors);
        }
        Instant now = clock.instant();
        if (now.isBefore(nextAttempt)) {
            return Optional.empty();
        }
        nextAttempt = now.plus(RETRY_AFTER);
        List<ArticleVectors.Source> sources = ArticleVectors.textsOf(knowledgeBase);
        Optional<List<float[]>> embedded = llm.embed(ARTICLES_TASK,
                sources.stream().map(ArticleVectors.Source::text).toList());
        if (embedded.isEmpty()) {
            return Optional.empty();
        }
        try {
            vectors = ArticleVectors.of(sources, embedded.get());
            llm.usable(ARTICLES_TASK);
            return Optional.of(vectors);
        } catch (IllegalArgumentException unusable) {
            llm.unusable(ARTICLES_TASK, unusable.getMessage());
            return Optional.empty();
        }
    }
}
