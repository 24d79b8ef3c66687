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
 */
@ConfigurationProperties("rembug.llm")
public record LlmProperties(
        @DefaultValue("") String baseUrl,
        @DefaultValue("") String apiKey,
        @DefaultValue("") String model,
        @DefaultValue("20s") Duration timeout,
        @DefaultValue("500") int maxTokens) {

    public LlmProperties {
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        apiKey = apiKey == null ? "" : apiKey.strip();
        model = model == null ? "" : model.strip();
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
        }
    }

    /** Settings with the model off. */
    public static LlmProperties off() {
        return new LlmProperties("", "", "", Duration.ofSeconds(20), 500);
    }

    public boolean enabled() {
        return !baseUrl.isEmpty();
    }

    @Override
    public String toString() {
        // Never print the key, not even in a start-up failure report.
        return "LlmProperties[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isEmpty() ? "" : "(set)") + ", model=" + model
                + ", timeout=" + timeout + ", maxTokens=" + maxTokens + "]";
    }
}
