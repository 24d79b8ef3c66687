package id.rembug.bot.knowledge;

import id.rembug.knowledge.search.KnowledgeSearch;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The shipped articles' search and the advisor over them and the stock flow, opened once for a
 * test class and closed after it: {@code @RegisterExtension static final ShippedKnowledge
 * knowledge = new ShippedKnowledge();}.
 */
public final class ShippedKnowledge implements BeforeAllCallback, AfterAllCallback {

    private KnowledgeSearch search;
    private KnowledgeAdvisor advisor;

    @Override
    public void beforeAll(ExtensionContext context) {
        search = KnowledgeSearch.createDefault();
        advisor = new KnowledgeAdvisor(search, StageSummaries.STOCK_FLOW, KnowledgeTexts.loadDefault(),
                AnswerSignals.loadDefault());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        search.close();
    }

    public KnowledgeSearch search() {
        return search;
    }

    public KnowledgeAdvisor advisor() {
        return advisor;
    }
}
