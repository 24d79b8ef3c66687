package id.rembug.bot.conversation;

import id.rembug.bot.knowledge.KnowledgeHooks;
import id.rembug.bot.channel.ChannelCodec;
import id.rembug.bot.channel.Inbound;
import id.rembug.bot.channel.InboxWriter;
import id.rembug.bot.media.SpeechToText;
import id.rembug.bot.media.SttProperties;
import id.rembug.dialogues.engine.Answer;
import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.dispatch.Dispatcher;
import id.rembug.bot.knowledge.llm.GroundedAnswerer;
import id.rembug.bot.knowledge.llm.LlmClient;
import id.rembug.bot.knowledge.llm.LlmProperties;
import id.rembug.bot.knowledge.llm.Source;
import id.rembug.bot.summaries.StageSummaryWriter;
import id.rembug.bot.logging.SafeLog;
import id.rembug.bot.redis.LuaScripts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Puts the committed {@link ModelJob}s to the language model on threads of its own
 * ({@code rembug.llm.workers}, at most {@code rembug.llm.queue} waiting), so a slow model holds
 * up no group's turn. A usable answer replaces the deterministic one by an edit written to the
 * outbox in the same script that removes the job: whoever delivers first wins and nothing is
 * sent twice. A failed, timed-out or unusable call, or a job that finds the queue full, removes
 * the job and leaves the deterministic answer (a fallback in {@link LlmClient}'s count).
 *
 * <p>Speech to text ({@link ModelJob.Kind#TRANSCRIPT}) has threads of its own
 * ({@code rembug.stt.workers}, at most {@code rembug.stt.queue} waiting): a voice note's words go
 * back into the group's inbox as an entry whose id is the job's, which the inbox takes once, and
 * the engine adds them only to an answer without words yet, so a job run twice writes them once.
 *
 * <p>Jobs live in Redis until done; at start the ones a stopped instance had taken are queued
 * again (at worst the model is asked twice; the edit still goes once).
 */
@Component
class ModelJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ModelJobs.class);
    private static final String TASK = "work after the turn";
    private static final long POLL_MILLIS = 500;

    /** Delivers the edit only if the job is still there, and removes it. */
    private static final RedisScript<Long> DELIVER = LuaScripts.load("conversation/model-deliver", Long.class);

    private final StringRedisTemplate redis;
    private final ModelJobRate jobs;
    private final GroundedAnswerer answerer;
    private final StageSummaryWriter writer;
    private final LlmClient llm;
    private final LlmProperties properties;
    private final Clock clock;
    private final ObjectProvider<Dispatcher> dispatcher;
    private final SpeechToText speech;
    private final SttProperties sttProperties;
    private final ConversationStore store;
    private final InboxWriter inbox;
    private volatile ThreadPoolExecutor workers;
    private volatile ThreadPoolExecutor transcribers;
    private volatile ScheduledExecutorService poller;

    ModelJobs(StringRedisTemplate redis, ModelJobRate jobs, GroundedAnswerer answerer, StageSummaryWriter writer,
              LlmClient llm, LlmProperties properties, Clock clock, ObjectProvider<Dispatcher> dispatcher,
              SpeechToText speech, SttProperties sttProperties, ConversationStore store, InboxWriter inbox) {
        this.speech = speech;
        this.sttProperties = sttProperties;
        this.store = store;
        this.inbox = inbox;
        this.writer = writer;
        this.redis = redis;
        this.jobs = jobs;
        this.answerer = answerer;
        this.llm = llm;
        this.properties = properties;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    @Override
    public synchronized void start() {
        if (!llm.enabled() && !speech.enabled() || isRunning()) {
            return;
        }
        try {
            requeueUnfinished();
        } catch (RuntimeException redisAway) {
            // they stay in Redis and are queued again at the next start; new jobs go ahead now
            log.warn("Model jobs left by a stopped instance not queued again now: {}", SafeLog.describe(redisAway));
        }
        workers = new ThreadPoolExecutor(properties.workers(), properties.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.queue()), named("rembug-llm-"));
        transcribers = new ThreadPoolExecutor(sttProperties.workers(), sttProperties.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(sttProperties.queue()), named("rembug-stt-"));
        poller = Executors.newSingleThreadScheduledExecutor(named("rembug-llm-jobs-"));
        poller.scheduleWithFixedDelay(this::takeWaiting, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            workers.shutdownNow();
            transcribers.shutdownNow();
            poller = null;
            workers = null;
            transcribers = null;
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    /** A turn committed jobs: take them now rather than at the next poll. */
    void wakeUp() {
        ScheduledExecutorService current = poller;
        if (current != null) {
            try {
                current.execute(this::takeWaiting);
            } catch (RejectedExecutionException stopping) {
                // shutting down: the jobs stay in Redis for the next start
            }
        }
    }

    private void requeueUnfinished() {
        Set<Object> unfinished = new HashSet<>(redis.opsForHash().keys(ModelJobRate.JOBS));
        List<String> queued = redis.opsForList().range(ModelJobRate.QUEUE, 0, -1);
        if (queued != null) {
            unfinished.removeAll(queued);
        }
        unfinished.forEach(id -> redis.opsForList().rightPush(ModelJobRate.QUEUE, (String) id));
    }

    private synchronized void takeWaiting() {
        try {
            String id;
            while ((id = redis.opsForList().leftPop(ModelJobRate.QUEUE)) != null) {
                Object json = redis.opsForHash().get(ModelJobRate.JOBS, id);
                if (json == null) {
                    continue;
                }
                ModelJob job;
                try {
                    job = jobs.read((String) json);
                } catch (RuntimeException unreadable) {
                    log.warn("Model job {} cannot be read and is dropped: {}", id, SafeLog.describe(unreadable));
                    redis.opsForHash().delete(ModelJobRate.JOBS, id);
                    continue;
                }
                log.debug("Model job {} taken", id);
                if (job.kind() == ModelJob.Kind.TRANSCRIPT) {
                    try {
                        transcribers.execute(() -> transcribe(job));
                    } catch (RejectedExecutionException full) {
                        log.warn("Voice answer {} not transcribed: the queue (rembug.stt.queue={}) was full; it stays a "
                                + "voice note", job.answerKey(), sttProperties.queue());
                        forget(job);
                    }
                    continue;
                }
                try {
                    workers.execute(() -> run(job));
                } catch (RejectedExecutionException full) {
                    drop(job, "the model's queue (rembug.llm.queue=" + properties.queue() + ") was full");
                }
            }
        } catch (RuntimeException e) {
            // Redis away, or stopping: the jobs wait in Redis for the next poll
            log.debug("Model jobs not taken now: {}", SafeLog.describe(e));
        }
    }

    private void run(ModelJob job) {
        try {
            Optional<Outgoing> edit = switch (job.kind()) {
                case ANSWER -> answer(job);
                case SUMMARY -> summary(job);
                case TRANSCRIPT -> throw new IllegalStateException("speech to text runs on its own threads");
            };
            if (edit.isEmpty()) {
                log.debug("Model job {} keeps the deterministic result", job.id());
                // the call failed or its answer was unusable: already counted and logged by the client
                redis.opsForHash().delete(ModelJobRate.JOBS, job.id());
                return;
            }
            deliver(job, edit.get());
        } catch (RuntimeException e) {
            drop(job, SafeLog.describe(e));
        }
    }

    /**
     * Speech to text for a voice answer still stored as it was (not deleted, replaced or written
     * down meanwhile); its words go to the group's inbox under the job's id, which the inbox takes once.
     */
    private void transcribe(ModelJob job) {
        try {
            Answer stored = store.answer(job.groupId(), job.answerKey());
            if (stored == null || stored.media() == null || stored.media().transcript() != null
                    || !job.media().fileUniqueId().equals(stored.media().fileUniqueId())) {
                log.debug("Voice answer {} is gone, replaced or written down already: not transcribed", job.answerKey());
            } else {
                speech.transcribe(job.answerKey(), job.media()).ifPresent(words -> inbox.append(List.of(
                        new Inbound.Transcribed("stt:" + job.id(), job.groupId(), clock.instant(), job.answerKey(),
                                job.media().fileUniqueId(), words))));
            }
            forget(job);
        } catch (RuntimeException e) {
            // Redis away: the job stays and is taken again at the next start
            log.warn("Voice answer {} not transcribed now: {}", job.answerKey(), SafeLog.describe(e));
        }
    }

    private void forget(ModelJob job) {
        try {
            redis.opsForHash().delete(ModelJobRate.JOBS, job.id());
        } catch (RuntimeException e) {
            log.debug("Model job {} not removed: {}", job.id(), SafeLog.describe(e));
        }
    }

    private Optional<Outgoing> answer(ModelJob job) {
        GroundedAnswerer.GroundedAnswer answer = answerer.answer(job.question(), job.language());
        return answer.source() != Source.LLM ? Optional.empty()
                : Optional.of(Outgoing.edit(job.id(), job.chatId(), job.groupId(), job.editOf(), answer.reply().text(),
                        KnowledgeHooks.rows(answer.reply()), clock.instant()).asLasting());
    }

    private Optional<Outgoing> summary(ModelJob job) {
        StageSummaryWriter.Summary written = writer.write(job.summary(), job.language());
        if (written.source() != Source.LLM || !job.text().contains(job.replace())) {
            return Optional.empty();
        }
        String text = job.text().replace(job.replace(), writer.present(written, job.language()));
        return Optional.of(Outgoing.edit(job.id(), job.chatId(), job.groupId(), job.editOf(), text, job.buttons(),
                clock.instant()).asLasting());
    }

    /** The edit into the outbox, if the job is still there (nobody delivered or dropped it). */
    private void deliver(ModelJob job, Outgoing edit) {
        Long delivered = redis.execute(DELIVER, List.of(ModelJobRate.JOBS,
                        OutboxKeys.queue(edit.lane(), edit.chatId()), OutboxKeys.ready(edit.lane())),
                job.id(), ChannelCodec.write(edit), Long.toString(clock.millis()), edit.chatId());
        if (delivered != null && delivered == 1L) {
            log.debug("Model job {} delivered as an edit of {}", job.id(), job.editOf());
            dispatcher.ifAvailable(Dispatcher::wakeUp);
        } else {
            log.debug("Model job {} was already done elsewhere", job.id());
        }
    }

    private void drop(ModelJob job, String reason) {
        llm.unusable(TASK, reason);
        forget(job);
    }

    private static ThreadFactory named(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
        threads.setDaemon(true);
        return threads;
    }
}
