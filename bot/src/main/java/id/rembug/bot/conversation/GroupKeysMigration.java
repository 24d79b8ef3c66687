package id.rembug.bot.conversation;

import id.rembug.bot.redis.LuaScripts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves a Redis written before conversations' keys carried their hash tag ({@code {g:<id>}},
 * see {@link ConversationKeys#tag}) to the tagged layout: {@code rembug:group:<id>[:part]} and
 * {@code rembug:events:<id>} become {@code rembug:group:{g:<id>}[:part]} and
 * {@code rembug:events:{g:<id>}}. Runs once, before the first event is applied (the workers ask
 * for it), and marks the Redis as done ({@link ConversationKeys#LAYOUT}), so later starts skip
 * the scan. A Redis Cluster is never migrated: one starts with the tagged layout.
 */
@Component
public class GroupKeysMigration {

    private static final Logger log = LoggerFactory.getLogger(GroupKeysMigration.class);
    static final String TAGGED = "group-tags";
    private static final RedisScript<Long> MOVE = LuaScripts.load("conversation/move-key", Long.class);
    private static final String GROUP_PREFIX = "rembug:group:";
    private static final String EVENTS_PREFIX = "rembug:events:";
    private static final String PRIVATE_PREFIX = "user:";

    private final StringRedisTemplate redis;
    private volatile boolean done;

    public GroupKeysMigration(StringRedisTemplate redis) {
        this.redis = redis;
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
        if (TAGGED.equals(redis.opsForValue().get(ConversationKeys.LAYOUT)) || isCluster()) {
            return 0;
        }
        List<String[]> moves = new ArrayList<>();
        for (String pattern : List.of(GROUP_PREFIX + "*", EVENTS_PREFIX + "*")) {
            try (Cursor<String> keys = redis.scan(ScanOptions.scanOptions().match(pattern).count(1000).build())) {
                keys.forEachRemaining(key -> tagged(key).ifPresent(to -> moves.add(new String[] {key, to})));
            }
        }
        int moved = 0;
        for (String[] move : moves) {
            Long result = redis.execute(MOVE, List.of(move[0], move[1]));
            moved += result == null ? 0 : result.intValue();
        }
        redis.opsForValue().set(ConversationKeys.LAYOUT, TAGGED);
        if (moved > 0) {
            log.info("Moved {} conversation keys to the hash-tagged layout ({g:<id>})", moved);
        }
        return moved;
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

    private boolean isCluster() {
        return redis.getConnectionFactory() instanceof LettuceConnectionFactory lettuce && lettuce.isClusterAware();
    }
}
