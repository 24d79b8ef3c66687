package id.rembug.bot.knowledge.llm;

import id.rembug.bot.summaries.StageSummaryWriter;
import id.rembug.bot.testsupport.OpenAiStub;
import static id.rembug.bot.knowledge.StageSummaries.answer;
import static org.assertj.core.api.Assertions.assertThat;

import id.rembug.bot.knowledge.KnowledgeAdvisor;
import id.rembug.bot.knowledge.KnowledgeConfiguration;
import id.rembug.bot.knowledge.StageSummaries;
import id.rembug.dialogues.engine.StageSummary;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.Language;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans as Spring wires them, in a context holding only the knowledge and LLM configuration
 * and the two engine beans they need: the model is off unless {@code rembug.llm.base-url} is set,
 * and then every {@code rembug.llm.*} property reaches the request.
 */
class LlmConfigurationTest {

    @RegisterExtension
    static final OpenAiStub openAi = new OpenAiStub();
    private static final StageSummary SUMMARY = StageSummaries.of("tantangan",
            answer("masalah", "Sari", "selokan mampet"));

    /** What the engine's configuration and the application's clock provide in the application. */
    @Configuration(proxyBeanMethods = false)
    static class EngineBeans {
        @Bean
        Flow flow() {
            return StageSummaries.STOCK_FLOW;
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(EngineBeans.class, KnowledgeConfiguration.class, LlmConfiguration.class);

    @Test
    void modelIsOffByDefaultAndNothingIsSent() {
        openAi.answer("Ringkasan dari model [tahap-arah].");

        context.run(app -> {
            assertThat(app).hasNotFailed();
            assertThat(app.getBean(LlmClient.class).enabled()).isFalse();
            assertThat(app.getBean(StageSummaryWriter.class).write(SUMMARY, Language.ID).source())
                    .isEqualTo(Source.DETERMINISTIC);
            assertThat(app.getBean(GroundedAnswerer.class).answer("bagaimana menentukan tujuan bersama?", Language.ID)
                    .source()).isEqualTo(Source.DETERMINISTIC);
        });
        assertThat(openAi.requestCount()).isZero();
    }

    @Test
    void configuredModelReceivesEveryProperty() {
        openAi.answer("Warga membahas selokan yang mampet.");

        context.withPropertyValues("rembug.llm.base-url=" + openAi.baseUrl(), "rembug.llm.api-key=secret-key",
                "rembug.llm.model=qwen2.5:7b-instruct", "rembug.llm.timeout=7s", "rembug.llm.max-tokens=123")
                .run(app -> {
                    assertThat(app.getBean(LlmProperties.class).timeout()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(app.getBean(StageSummaryWriter.class).write(SUMMARY, Language.ID).source())
                            .isEqualTo(Source.LLM);
                });

        assertThat(openAi.requests().get(0).getHeader("Authorization")).isEqualTo("Bearer secret-key");
        assertThat(openAi.onlyRequest().get("model").asString()).isEqualTo("qwen2.5:7b-instruct");
        assertThat(openAi.onlyRequest().get("max_tokens").asInt()).isEqualTo(123);
    }

    @Test
    void baseUrlWithoutModelStopsTheStartWithAClearMessage() {
        context.withPropertyValues("rembug.llm.base-url=http://localhost:11434/v1").run(app -> {
            assertThat(app).hasFailed();
            assertThat(app.getStartupFailure()).rootCause().hasMessageContaining("rembug.llm.model must name the model");
        });
    }

    @Test
    void apiKeyIsNotShownInTheProperties() {
        context.withPropertyValues("rembug.llm.base-url=http://localhost:11434/v1", "rembug.llm.model=m",
                "rembug.llm.api-key=sk-very-secret").run(app ->
                assertThat(app.getBean(LlmProperties.class).toString()).doesNotContain("sk-very-secret"));
    }

    @Test
    void advisorIsWiredWithTheFlowBean() {
        context.run(app -> assertThat(app.getBean(KnowledgeAdvisor.class).stagesWithoutArticle()).isEmpty());
    }
}
