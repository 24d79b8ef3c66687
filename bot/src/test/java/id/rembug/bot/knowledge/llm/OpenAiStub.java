package id.rembug.bot.knowledge.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server (WireMock) speaking the OpenAI chat-completions API at
 * {@code /v1/chat/completions}, standing in for OpenAI, Ollama, vLLM or llama.cpp. The code under
 * test talks to it over HTTP through LangChain4j exactly as it would to a real server.
 */
final class OpenAiStub implements AutoCloseable {

    static final String PATH = "/v1/chat/completions";
    static final String MODEL = "test-model";
    static final String EMBEDDINGS_MODEL = "test-embeddings";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final String EMBEDDINGS_PATH = "/v1/embeddings";
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

    OpenAiStub() {
        server.start();
    }

    String baseUrl() {
        return server.baseUrl() + "/v1";
    }

    LlmProperties properties(Duration timeout) {
        return new LlmProperties(baseUrl(), "", MODEL, timeout, 300, 2, 50, 5, Duration.ofMinutes(10), "", 0.6);
    }

    /** A client for this server that also asks it for vectors ({@link #EMBEDDINGS_MODEL}). */
    LlmClient clientWithEmbeddings() {
        return LlmClient.connect(new LlmProperties(baseUrl(), "", MODEL, Duration.ofSeconds(5), 300, 2, 50, 5,
                Duration.ofMinutes(10), EMBEDDINGS_MODEL, 0.6));
    }

    /** A client for this server with a time-out short enough for tests. */
    LlmClient client() {
        return LlmClient.connect(properties(Duration.ofSeconds(5)));
    }

    void reset() {
        server.resetAll();
    }

    /** Every call answers with this text as the assistant's message. */
    void answer(String content) {
        respond(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(completion(content)));
    }

    void respond(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(response));
    }

    /** Every call to {@code /v1/embeddings} answers with the vectors {@code model} gives each input text. */
    void embedWith(Function<String, float[]> model) {
        embedding = model;
        server.stubFor(post(urlEqualTo(EMBEDDINGS_PATH)).willReturn(aResponse().withTransformers(EMBEDDINGS_TRANSFORMER)));
    }

    /** Calls to {@code /v1/embeddings}, each with its JSON body. */
    List<JsonNode> embeddingRequests() {
        return server.findAll(postRequestedFor(urlEqualTo(EMBEDDINGS_PATH))).stream()
                .map(request -> JSON.readTree(request.getBodyAsString()))
                .toList();
    }

    /** A stub of one's own (e.g. only for requests whose body says something); later stubs win. */
    void stub(com.github.tomakehurst.wiremock.client.MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    static String completion(String content) {
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
    List<LoggedRequest> requests() {
        return server.findAll(postRequestedFor(urlEqualTo(PATH)));
    }

    int requestCount() {
        return server.getAllServeEvents().size();
    }

    /** The body of the only request received, as JSON. */
    JsonNode onlyRequest() {
        List<LoggedRequest> requests = requests();
        if (requests.size() != 1) {
            throw new AssertionError("expected one request to " + PATH + ", got " + requests.size());
        }
        return JSON.readTree(requests.get(0).getBodyAsString());
    }

    /** The content of the message with this role in the only request. */
    String message(String role) {
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
