package id.rembug.bot.conversation;

import id.rembug.bot.knowledge.llm.LlmClient;
import id.rembug.bot.knowledge.llm.LlmProperties;
import id.rembug.dialogues.engine.StateCodec;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;

/**
 * Whether a {@code /tanya} may go to the language model ({@code rembug.llm.per-group} questions
 * per {@code rembug.llm.per-group-window} and conversation), and the jobs' part of the turn's
 * commit: the job, its place in the queue and its mark in the conversation's rate, written with
 * the deterministic answer it may improve, so a job exists exactly when its answer does.
 */
@Component
public class ModelJobRate {

    /** Jobs not yet done, by id: the job's JSON. */
    static final String JOBS = ConversationKeys.MODEL_JOBS;
    /** Ids of jobs waiting for a model worker, oldest first. */
    static final String QUEUE = ConversationKeys.MODEL_QUEUE;

    private final StringRedisTemplate redis;
    private final LlmClient llm;
    private final LlmProperties properties;
    private final StateCodec codec = new StateCodec();

    ModelJobRate(StringRedisTemplate redis, LlmClient llm, LlmProperties properties) {
        this.redis = redis;
        this.llm = llm;
        this.properties = properties;
    }

    static String rateKey(String conversation) {
        return ConversationKeys.modelRate(conversation);
    }

    /** Whether a language model is configured at all. */
    public boolean modelOn() {
        return llm.enabled();
    }

    /** Whether a question asked at {@code at} may go to the model: one is configured and the rate allows it. */
    public boolean mayAsk(String conversation, Instant at) {
        if (!llm.enabled() || properties.perGroup() == 0) {
            return false;
        }
        Long recent = redis.opsForZSet().count(rateKey(conversation), since(at), Double.POSITIVE_INFINITY);
        return recent == null || recent < properties.perGroup();
    }

    /** The job's fields for the commit script (which is given the keys by ConversationStore). */
    Map<String, Object> commitOps(ModelJob job) {
        return Map.of("id", job.id(), "json", codec.write(job),
                "at", Long.toString(job.at().toEpochMilli()), "since", Long.toString(since(job.at())),
                "windowMs", Long.toString(properties.perGroupWindow().toMillis()));
    }

    ModelJob read(String json) {
        return codec.read(json, ModelJob.class);
    }

    private long since(Instant at) {
        return at.toEpochMilli() - properties.perGroupWindow().toMillis() + 1;
    }
}
