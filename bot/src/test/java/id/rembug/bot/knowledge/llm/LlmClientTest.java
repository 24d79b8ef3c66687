package id.rembug.bot.knowledge.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What goes over the wire to the OpenAI-compatible server, and how failures are reported. */
class LlmClientTest {

    private static final OpenAiStub openAi = new OpenAiStub();
    private final Logger logger = (Logger) LoggerFactory.getLogger(LlmClient.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void setUp() {
        openAi.reset();
        logged.start();
        // tests log warnings only by default; this one reads the client's INFO lines too
        logger.setLevel(Level.DEBUG);
        logger.addAppender(logged);
    }

    @AfterEach
    void tearDown() {
        logger.detachAppender(logged);
        logger.setLevel(null);
    }

    @AfterAll
    static void stop() {
        openAi.close();
    }

    @Test
    void apiKeyIsSentAsBearerToken() {
        openAi.answer("ok");
        LlmClient llm = LlmClient.connect(new LlmProperties(openAi.baseUrl(), "sk-test-123", "gpt-test",
                Duration.ofSeconds(5), 42, 2, 50, 5, Duration.ofMinutes(10), "", 0.6));

        assertThat(llm.chat("test", "system", "user", false)).contains("ok");

        assertThat(openAi.requests().get(0).getHeader("Authorization")).isEqualTo("Bearer sk-test-123");
        assertThat(openAi.onlyRequest().get("model").asString()).isEqualTo("gpt-test");
        assertThat(openAi.onlyRequest().get("max_tokens").asInt()).isEqualTo(42);
        assertThat(llm.description()).doesNotContain("sk-test-123");
    }

    @Test
    void withoutApiKeyNoAuthorizationHeaderIsSent() {
        openAi.answer("ok");

        assertThat(openAi.client().chat("test", "system", "user", false)).contains("ok");

        assertThat(openAi.requests().get(0).containsHeader("Authorization")).isFalse();
    }

    @Test
    void anOutageIsWarnedOnceAndItsEndIsReported() {
        openAi.respond(serverError());
        LlmClient llm = openAi.client();

        assertThat(llm.chat("test", "s", "u", false)).isEmpty();
        assertThat(llm.chat("test", "s", "u", false)).isEmpty();
        assertThat(llm.chat("test", "s", "u", false)).isEmpty();
        openAi.reset();
        openAi.answer("back");
        assertThat(llm.chat("test", "s", "u", false)).contains("back");
        llm.usable("test");

        assertThat(logged.list.stream().filter(event -> event.getLevel() == Level.WARN)).hasSize(1);
        assertThat(logged.list.stream().filter(event -> event.getLevel() == Level.INFO))
                .singleElement().satisfies(event -> assertThat(event.getFormattedMessage()).contains("works again"));
    }

    @Test
    void offClientAnswersNothingAndLogsNothing() {
        LlmClient off = LlmClient.connect(LlmProperties.off());

        assertThat(off.enabled()).isFalse();
        assertThat(off.chat("test", "s", "u", false)).isEmpty();
        assertThat(openAi.requestCount()).isZero();
        assertThat(logged.list).isEmpty();
    }
}
