package id.rembug.bot.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import id.rembug.bot.knowledge.llm.LlmClient;
import id.rembug.bot.knowledge.llm.LlmProperties;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;
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
    public static final String EMBEDDINGS_MODEL = "test-embeddings";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static final String EMBEDDINGS_PATH = "/v1/embeddings";
    private static final String EMBEDDINGS_TRANSFORMER = "embeddings-from-a-function";

    /** Computes each input's vector with {@link #embedding}, as an embeddings server would. */
    private final ResponseDefinitionTransformerV2 embeddings = new ResponseDefinitionTransformerV2() {
        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            JsonNode input = JSON.readTree(serveEvent.getRequest().getBodyAsString()).get("input");
            List<Map<String, Object>> data = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            if (input.isArray()) {
                input.forEach(text -> texts.add(text.asString()));
            } else {
                texts.add(input.asString());
            }
            for (int i = 0; i < texts.size(); i++) {
                data.add(Map.of("object", "embedding", "index", i, "embedding", embedding.apply(texts.get(i))));
            }
            return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody(JSON.writeValueAsString(Map.of("object", "list", "data", data, "model", "test-embeddings",
                            "usage", Map.of("prompt_tokens", texts.size(), "total_tokens", texts.size()))))
                    .build();
        }

        @Override
        public String getName() {
            return EMBEDDINGS_TRANSFORMER;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }
    };
    private volatile Function<String, float[]> embedding = text -> new float[] {1};
    private final WireMockServer server = new WireMockServer(options().dynamicPort().extensions(embeddings));

    public OpenAiStub() {
        server.start();
    }

    public String baseUrl() {
        return server.baseUrl() + "/v1";
    }

    public LlmProperties properties(Duration timeout) {
        return new LlmProperties(baseUrl(), "", MODEL, timeout, 300, 2, 50, 5, Duration.ofMinutes(10), "", 0.6);
    }

    /** A client for this server that also asks it for vectors ({@link #EMBEDDINGS_MODEL}). */
    public LlmClient clientWithEmbeddings() {
        return LlmClient.connect(new LlmProperties(baseUrl(), "", MODEL, Duration.ofSeconds(5), 300, 2, 50, 5,
                Duration.ofMinutes(10), EMBEDDINGS_MODEL, 0.6));
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

    /** Every call to {@code /v1/embeddings} answers with the vectors {@code model} gives each input text. */
    public void embedWith(Function<String, float[]> model) {
        embedding = model;
        server.stubFor(post(urlEqualTo(EMBEDDINGS_PATH)).willReturn(aResponse().withTransformers(EMBEDDINGS_TRANSFORMER)));
    }

    /** Calls to {@code /v1/embeddings}, each with its JSON body. */
    public List<JsonNode> embeddingRequests() {
        return server.findAll(postRequestedFor(urlEqualTo(EMBEDDINGS_PATH))).stream()
                .map(request -> JSON.readTree(request.getBodyAsString()))
                .toList();
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

    /** The chat-completion requests (embeddings calls are in {@link #embeddingRequests()}). */
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
