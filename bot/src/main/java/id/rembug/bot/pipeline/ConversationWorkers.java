package id.rembug.bot.pipeline;

import id.rembug.bot.conversation.ConversationProcessor;
import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.conversation.ConversationProperties;
import id.rembug.bot.conversation.GroupKeysMigration;
import id.rembug.bot.conversation.WorkPartitions;
import id.rembug.bot.logging.SafeLog;
import id.rembug.bot.redis.LuaScripts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Reads the work stream's partitions ({@link WorkPartitions}) with a Redis consumer group each and
 * applies each named conversation. Every worker serves every partition, starting each round at
 * the next one, so a busy partition does not starve the others. An entry is acknowledged only
 * after its conversation was processed (its commits' follow-ups included); entries left pending by
 * a crashed instance are claimed by the others after {@link #CLAIM_AFTER}, and by this instance at
 * once when it starts.
 */
@Component
public class ConversationWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConversationWorkers.class);
    static final Duration CLAIM_AFTER = Duration.ofSeconds(30);
    private static final RedisScript<Long> WORK_DONE = LuaScripts.load("conversation/work-done", Long.class);
    private static final Duration BLOCK = Duration.ofMillis(500);
    /**
     * How often a worker also looks for entries delivered to it whose read's answer was lost
     * ({@link #recoverOwn}): one cheap read per partition, so a lost answer costs a group seconds,
     * not the {@link #CLAIM_AFTER} another instance would wait.
     */
    private static final Duration OWN_CHECK_EVERY = Duration.ofSeconds(5);

    private final StringRedisTemplate redis;
    private final ConversationProcessor processor;
    private final GroupKeysMigration migration;
    private final WorkPartitions partitions;
    private final int workers;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    private volatile boolean running;
    private ExecutorService pool;

    public ConversationWorkers(StringRedisTemplate redis, ConversationProcessor processor,
                               ConversationProperties properties, GroupKeysMigration migration,
                               WorkPartitions partitions) {
        this.redis = redis;
        this.partitions = partitions;
        this.migration = migration;
        this.processor = processor;
        this.workers = Math.max(1, properties.workers());
    }

    @Override
    public void start() {
        ensureGroups();
        running = true;
        pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "rembug-conversation");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < workers; i++) {
            String consumer = consumer(i);
            boolean claimsOrphans = i == 0;
            int firstPartition = i;
            pool.submit(() -> loop(consumer, claimsOrphans, firstPartition));
        }
    }

    /** The name worker {@code i} of this instance reads the work streams under (the same after a stop and start). */
    String consumer(int worker) {
        return instance + "-" + worker;
    }

    private void loop(String consumer, boolean claimsOrphans, int firstPartition) {
        long nextClaim = 0;
        int next = firstPartition;
        Duration backoff = Duration.ofMillis(100);
        boolean first = true;
        // also at start: a worker stopped (not crashed) and started again keeps its consumer name
        boolean recoverOwn = true;
        long nextOwnCheck = System.currentTimeMillis() + OWN_CHECK_EVERY.toMillis();
        while (running) {
            try {
                // nothing is applied before a Redis from before the hash tags is moved to them
                migration.ensureMigrated();
                List<Integer> served = partitions.served();
                if (claimsOrphans && System.currentTimeMillis() >= nextClaim) {
                    for (int partition : served) {
                        claimOrphans(ConversationKeys.work(partition), consumer, first ? Duration.ZERO : CLAIM_AFTER);
                    }
                    first = false;
                    nextClaim = System.currentTimeMillis() + CLAIM_AFTER.toMillis() / 2;
                }
                if (recoverOwn || System.currentTimeMillis() >= nextOwnCheck) {
                    for (int partition : served) {
                        recoverOwn(ConversationKeys.work(partition), consumer);
                    }
                    recoverOwn = false;
                    nextOwnCheck = System.currentTimeMillis() + OWN_CHECK_EVERY.toMillis();
                }
                // one read per partition without waiting; only when all were empty, wait on one
                // (a partition each time), briefly enough that the others are looked at again soon
                boolean found = false;
                for (int i = 0; i < served.size(); i++) {
                    String work = ConversationKeys.work(served.get(Math.floorMod(next + i, served.size())));
                    found |= handle(work, read(work, consumer, StreamReadOptions.empty().count(20)));
                }
                next++;
                if (!found) {
                    String work = ConversationKeys.work(served.get(Math.floorMod(next, served.size())));
                    Duration block = served.size() == 1 ? BLOCK : BLOCK.dividedBy(served.size());
                    handle(work, read(work, consumer, StreamReadOptions.empty().count(20).block(block)));
                }
                backoff = Duration.ofMillis(100);
            } catch (DataAccessException | IllegalStateException trouble) {
                if (!running) {
                    return;
                }
                log.warn("Conversation worker {} cannot read its work ({}); retrying in {} ms", consumer,
                        rootMessage(trouble), backoff.toMillis());
                // a read Redis answered but whose answer never arrived (a time-out, a failover) left
                // its entries delivered to this consumer: they are taken up first, not after CLAIM_AFTER
                recoverOwn = true;
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                        : backoff.multipliedBy(2);
                // A work stream may have been deleted (a flushed Redis): recreate its consumer group.
                ensureGroups();
            } catch (RuntimeException bug) {
                log.error("Conversation worker {} hit an unexpected error; it carries on: {}", consumer,
                        SafeLog.describe(bug));
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<MapRecord<String, Object, Object>> read(String work, String consumer, StreamReadOptions options) {
        return read(work, consumer, options, ReadOffset.lastConsumed());
    }

    @SuppressWarnings("unchecked")
    private List<MapRecord<String, Object, Object>> read(String work, String consumer, StreamReadOptions options,
                                                         ReadOffset from) {
        return redis.opsForStream().read(Consumer.from(ConversationKeys.WORK_GROUP, consumer), options,
                StreamOffset.create(work, from));
    }

    /**
     * Processes each conversation the records name once (a conversation's later work entries
     * were appended with entries it reads anyway), then acknowledges and deletes the records
     * together: one round trip for the batch (work-done.lua) instead of two per record. Whether
     * there were records.
     */
    private boolean handle(String work, List<MapRecord<String, Object, Object>> records) {
        if (records == null || records.isEmpty()) {
            return false;
        }
        Set<String> conversations = new LinkedHashSet<>();
        for (MapRecord<String, Object, Object> record : records) {
            conversations.add(String.valueOf(record.getValue().get("conversation")));
        }
        processor.processAll(List.copyOf(conversations));
        List<String> args = new ArrayList<>(records.size() + 1);
        args.add(ConversationKeys.WORK_GROUP);
        records.forEach(record -> args.add(record.getId().getValue()));
        redis.execute(WORK_DONE, List.of(work), args.toArray());
        return true;
    }

    /**
     * Applies the entries Redis delivered to this consumer that it never acknowledged. At the top
     * of the loop the worker is applying nothing, so every such entry is one whose read's answer was
     * lost on the way (a command that timed out after Redis ran it; a master that died with the
     * answer in flight while its replica kept the delivery). Nobody else would take them up: the
     * orphan claim leaves a consumer's own entries alone, and another instance's only after
     * {@link #CLAIM_AFTER}.
     */
    private void recoverOwn(String work, String consumer) {
        // from "0", a consumer group hands a consumer what it delivered to it and was not acknowledged
        List<MapRecord<String, Object, Object>> lost = read(work, consumer, StreamReadOptions.empty().count(100),
                ReadOffset.from("0"));
        if (lost != null && !lost.isEmpty()) {
            log.info("Conversation worker {} takes up {} work entries of {} delivered to it whose read failed",
                    consumer, lost.size(), work);
            handle(work, lost);
        }
    }

    /** Takes over entries another consumer read but never acknowledged (it crashed or stopped). */
    private void claimOrphans(String work, String consumer, Duration idleAtLeast) {
        PendingMessages pending = redis.opsForStream().pending(work, ConversationKeys.WORK_GROUP,
                Range.unbounded(), 100);
        List<RecordId> stale = new ArrayList<>();
        for (PendingMessage message : pending) {
            if (!message.getConsumerName().equals(consumer)
                    && message.getElapsedTimeSinceLastDelivery().compareTo(idleAtLeast) >= 0) {
                stale.add(message.getId());
            }
        }
        if (stale.isEmpty()) {
            return;
        }
        List<MapRecord<String, Object, Object>> claimed = redis.opsForStream().claim(work,
                ConversationKeys.WORK_GROUP, consumer, idleAtLeast, stale.toArray(RecordId[]::new));
        log.info("Claimed {} unfinished work entries of {} from stopped consumers", claimed.size(), work);
        handle(work, claimed);
    }

    private static String rootMessage(Throwable trouble) {
        Throwable root = trouble;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private void ensureGroups() {
        try {
            for (int partition : partitions.served()) {
                try {
                    redis.opsForStream().createGroup(ConversationKeys.work(partition), ReadOffset.from("0"),
                            ConversationKeys.WORK_GROUP);
                } catch (DataAccessException exists) {
                    // BUSYGROUP: the group exists already, which is the normal case
                }
            }
        } catch (DataAccessException away) {
            // Redis is away, which the worker loop reports and retries
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (pool != null) {
            pool.shutdown();
            try {
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start after Redis and before the channels; stop before Redis goes away. */
    @Override
    public int getPhase() {
        return 100;
    }
}
