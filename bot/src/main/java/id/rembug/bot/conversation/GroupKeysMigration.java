package id.rembug.bot.conversation;

import id.rembug.bot.broadcast.BroadcastKeys;
import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.dispatch.DispatchKeys;
import id.rembug.bot.redis.LuaScripts;
import id.rembug.bot.redis.RedisCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves a Redis written by an earlier version to today's cluster-ready layout, in two steps.
 * First the conversations' hash tag ({@code {g:<id>}}, see {@link ConversationKeys#tag}):
 * {@code rembug:group:<id>[:part]} and {@code rembug:events:<id>} become
 * {@code rembug:group:{g:<id>}[:part]} and {@code rembug:events:{g:<id>}}. Then the shared
 * structures: the outbox and everything written with it get the outbox's tag
 * ({@code {outbox}}, see {@link OutboxKeys}), and the entries of the single work stream and
 * wake-ups set go to their conversation's partition ({@link WorkPartitions}). Runs once, before
 * the first event is applied (the workers ask for it), and marks the Redis as done
 * ({@link ConversationKeys#LAYOUT}), so later starts skip the scan. A Redis Cluster is never
 * migrated: one starts with today's layout.
 */
@Component
public class GroupKeysMigration {

    private static final Logger log = LoggerFactory.getLogger(GroupKeysMigration.class);
    static final String TAGGED = "group-tags";
    static final String PARTITIONED = "partitions";
    private static final String OLD_WORK = "rembug:work";
    private static final String OLD_WAKE_UPS = "rembug:wakeups";
    private static final String OLD_SEEN = "rembug:seen:";
    /** As long as the inbox remembers update ids (RedisInbox.SEEN_FOR). */
    private static final Duration SEEN_KEPT = Duration.ofDays(2);
    private static final RedisScript<Long> MOVE = LuaScripts.load("conversation/stream-ids", "conversation/move-key", Long.class);
    private static final RedisScript<Long> ANNOUNCE = LuaScripts.load("conversation/announce", Long.class);
    private static final String GROUP_PREFIX = "rembug:group:";
    private static final String EVENTS_PREFIX = "rembug:events:";
    private static final String PRIVATE_PREFIX = "user:";

    private final StringRedisTemplate redis;
    private final WorkPartitions partitions;
    private volatile boolean done;
    private volatile boolean oldSeenMayExist = true;
    private volatile long oldSeenCheckedUntil;

    public GroupKeysMigration(StringRedisTemplate redis, WorkPartitions partitions) {
        this.redis = redis;
        this.partitions = partitions;
    }

    /** Migrates if that was not done yet; a Redis that cannot be reached throws, to be retried. */
    public void ensureMigrated() {
        if (done) {
            return;
        }
        synchronized (this) {
            if (!done) {
                migrate();
                done = true;
            }
        }
    }

    /** How many keys were moved (0 when the Redis was migrated before, or is a cluster). */
    int migrate() {
        String layout = redis.opsForValue().get(ConversationKeys.LAYOUT);
        if (PARTITIONED.equals(layout)) {
            return 0;
        }
        if (RedisCluster.isCluster(redis)) {
            redis.opsForValue().set(ConversationKeys.LAYOUT, PARTITIONED);
            return 0;
        }
        if (anyKey(OLD_SEEN + "*")) {
            // dedupe marks that do not name their conversation: the inbox reads them as long as they last
            redis.opsForValue().set(ConversationKeys.OLD_SEEN_KEPT, "1", SEEN_KEPT);
        }
        int moved = 0;
        if (!TAGGED.equals(layout)) {
            moved += move(List.of(GROUP_PREFIX + "*", EVENTS_PREFIX + "*"), GroupKeysMigration::tagged);
            redis.opsForValue().set(ConversationKeys.LAYOUT, TAGGED);
            if (moved > 0) {
                log.info("Moved {} conversation keys to the hash-tagged layout ({g:<id>})", moved);
            }
        }
        int shared = move(List.of("rembug:outbox:*", "rembug:delivery:*", "rembug:chat:*", "rembug:chat-alias:*",
                "rembug:dispatch:rate:*", "rembug:user:*", "rembug:digest-users", "rembug:llm:*", "rembug:broadcast*"),
                GroupKeysMigration::inOutboxSlot);
        shared += partitionWork() + partitionWakeUps();
        redis.opsForValue().set(ConversationKeys.LAYOUT, PARTITIONED);
        if (shared > 0) {
            log.info("Moved {} shared keys and entries to the outbox's slot and the work partitions", shared);
        }
        return moved + shared;
    }

    private boolean anyKey(String pattern) {
        try (Cursor<String> keys = redis.scan(ScanOptions.scanOptions().match(pattern).count(1000).build())) {
            while (keys.hasNext()) {
                if (!keys.next().contains("{")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether an update id may have been stored under the dedupe mark of an earlier version
     * ({@code rembug:seen:<updateId>}, no conversation in it): until this Redis is migrated, and for
     * as long as such marks last after. Read again at most once a minute.
     */
    public boolean oldSeenMarksMayExist() {
        long now = System.currentTimeMillis();
        if (now >= oldSeenCheckedUntil) {
            oldSeenMayExist = !PARTITIONED.equals(redis.opsForValue().get(ConversationKeys.LAYOUT))
                    || Boolean.TRUE.equals(redis.hasKey(ConversationKeys.OLD_SEEN_KEPT));
            oldSeenCheckedUntil = now + 60_000;
        }
        return oldSeenMayExist;
    }

    /** Whether the update id was stored by an earlier version (its mark has no conversation in it). */
    public boolean seenByAnEarlierVersion(String updateId) {
        return oldSeenMarksMayExist() && Boolean.TRUE.equals(redis.hasKey(OLD_SEEN + updateId));
    }

    private int move(List<String> patterns, Function<String, Optional<String>> rename) {
        List<String[]> moves = new ArrayList<>();
        for (String pattern : patterns) {
            try (Cursor<String> keys = redis.scan(ScanOptions.scanOptions().match(pattern).count(1000).build())) {
                keys.forEachRemaining(key -> rename.apply(key).ifPresent(to -> moves.add(new String[] {key, to})));
            }
        }
        int moved = 0;
        for (String[] move : moves) {
            Long result = redis.execute(MOVE, List.of(move[0], move[1]));
            moved += result == null ? 0 : result.intValue();
        }
        return moved;
    }

    /** Each entry of the old single work stream, announced again on its conversation's partition (an extra announcement is harmless). */
    private int partitionWork() {
        if (!Boolean.TRUE.equals(redis.hasKey(OLD_WORK))) {
            return 0;
        }
        List<MapRecord<String, Object, Object>> entries =
                redis.opsForStream().range(OLD_WORK, Range.unbounded());
        for (var entry : entries == null ? List.<MapRecord<String, Object, Object>>of() : entries) {
            String conversation = String.valueOf(entry.getValue().get("conversation"));
            redis.execute(ANNOUNCE, List.of(partitions.work(conversation)), conversation);
        }
        redis.delete(OLD_WORK);
        return entries == null ? 0 : entries.size();
    }

    /** Each old wake-up into its conversation's partition, then out of the old set (a crash in between repeats, harmlessly). */
    private int partitionWakeUps() {
        var wakeUps = redis.opsForZSet().rangeWithScores(OLD_WAKE_UPS, 0, -1);
        int moved = 0;
        for (var wakeUp : wakeUps == null ? Set.<TypedTuple<String>>of() : wakeUps) {
            String member = wakeUp.getValue();
            String conversation = member.substring(0, member.lastIndexOf('|'));
            redis.opsForZSet().add(partitions.wakeUps(conversation), member, wakeUp.getScore());
            redis.opsForZSet().remove(OLD_WAKE_UPS, member);
            moved++;
        }
        return moved;
    }

    private static final Pattern OLD_QUEUE = Pattern.compile("rembug:outbox:(conversation|broadcast):(.+)");
    private static final Pattern OLD_READY = Pattern.compile("rembug:outbox:ready:(conversation|broadcast)");
    private static final Pattern OLD_CHAT = Pattern.compile("rembug:chat:(.+):(forbidden|sent)");
    private static final Pattern OLD_HELD = Pattern.compile("rembug:user:([^:]+):(pending|digest)");
    private static final Pattern OLD_JOB = Pattern.compile("rembug:broadcast:(\\d+)(?::targets:(\\d+))?");

    /** The name in the outbox's slot of a key written before it had one; empty for any other key. */
    static Optional<String> inOutboxSlot(String key) {
        if (key.contains("{")) {
            return Optional.empty();
        }
        Matcher m;
        if ((m = OLD_READY.matcher(key)).matches()) {
            return Optional.of(OutboxKeys.ready(lane(m.group(1))));
        }
        if ((m = OLD_QUEUE.matcher(key)).matches()) {
            return Optional.of(OutboxKeys.queue(lane(m.group(1)), m.group(2)));
        }
        if ((m = OLD_CHAT.matcher(key)).matches()) {
            return Optional.of(m.group(2).equals("sent") ? DispatchKeys.sentMessages(m.group(1)) : DispatchKeys.forbidden(m.group(1)));
        }
        if ((m = OLD_HELD.matcher(key)).matches()) {
            return Optional.of(m.group(2).equals("pending") ? OutboxKeys.kept(m.group(1)) : ConversationKeys.digest(m.group(1)));
        }
        if ((m = OLD_JOB.matcher(key)).matches()) {
            return Optional.of(m.group(2) == null ? BroadcastKeys.job(m.group(1))
                    : BroadcastKeys.targets(m.group(1), Integer.parseInt(m.group(2))));
        }
        return Optional.ofNullable(switch (key) {
            case "rembug:digest-users" -> ConversationKeys.DIGEST_USERS;
            case "rembug:llm:jobs" -> ConversationKeys.MODEL_JOBS;
            case "rembug:llm:queue" -> ConversationKeys.MODEL_QUEUE;
            case "rembug:broadcasts" -> BroadcastKeys.JOBS;
            case "rembug:broadcast:due" -> BroadcastKeys.DUE;
            case "rembug:dispatch:rate:global" -> DispatchKeys.rateGlobal();
            case "rembug:dispatch:rate:broadcast" -> DispatchKeys.rateBroadcast();
            default -> renamedByPrefix(key);
        });
    }

    private static String renamedByPrefix(String key) {
        if (key.startsWith("rembug:delivery:")) {
            return DispatchKeys.delivery(key.substring("rembug:delivery:".length()));
        }
        if (key.startsWith("rembug:chat-alias:")) {
            return DispatchKeys.alias(key.substring("rembug:chat-alias:".length()));
        }
        if (key.startsWith("rembug:dispatch:rate:chat:")) {
            return DispatchKeys.rateChat(key.substring("rembug:dispatch:rate:chat:".length()));
        }
        if (key.startsWith("rembug:dispatch:rate:group:")) {
            return DispatchKeys.rateGroup(key.substring("rembug:dispatch:rate:group:".length()));
        }
        return null;
    }

    private static Outgoing.Lane lane(String name) {
        return name.equals("conversation") ? Outgoing.Lane.CONVERSATION : Outgoing.Lane.BROADCAST;
    }

    /** The tagged name of a key in the old layout; empty for a key already tagged or not a conversation's. */
    static Optional<String> tagged(String key) {
        if (key.contains("{")) {
            return Optional.empty();
        }
        if (key.startsWith(EVENTS_PREFIX)) {
            return Optional.of(ConversationKeys.events(key.substring(EVENTS_PREFIX.length())));
        }
        if (!key.startsWith(GROUP_PREFIX)) {
            return Optional.empty();
        }
        String rest = key.substring(GROUP_PREFIX.length());
        int idEnd = rest.indexOf(':', rest.startsWith(PRIVATE_PREFIX) ? PRIVATE_PREFIX.length() : 0);
        String conversation = idEnd < 0 ? rest : rest.substring(0, idEnd);
        String part = idEnd < 0 ? "" : rest.substring(idEnd);
        return conversation.isEmpty() ? Optional.empty() : Optional.of(ConversationKeys.group(conversation) + part);
    }
}
