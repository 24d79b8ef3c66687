package id.rembug.bot.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.resource.Delay;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * How the app rides out a Redis that goes away and comes back: a command fails after
 * {@link #DEFAULT_COMMAND_TIMEOUT} instead of Lettuce's 60 s (so a webhook answers 503 while
 * Telegram still waits, and every loop notices and backs off), and Lettuce tries to reconnect at
 * least every {@link #MAX_RECONNECT_DELAY} (its own default backs off to 30 s, far beyond the
 * 10 s in which the bot should resume once Redis is back).
 */
@Configuration(proxyBeanMethods = false)
public class RedisResilienceConfiguration {

    /** Used unless {@code spring.data.redis.timeout} is set. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(3);
    public static final String TIMEOUT_PROPERTY = "spring.data.redis.timeout";
    static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);

    @Bean
    LettuceClientConfigurationBuilderCustomizer rembugCommandTimeout(Environment environment) {
        // Boot applies spring.data.redis.timeout itself when set; the default is ours.
        return builder -> {
            if (!environment.containsProperty(TIMEOUT_PROPERTY)) {
                builder.commandTimeout(DEFAULT_COMMAND_TIMEOUT);
            }
        };
    }

    @Bean
    ClientResourcesBuilderCustomizer rembugReconnectDelay() {
        return builder -> builder.reconnectDelay(
                Delay.exponential(Duration.ofMillis(50), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS));
    }

    @Bean
    RedisEvictionPolicyCheck redisEvictionPolicyCheck(StringRedisTemplate redis) {
        return new RedisEvictionPolicyCheck(redis);
    }
}
