package id.rembug.bot.testsupport;

import id.rembug.bot.knowledge.llm.LlmClient;
import id.rembug.bot.knowledge.llm.LlmProperties;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server (WireMock) speaking the OpenAI chat-completions API at
 * {@code /v1/chat/completions}, standing in for OpenAI, Ollama, vLLM or llama.cpp. The code under
 * test talks to it over HTTP through LangChain4j exactly as it would to a real server.
 *
 * <p>The one model stub of the tests. Register it as a static extension,
 * {@code @RegisterExtension static final OpenAiStub openAi = new OpenAiStub();}: it forgets its
 * answers and requests before each test and stops after the class. A whole-app test points the
 * app at it with {@link #register} from a {@code @DynamicPropertySource}.
 */
public final class OpenAiStub implements AutoCloseable, BeforeEachCallback, AfterAllCallback {

    public static final String PATH = "/v1/chat/completions";
    public static final String MODEL = "test-model";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    public OpenAiStub() {
        server.start();
    }

    public String baseUrl() {
        return server.baseUrl() + "/v1";
    }

    public LlmProperties properties(Duration timeout) {
        return new LlmProperties(baseUrl(), "", MODEL, timeout, 300, 2, 50, 5, Duration.ofMinutes(10));
    }

    /** A client for this server with a time-out short enough for tests. */
    public LlmClient client() {
        return LlmClient.connect(properties(Duration.ofSeconds(5)));
    }

    public void reset() {
        server.resetAll();
    }

    /** {@code rembug.llm.base-url} and {@code rembug.llm.model} for an app that should use this model. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("rembug.llm.base-url", this::baseUrl);
        registry.add("rembug.llm.model", () -> MODEL);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Every call answers with this text as the assistant's message. */
    public void answer(String content) {
        respond(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(completion(content)));
    }

    public void respond(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(response));
    }

    /** A stub of one's own (e.g. only for requests whose body says something); later stubs win. */
    public void stub(com.github.tomakehurst.wiremock.client.MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    public static String completion(String content) {
        return JSON.writeValueAsString(Map.of(
                "id", "chatcmpl-test",
                "object", "chat.completion",
                "created", 1_700_000_000,
                "model", MODEL,
                "choices", List.of(Map.of(
                        "index", 0,
                        "message", Map.of("role", "assistant", "content", content),
                        "finish_reason", "stop")),
                "usage", Map.of("prompt_tokens", 10, "completion_tokens", 10, "total_tokens", 20)));
    }

    public List<LoggedRequest> requests() {
        return server.findAll(postRequestedFor(urlEqualTo(PATH)));
    }

    public int requestCount() {
        return server.getAllServeEvents().size();
    }

    /** The body of the only request received, as JSON. */
    public JsonNode onlyRequest() {
        List<LoggedRequest> requests = requests();
        if (requests.size() != 1) {
            throw new AssertionError("expected one request to " + PATH + ", got " + requests.size());
        }
        return JSON.readTree(requests.get(0).getBodyAsString());
    }

    /** The content of the message with this role in the only request. */
    public String message(String role) {
        for (JsonNode message : onlyRequest().get("messages")) {
            if (message.get("role").asString().equals(role)) {
                return message.get("content").asString();
            }
        }
        throw new AssertionError("no " + role + " message in " + onlyRequest());
    }

    @Override
    public void close() {
        server.stop();
    }
}
