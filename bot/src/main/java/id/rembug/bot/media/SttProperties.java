package id.rembug.bot.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Speech to text for voice answers, optional: any server speaking OpenAI's
 * {@code /v1/audio/transcriptions} (whisper.cpp server, faster-whisper-server, OpenAI). Off unless
 * {@code base-url} is set. A voice note is transcribed after its answer was stored; a failure
 * keeps the answer as it is.
 *
 * @param baseUrl     the API's base URL up to and including {@code /v1}, e.g.
 *                    {@code https://api.openai.com/v1} or {@code http://localhost:8000/v1}; empty: off
 * @param apiKey      sent as {@code Authorization: Bearer ...}; empty: no header (local servers need none)
 * @param model       the model name the server knows, e.g. {@code whisper-1}; local servers mostly
 *                    take any name
 * @param language    the spoken language as an ISO-639-1 code, a hint for the model (e.g. {@code id});
 *                    empty: the model guesses
 * @param timeout     how long one call to the server may take
 * @param maxDuration voice notes longer than this are not transcribed (they stay voice notes)
 * @param attempts    tries per voice note when the server times out, errs or answers nonsense; a
 *                    refusal (4xx other than 408 and 429) is not tried again
 * @param retryDelay  the wait before the second try; each later wait is twice the one before
 * @param workers     threads that fetch voice notes and call the server
 * @param queue       voice notes waiting for those threads; one that finds the queue full is not
 *                    transcribed
 */
@ConfigurationProperties("rembug.stt")
public record SttProperties(
        @DefaultValue("") String baseUrl,
        @DefaultValue("") String apiKey,
        @DefaultValue("whisper-1") String model,
        @DefaultValue("") String language,
        @DefaultValue("60s") Duration timeout,
        @DefaultValue("5m") Duration maxDuration,
        @DefaultValue("3") int attempts,
        @DefaultValue("10s") Duration retryDelay,
        @DefaultValue("1") int workers,
        @DefaultValue("100") int queue) {

    public SttProperties {
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        apiKey = apiKey == null ? "" : apiKey.strip();
        model = model == null ? "" : model.strip();
        language = language == null ? "" : language.strip();
        if (!baseUrl.isEmpty()) {
            if (model.isEmpty()) {
                throw new IllegalArgumentException("rembug.stt.model must name the model when rembug.stt.base-url is "
                        + "set (for example whisper-1)");
            }
            if (timeout == null || timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("rembug.stt.timeout must be positive, e.g. 60s; found " + timeout);
            }
            if (maxDuration == null || maxDuration.isZero() || maxDuration.isNegative()) {
                throw new IllegalArgumentException("rembug.stt.max-duration must be positive, e.g. 5m; found "
                        + maxDuration);
            }
            if (attempts < 1 || retryDelay == null || retryDelay.isNegative()) {
                throw new IllegalArgumentException("rembug.stt.attempts must be 1 or more and rembug.stt.retry-delay "
                        + "0 or more, e.g. 3 and 10s; found " + attempts + " and " + retryDelay);
            }
            if (workers <= 0 || queue <= 0) {
                throw new IllegalArgumentException("rembug.stt.workers and rembug.stt.queue must be positive, e.g. 1 "
                        + "and 100; found " + workers + " and " + queue);
            }
        }
    }

    public boolean enabled() {
        return !baseUrl.isEmpty();
    }

    @Override
    public String toString() {
        // Never print the key, not even in a start-up failure report.
        return "SttProperties[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isEmpty() ? "" : "(set)") + ", model=" + model
                + ", language=" + language + ", timeout=" + timeout + ", maxDuration=" + maxDuration + ", attempts="
                + attempts + ", retryDelay=" + retryDelay + ", workers=" + workers + ", queue=" + queue + "]";
    }
}
