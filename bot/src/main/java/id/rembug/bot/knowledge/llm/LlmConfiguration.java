package id.rembug.bot.knowledge.llm;

import id.rembug.bot.knowledge.KnowledgeAdvisor;
import id.rembug.bot.knowledge.KnowledgeTexts;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.goal.GoalChecker;
import id.rembug.knowledge.search.KnowledgeSearch;

import java.time.Clock;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The optional language model and the three features that use it. The features are always
 * there: with {@code rembug.llm.base-url} unset they give their deterministic results and make
 * no network call, so callers never need to ask whether the model is on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlmProperties.class)
public class LlmConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LlmConfiguration.class);

    @Bean
    LlmClient llmClient(LlmProperties properties) {
        LlmClient client = LlmClient.connect(properties);
        if (client.enabled()) {
            log.info("Language model on: {} (time-out {}); summaries, goal checks and /tanya answers fall back to "
                    + "the deterministic result on any failure.", client.description(), properties.timeout());
        } else {
            log.info("Language model off (rembug.llm.base-url unset): deterministic summaries, goal checks and answers.");
        }
        return client;
    }

    @Bean
    LlmPrompts llmPrompts() {
        return LlmPrompts.loadDefault();
    }

    @Bean
    StageSummaryWriter stageSummaryWriter(LlmClient llm, Flow flow, KnowledgeTexts texts, LlmPrompts prompts) {
        return new StageSummaryWriter(llm, flow, texts, prompts);
    }

    @Bean
    GoalSecondOpinion goalSecondOpinion(LlmClient llm, GoalChecker goalChecker, LlmPrompts prompts) {
        return new GoalSecondOpinion(llm, goalChecker, prompts);
    }

    @Bean
    ArticleEmbeddings articleEmbeddings(LlmClient llm, KnowledgeSearch search, LlmProperties properties, Clock clock) {
        return new ArticleEmbeddings(llm, search.knowledgeBase(), properties.embeddingsMinSimilarity(), clock);
    }

    @Bean
    GroundedAnswerer groundedAnswerer(LlmClient llm, KnowledgeAdvisor advisor, KnowledgeSearch search,
                                      ArticleEmbeddings embeddings, KnowledgeTexts texts, LlmPrompts prompts) {
        return new GroundedAnswerer(llm, advisor, search, embeddings, texts, prompts);
    }
}
