package id.rembug.bot.knowledge.llm;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.output.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Our one door to the language model: a LangChain4j {@link OpenAiChatModel} built from
 * {@link LlmProperties} (there is no LangChain4j starter for Spring Boot 4), or nothing at all
 * when the model is off, so an unconfigured bot cannot make a network call by accident.
 *
 * <p>A call never throws: any failure gives an empty result and the caller uses its
 * deterministic answer. Failures are logged once per outage: the first as a warning, the rest
 * at debug level until an answer is usable again, which is logged too. Otherwise a dead model
 * server would write a warning for every message of every group.
 */
public final class LlmClient {

    private static final Logger log = LoggerFactory.getLogger(LlmClient.class);
    private static final int MAX_REASON_LENGTH = 200;

    private final ChatModel model;
    /** Null when no embeddings model is configured. */
    private final EmbeddingModel embeddings;
    private final String description;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final LongAdder calls = new LongAdder();
    private final LongAdder fallbacks = new LongAdder();

    private LlmClient(ChatModel model, EmbeddingModel embeddings, String description) {
        this.model = model;
        this.embeddings = embeddings;
        this.description = description;
    }

    /** No model: {@link #enabled()} is false and {@link #chat} answers nothing. */
    public static LlmClient off() {
        return new LlmClient(null, null, "off");
    }

    /** A client for the configured server, or {@link #off()} when no base URL is set. */
    public static LlmClient connect(LlmProperties properties) {
        if (!properties.enabled()) {
            return off();
        }
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(properties.baseUrl())
                .apiKey(properties.apiKey().isEmpty() ? null : properties.apiKey())
                .modelName(properties.model())
                .timeout(properties.timeout())
                // A retry would make the resident wait a multiple of the time-out for an answer
                // that has a good fallback anyway.
                .maxRetries(0)
                .maxTokens(properties.maxTokens())
                .build();
        EmbeddingModel embeddings = properties.embeddingsEnabled()
                ? OpenAiEmbeddingModel.builder()
                        .baseUrl(properties.baseUrl())
                        .apiKey(properties.apiKey().isEmpty() ? null : properties.apiKey())
                        .modelName(properties.embeddingsModel())
                        .timeout(properties.timeout())
                        .maxRetries(0)
                        .build()
                : null;
        return new LlmClient(model, embeddings, properties.model() + " at " + properties.baseUrl()
                + (embeddings == null ? "" : ", embeddings " + properties.embeddingsModel()));
    }

    public boolean enabled() {
        return model != null;
    }

    /** The model and server, for logs; never the key. */
    public String description() {
        return description;
    }

    /**
     * One system and one user message; the model's text, or empty when the model is off or the
     * call failed (time-out, HTTP error, unreadable response, empty answer).
     *
     * @param task what the call is for, for the log
     * @param json ask the server for a JSON object (OpenAI's {@code response_format})
     */
    public Optional<String> chat(String task, String systemMessage, String userMessage, boolean json) {
        if (model == null) {
            return Optional.empty();
        }
        calls.increment();
        try {
            ChatRequest.Builder request = ChatRequest.builder()
                    .messages(SystemMessage.from(systemMessage), UserMessage.from(userMessage));
            if (json) {
                request.responseFormat(ResponseFormat.JSON);
            }
            ChatResponse response = model.chat(request.build());
            AiMessage message = response == null ? null : response.aiMessage();
            String text = message == null ? null : message.text();
            if (text == null || text.isBlank()) {
                unusable(task, "the model gave an empty answer");
                return Optional.empty();
            }
            return Optional.of(text.strip());
        } catch (RuntimeException e) {
            unusable(task, e.getClass().getSimpleName() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Whether {@link #embed} can give vectors (an embeddings model is configured). */
    public boolean embeddingsEnabled() {
        return embeddings != null;
    }

    /**
     * The vectors of {@code texts}, in order; empty when no embeddings model is configured or the
     * call failed (logged like a failed chat).
     */
    public Optional<List<float[]>> embed(String task, List<String> texts) {
        if (embeddings == null) {
            return Optional.empty();
        }
        calls.increment();
        try {
            Response<List<Embedding>> response = embeddings.embedAll(texts.stream().map(TextSegment::from).toList());
            List<Embedding> vectors = response == null ? null : response.content();
            if (vectors == null || vectors.size() != texts.size()) {
                unusable(task, "asked for " + texts.size() + " vectors and got "
                        + (vectors == null ? "none" : vectors.size()));
                return Optional.empty();
            }
            return Optional.of(vectors.stream().map(Embedding::vector).toList());
        } catch (RuntimeException e) {
            unusable(task, e.getClass().getSimpleName() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The caller could not use the model's answer (or the call failed): fall back, log once. */
    public void unusable(String task, String reason) {
        fallbacks.increment();
        String shortReason = reason == null ? "" : reason.replaceAll("\\s+", " ");
        if (shortReason.length() > MAX_REASON_LENGTH) {
            shortReason = shortReason.substring(0, MAX_REASON_LENGTH) + "...";
        }
        if (failing.compareAndSet(false, true)) {
            log.warn("Language model ({}) unusable for {}: {}. Using the deterministic result; further failures are "
                    + "logged at debug level until it works again.", description, task, shortReason);
        } else {
            log.debug("Language model ({}) still unusable for {}: {}", description, task, shortReason);
        }
    }

    /** Calls made to the model since start (for metrics). */
    public long calls() {
        return calls.sum();
    }

    /** Times a deterministic result was used instead of the model's (failed or unusable answers). */
    public long fallbacks() {
        return fallbacks.sum();
    }

    /** The caller used the model's answer: the model works (again). */
    public void usable(String task) {
        if (failing.compareAndSet(true, false)) {
            log.info("Language model ({}) works again ({}).", description, task);
        }
    }
}
