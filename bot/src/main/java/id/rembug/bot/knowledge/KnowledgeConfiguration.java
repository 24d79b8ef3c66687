package id.rembug.bot.knowledge;

import id.rembug.dialogues.flow.Flow;
import id.rembug.knowledge.search.KnowledgeSearch;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The knowledge base, loaded and indexed once at start-up (a broken article or text file stops
 * the start with its problems), and the advisor that answers from it.
 */
@Configuration(proxyBeanMethods = false)
public class KnowledgeConfiguration {

    @Bean(destroyMethod = "close")
    KnowledgeSearch knowledgeSearch() {
        return KnowledgeSearch.createDefault();
    }

    @Bean
    KnowledgeTexts knowledgeTexts() {
        return KnowledgeTexts.loadDefault();
    }

    @Bean
    AnswerSignals answerSignals() {
        return AnswerSignals.loadDefault();
    }

    @Bean
    KnowledgeAdvisor knowledgeAdvisor(KnowledgeSearch search, Flow flow, KnowledgeTexts texts, AnswerSignals signals) {
        return new KnowledgeAdvisor(search, flow, texts, signals);
    }
}
