package id.rembug.bot.telegram;

import id.rembug.bot.redis.LuaScripts;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Elects the one instance that polls Telegram: a key in Redis holding the holder's id, set only
 * when absent and extended only by its holder. A holder that dies stops extending it, and after
 * {@link PollerProperties#lease()} a survivor takes over.
 */
public class PollerLease {

    private static final RedisScript<Long> RENEW = LuaScripts.load("telegram/lease-renew", Long.class);
    private static final RedisScript<Long> RELEASE = LuaScripts.load("telegram/lease-release", Long.class);

    private final StringRedisTemplate redis;
    private final Duration lease;
    private final String holder = ManagementFactory.getRuntimeMXBean().getName() + "-"
            + UUID.randomUUID().toString().substring(0, 8);

    public PollerLease(StringRedisTemplate redis, PollerProperties properties) {
        this.redis = redis;
        this.lease = properties.lease();
    }

    public Duration duration() {
        return lease;
    }

    /** Takes the lease if nobody holds it; true when this instance holds it now. */
    public boolean tryAcquire() {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(TelegramKeys.POLLER_LEASE, holder, lease));
    }

    /** Extends the lease; false when another instance holds it (this one must stop polling). */
    public boolean renew() {
        return Long.valueOf(1).equals(redis.execute(RENEW, List.of(TelegramKeys.POLLER_LEASE), holder,
                Long.toString(lease.toMillis())));
    }

    /** Gives the lease up, if this instance holds it. */
    public void release() {
        redis.execute(RELEASE, List.of(TelegramKeys.POLLER_LEASE), holder);
    }
}
