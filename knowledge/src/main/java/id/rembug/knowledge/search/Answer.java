package id.rembug.knowledge.search;

import java.util.List;
import java.util.Objects;

import id.rembug.knowledge.Article;

/** What the knowledge base can say to a question: an answer, or an honest "I don't know". */
public sealed interface Answer {

    /**
     * The question matched an article well enough to answer with it.
     *
     * @param best         the article to answer with (its summary is the short answer)
     * @param alsoRelevant a few other articles worth offering as "read more", in ranking order;
     *                     for a question about two topics one of them may even score higher
     *                     than {@code best} while covering less of the question
     */
    record Found(SearchHit best, List<SearchHit> alsoRelevant) implements Answer {
        public Found {
            Objects.requireNonNull(best, "best");
            alsoRelevant = List.copyOf(alsoRelevant);
        }
    }

    /**
     * Nothing matched well enough to answer.
     *
     * @param closestTopics the articles that came nearest, best first, to offer instead;
     *                      empty when the question shares nothing with any article
     */
    record NotFound(List<Article> closestTopics) implements Answer {
        public NotFound {
            closestTopics = List.copyOf(closestTopics);
        }
    }
}
