package id.rembug.bot.dashboard;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Failed dashboard logins (wrong admin password, spent or unknown login link) counted per client
 * address in Redis, so every instance sharing the Redis counts together: after
 * {@value #MAX_FAILURES} failures within {@link #WINDOW} that address is refused (429) until the
 * window, which starts at its first failure, has passed. A small counter of our own rather than a
 * rate-limit library: one INCR and one EXPIRE are the whole job.
 *
 * <p>The address is {@code request.getRemoteAddr()}: behind a proxy, with
 * {@code server.forward-headers-strategy=framework}, the client's address from
 * {@code X-Forwarded-For}.
 */
@Component
public class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final StringRedisTemplate redis;

    public LoginThrottle(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Whether this address has used up its tries for now. */
    public boolean blocked(String address) {
        String count = redis.opsForValue().get(key(address));
        return count != null && Long.parseLong(count) >= MAX_FAILURES;
    }

    public void failed(String address) {
        Long count = redis.opsForValue().increment(key(address));
        if (count != null && count == 1L) {
            redis.expire(key(address), WINDOW);
        }
    }

    public void succeeded(String address) {
        redis.delete(key(address));
    }

    static String key(String address) {
        return DashboardKeys.loginFailures(address);
    }
}
