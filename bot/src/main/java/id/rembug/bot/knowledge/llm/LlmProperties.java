package id.rembug.bot.knowledge.llm;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The optional language model: any server speaking OpenAI's chat-completions API (OpenAI,
 * Ollama, vLLM, llama.cpp server). Off unless {@code base-url} is set; every feature that uses
 * it falls back to its deterministic result on any failure.
 *
 * @param baseUrl   the API's base URL up to and including {@code /v1}, e.g.
 *                  {@code https://api.openai.com/v1} or {@code http://localhost:11434/v1}
 *                  (Ollama); empty: no language model
 * @param apiKey    sent as {@code Authorization: Bearer ...}; empty: no header (Ollama and
 *                  llama.cpp need none)
 * @param model     the model name the server knows, e.g. {@code gpt-4o-mini} or
 *                  {@code qwen2.5:7b-instruct}; required when {@code base-url} is set
 * @param timeout   how long one call may take before the deterministic result is used
 * @param maxTokens the most tokens the model may write in one answer
 * @param workers   threads that call the model, after the group's turn is committed
 * @param queue     jobs waiting for those threads; a job that finds the queue full is dropped and
 *                  the deterministic result stays
 * @param perGroup  {@code /tanya} questions per group (or private chat) that may go to the model
 *                  within {@code perGroupWindow}; later ones get the deterministic answer only
 * @param perGroupWindow the window {@code perGroup} counts in
 * @param embeddingsModel an embeddings model on the same server ({@code /v1/embeddings}, e.g.
 *                  {@code text-embedding-3-small}, {@code nomic-embed-text} on Ollama); empty: the
 *                  knowledge base is searched by words alone
 * @param embeddingsMinSimilarity the cosine similarity from which an article may answer a
 *                  {@code /tanya} question on meaning alone; depends on the model
 */
@ConfigurationProperties("rembug.llm")
public record LlmProperties(
        @DefaultValue("") String baseUrl,
        @DefaultValue("") String apiKey,
        @DefaultValue("") String model,
        @DefaultValue("20s") Duration timeout,
        @DefaultValue("500") int maxTokens,
        @DefaultValue("2") int workers,
        @DefaultValue("50") int queue,
        @DefaultValue("5") int perGroup,
        @DefaultValue("10m") Duration perGroupWindow,
        @DefaultValue("") String embeddingsModel,
        @DefaultValue("0.6") double embeddingsMinSimilarity) {

    public LlmProperties {
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        apiKey = apiKey == null ? "" : apiKey.strip();
        model = model == null ? "" : model.strip();
        embeddingsModel = embeddingsModel == null ? "" : embeddingsModel.strip();
        if (!embeddingsModel.isEmpty() && !(embeddingsMinSimilarity > 0 && embeddingsMinSimilarity <= 1)) {
            throw new IllegalArgumentException("rembug.llm.embeddings-min-similarity must be above 0 and at most 1, "
                    + "e.g. 0.6; found " + embeddingsMinSimilarity);
        }
        if (!baseUrl.isEmpty()) {
            if (model.isEmpty()) {
                throw new IllegalArgumentException("rembug.llm.model must name the model when rembug.llm.base-url is "
                        + "set (for example gpt-4o-mini, or qwen2.5:7b-instruct on Ollama)");
            }
            if (timeout == null || timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("rembug.llm.timeout must be positive, e.g. 20s; found " + timeout);
            }
            if (maxTokens <= 0) {
                throw new IllegalArgumentException("rembug.llm.max-tokens must be positive; found " + maxTokens);
            }
            if (workers <= 0 || queue <= 0) {
                throw new IllegalArgumentException("rembug.llm.workers and rembug.llm.queue must be positive, e.g. 2 "
                        + "and 50; found " + workers + " and " + queue);
            }
            if (perGroup < 0 || perGroupWindow == null || perGroupWindow.isZero() || perGroupWindow.isNegative()) {
                throw new IllegalArgumentException("rembug.llm.per-group must be 0 or more and "
                        + "rembug.llm.per-group-window positive, e.g. 5 and 10m; found " + perGroup + " and "
                        + perGroupWindow);
            }
        }
    }

    /** Settings with the model off. */
    public static LlmProperties off() {
        return new LlmProperties("", "", "", Duration.ofSeconds(20), 500, 2, 50, 5, Duration.ofMinutes(10), "", 0.6);
    }

    public boolean enabled() {
        return !baseUrl.isEmpty();
    }

    /** Whether {@code /tanya} also searches by meaning, with vectors from the embeddings model. */
    public boolean embeddingsEnabled() {
        return enabled() && !embeddingsModel.isEmpty();
    }

    @Override
    public String toString() {
        // Never print the key, not even in a start-up failure report.
        return "LlmProperties[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isEmpty() ? "" : "(set)") + ", model=" + model
                + ", timeout=" + timeout + ", maxTokens=" + maxTokens + ", workers=" + workers + ", queue=" + queue
                + ", perGroup=" + perGroup + "/" + perGroupWindow + ", embeddingsModel=" + embeddingsModel
                + ", embeddingsMinSimilarity=" + embeddingsMinSimilarity + "]";
    }
}
