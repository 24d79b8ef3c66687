package id.rembug.bot.media;

import dev.langchain4j.data.audio.Audio;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.audio.AudioTranscriptionModel;
import dev.langchain4j.model.audio.AudioTranscriptionRequest;
import dev.langchain4j.model.openai.OpenAiAudioTranscriptionModel;
import id.rembug.bot.logging.SafeLog;
import id.rembug.dialogues.engine.AnswerMedia;
import id.rembug.dialogues.flow.MediaKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Writes down what a voice answer says ({@code rembug.stt.*}): the file comes from the platform
 * (Telegram: getFile and download, at most 20 MB), the words from an OpenAI-compatible
 * {@code /v1/audio/transcriptions} server through LangChain4j's {@link OpenAiAudioTranscriptionModel}
 * (the multipart upload is the library's). A time-out, a server error or an unreadable reply is
 * tried again, {@code attempts} times in all; a refusal, a file too big for the platform to serve
 * or a note longer than {@code max-duration} is not. Whatever happens the answer stays as it was:
 * every outcome is logged and counted, none is an error of the group's.
 */
@Component
@EnableConfigurationProperties(SttProperties.class)
public class SpeechToText {

    private static final Logger log = LoggerFactory.getLogger(SpeechToText.class);

    /** What has a voice to write down: voice notes, audio files and round video notes. */
    private static final Set<MediaKind> SPOKEN = Set.of(MediaKind.VOICE, MediaKind.AUDIO, MediaKind.VIDEO_NOTE);

    private final SttProperties properties;
    private final MediaProperties media;
    private final ObjectProvider<MediaFiles> files;
    private final AudioTranscriptionModel model;
    private final Sleeper sleeper;
    private final LongAdder transcribed = new LongAdder();
    private final LongAdder notTranscribed = new LongAdder();

    @Autowired
    public SpeechToText(SttProperties properties, MediaProperties media, ObjectProvider<MediaFiles> files) {
        this(properties, media, files, Thread::sleep);
    }

    SpeechToText(SttProperties properties, MediaProperties media, ObjectProvider<MediaFiles> files, Sleeper sleeper) {
        this.properties = properties;
        this.media = media;
        this.files = files;
        this.sleeper = sleeper;
        this.model = !properties.enabled() ? null : OpenAiAudioTranscriptionModel.builder()
                // HTTP/1.1: the JDK client's h2c upgrade of a multipart upload is reset by some local servers
                .httpClientProvider(JdkHttpClient.builder()
                        .httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)))
                .baseUrl(properties.baseUrl())
                .apiKey(properties.apiKey().isEmpty() ? null : properties.apiKey())
                .modelName(properties.model())
                .timeout(properties.timeout())
                // retried here, with a pause and a line in the log per try
                .maxRetries(0)
                .build();
    }

    /** Waits between tries (a test need not wait). */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    public boolean enabled() {
        return model != null;
    }

    /** Whether this answer's media is one to write down: speech to text is on and it is spoken, not yet written. */
    public boolean wanted(AnswerMedia answer) {
        return enabled() && answer != null && SPOKEN.contains(answer.kind()) && answer.fileId() != null
                && answer.fileUniqueId() != null && answer.transcript() == null;
    }

    /** Voice notes written down since start (for metrics). */
    public long transcribed() {
        return transcribed.sum();
    }

    /** Voice notes left without words since start: too long, too big, refused, or failing every try. */
    public long notTranscribed() {
        return notTranscribed.sum();
    }

    /**
     * What the voice note of answer {@code answerKey} says; empty when it cannot be had (logged
     * with the reason, the answer staying a voice note).
     */
    public Optional<String> transcribe(String answerKey, AnswerMedia voice) {
        Optional<String> words = attempt(answerKey, voice);
        (words.isPresent() ? transcribed : notTranscribed).increment();
        return words;
    }

    private Optional<String> attempt(String answerKey, AnswerMedia voice) {
        if (!wanted(voice)) {
            return Optional.empty();
        }
        Duration longest = properties.maxDuration();
        if (voice.durationSeconds() != null && voice.durationSeconds() > longest.toSeconds()) {
            log.info("Voice answer {} not transcribed: it lasts {}s, more than rembug.stt.max-duration ({}); it stays a "
                    + "voice note", answerKey, voice.durationSeconds(), longest);
            return Optional.empty();
        }
        long maxBytes = media.maxFileSize().toBytes();
        if (voice.sizeBytes() != null && voice.sizeBytes() > maxBytes) {
            log.info("Voice answer {} not transcribed: too big ({} bytes; the platform serves bots at most {}); it stays "
                    + "a voice note", answerKey, voice.sizeBytes(), media.maxFileSize());
            return Optional.empty();
        }
        long wait = properties.retryDelay().toMillis();
        byte[] audio = null;
        for (int attempt = 1; attempt <= properties.attempts(); attempt++) {
            String failure;
            try {
                if (audio == null) {
                    MediaFiles.Fetched fetched = fetch(voice, maxBytes);
                    if (fetched instanceof MediaFiles.Bytes bytes) {
                        audio = bytes.content();
                    } else if (fetched instanceof MediaFiles.Unavailable unavailable) {
                        throw new IllegalStateException("the file could not be fetched: " + unavailable.why());
                    } else {
                        log.info("Voice answer {} not transcribed: {}; it stays a voice note", answerKey,
                                fetched instanceof MediaFiles.TooBig ? "the file is too big for the platform to serve "
                                        + "(getFile serves bots at most 20 MB)" : "the platform no longer has the file");
                        return Optional.empty();
                    }
                }
                String text = model.transcribe(AudioTranscriptionRequest.builder()
                        .audio(Audio.builder().binaryData(audio).mimeType(audioType(voice)).build())
                        .language(properties.language().isEmpty() ? null : properties.language())
                        .build()).text();
                if (text == null || text.isBlank()) {
                    log.info("Voice answer {}: the speech-to-text server heard no words; it stays a voice note", answerKey);
                    return Optional.empty();
                }
                log.debug("Voice answer {} transcribed on try {}", answerKey, attempt);
                return Optional.of(text.strip());
            } catch (NonRetriableException refused) {
                log.warn("Voice answer {} not transcribed: the speech-to-text server at {} refused it ({}); not tried "
                        + "again, it stays a voice note", answerKey, properties.baseUrl(), SafeLog.describe(refused));
                return Optional.empty();
            } catch (RuntimeException e) {
                failure = SafeLog.describe(e);
            }
            if (attempt == properties.attempts()) {
                log.warn("Voice answer {} not transcribed after {} tries (last: {}); it stays a voice note", answerKey,
                        attempt, failure);
                return Optional.empty();
            }
            log.warn("Speech to text of voice answer {} failed on try {} of {} ({}); trying again in {} ms", answerKey,
                    attempt, properties.attempts(), failure, wait);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            wait *= 2;
        }
        return Optional.empty();
    }

    private MediaFiles.Fetched fetch(AnswerMedia voice, long maxBytes) {
        MediaFiles source = files.getIfAvailable();
        return source == null ? new MediaFiles.Unavailable("no platform serves files here")
                : source.fetch(voice.fileId(), maxBytes);
    }

    /** The type the server is told, which names the uploaded file (Telegram's voice notes are OGG/Opus). */
    static String audioType(AnswerMedia voice) {
        return switch (voice.kind()) {
            case VOICE -> "audio/ogg";
            case VIDEO_NOTE -> "audio/mp4";
            default -> voice.mimeType() != null && voice.mimeType().startsWith("audio/") ? voice.mimeType() : "audio/mpeg";
        };
    }
}
