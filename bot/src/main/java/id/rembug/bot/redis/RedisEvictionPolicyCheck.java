package id.rembug.bot.redis;

import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Warns at start-up when Redis may throw data away under memory pressure. Every key Rembug keeps
 * is either needed (answers, states, the inbox, the outbox) or bounded by a TTL or a cap (see the
 * README's key table), so the one safe policy is {@code noeviction}: a full Redis then refuses
 * writes, which the app reports and retries, instead of silently deleting a group's answers.
 */
public final class RedisEvictionPolicyCheck {

    public static final String SAFE_POLICY = "noeviction";
    private static final Logger log = LoggerFactory.getLogger(RedisEvictionPolicyCheck.class);

    private final StringRedisTemplate redis;

    public RedisEvictionPolicyCheck(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** What was found: the policy, or why it could not be read. */
    public sealed interface Finding {
        record Safe() implements Finding {
        }

        record Evicting(String policy) implements Finding {
        }

        record Unknown(String reason) implements Finding {
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void warnIfEvicting() {
        Finding finding = check();
        if (finding instanceof Finding.Evicting evicting) {
            log.warn("Redis maxmemory-policy is '{}': under memory pressure Redis will delete keys, which can lose "
                    + "answers and queued messages without a trace. Set 'maxmemory-policy {}' on that Redis (CONFIG "
                    + "SET maxmemory-policy {}, and in redis.conf), and watch its memory instead.", evicting.policy(),
                    SAFE_POLICY, SAFE_POLICY);
        } else if (finding instanceof Finding.Unknown unknown) {
            log.info("Could not read Redis' maxmemory-policy ({}); make sure it is '{}'", unknown.reason(),
                    SAFE_POLICY);
        }
    }

    public Finding check() {
        try {
            Properties config = redis.execute((RedisCallback<Properties>) connection -> configGet(connection));
            String policy = config == null ? null : config.getProperty("maxmemory-policy");
            if (policy == null) {
                return new Finding.Unknown("CONFIG GET maxmemory-policy answered nothing");
            }
            return SAFE_POLICY.equalsIgnoreCase(policy) ? new Finding.Safe() : new Finding.Evicting(policy);
        } catch (RuntimeException e) {
            // Managed Redis services often disable CONFIG.
            return new Finding.Unknown(e.getMessage());
        }
    }

    private static Properties configGet(RedisConnection connection) {
        return connection.serverCommands().getConfig("maxmemory-policy");
    }
}
