package id.rembug.bot.redis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * After a member's data is deleted, asks Redis to rewrite its append-only file, so the deleted
 * words leave the disk too and not only memory (the old file still holds the commands that wrote
 * them). Requests coalesce: however many deletions come in, one rewrite is started once none is
 * running, and a rewrite already running when a deletion was committed does not count (it may
 * have copied the data before the deletion), so another one follows it. A Redis without AOF has
 * nothing to rewrite; a managed Redis that refuses the command is logged once and left to its
 * operator (README, "How deletion works").
 */
@Component
public class AppendOnlyFileRewrite {

    private static final Logger log = LoggerFactory.getLogger(AppendOnlyFileRewrite.class);

    private final StringRedisTemplate redis;
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean refused = new AtomicBoolean();
    private final AtomicLong started = new AtomicLong();

    public AppendOnlyFileRewrite(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** A deletion was committed: the next rewrite that starts from now on removes it from disk. */
    public void request() {
        wanted.set(true);
    }

    /** How many rewrites this instance has started. */
    public long started() {
        return started.get();
    }

    /** Whether a request is still waiting for its rewrite to start. */
    public boolean waiting() {
        return wanted.get();
    }

    @Scheduled(fixedDelayString = "1s")
    public void rewriteIfWanted() {
        if (!wanted.get() || refused.get()) {
            return;
        }
        try {
            Properties info = redis.execute((RedisCallback<Properties>) c -> c.serverCommands().info("persistence"));
            if (info == null || !"1".equals(info.getProperty("aof_enabled"))) {
                wanted.set(false);
                return;
            }
            if ("1".equals(info.getProperty("aof_rewrite_in_progress"))
                    || "1".equals(info.getProperty("aof_rewrite_scheduled"))) {
                return;
            }
            // cleared before the command: a deletion committed from here on waits for the next one
            wanted.set(false);
            redis.execute((RedisCallback<Void>) c -> {
                rewrite(c);
                return null;
            });
            started.incrementAndGet();
            log.info("Asked Redis to rewrite its append-only file after a data deletion");
        } catch (DataAccessException trouble) {
            wanted.set(true);
            String message = String.valueOf(trouble.getMostSpecificCause().getMessage());
            if (message.contains("already in progress")) {
                return;
            }
            if (message.contains("unknown command") || message.contains("NOPERM") || message.contains("renamed")) {
                refused.set(true);
                log.warn("Redis refuses BGREWRITEAOF ({}): deleted data stays in its append-only file until the "
                        + "operator rewrites or rotates it", message);
                return;
            }
            log.warn("Could not ask Redis to rewrite its append-only file ({}); will try again", message);
        }
    }

    private static void rewrite(RedisConnection connection) {
        connection.serverCommands().bgReWriteAof();
    }
}
