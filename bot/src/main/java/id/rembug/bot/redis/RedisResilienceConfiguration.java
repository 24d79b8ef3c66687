package id.rembug.bot.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.resource.Delay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * How the app rides out a Redis that goes away and comes back: a command fails after
 * {@link #DEFAULT_COMMAND_TIMEOUT} instead of Lettuce's 60 s (so a webhook answers 503 while
 * Telegram still waits, and every loop notices and backs off), and Lettuce tries to reconnect at
 * least every {@link #MAX_RECONNECT_DELAY} (its own default backs off to 30 s, far beyond the
 * 10 s in which the bot should resume once Redis is back). On a Redis Cluster, Lettuce re-reads
 * the cluster's layout whenever a command hints that it changed (its adaptive triggers, all on by
 * default), at most every {@link #CLUSTER_REFRESH_AT_MOST_EVERY}, so it follows a failover within
 * a second of it; and every {@link #DEFAULT_CLUSTER_REFRESH_PERIOD}, to find what no command hints
 * at, such as a master that came back.
 */
@Configuration(proxyBeanMethods = false)
public class RedisResilienceConfiguration {

    /** Used unless {@code spring.data.redis.timeout} is set. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(3);
    public static final String TIMEOUT_PROPERTY = "spring.data.redis.timeout";
    static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);
    /** Used on a Redis Cluster unless {@code spring.data.redis.lettuce.cluster.refresh.period} is set. */
    public static final Duration DEFAULT_CLUSTER_REFRESH_PERIOD = Duration.ofSeconds(30);
    /**
     * How often at most a hint (a node Lettuce cannot reconnect to, MOVED) makes it re-read the
     * cluster's layout; Lettuce's own 5 s would leave the app on a promoted replica's old master
     * for up to 5 s after the failover.
     */
    public static final Duration CLUSTER_REFRESH_AT_MOST_EVERY = Duration.ofSeconds(1);

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
    LettuceClientOptionsBuilderCustomizer rembugClusterRefresh(ObjectProvider<DataRedisProperties> redisProperties) {
        // Boot builds the cluster's refresh options from its properties alone; ours replace them
        // with the same settings plus Rembug's defaults
        return builder -> {
            if (builder instanceof ClusterClientOptions.Builder cluster) {
                DataRedisProperties.Lettuce.Cluster.Refresh refresh = redisProperties.getObject().getLettuce()
                        .getCluster().getRefresh();
                cluster.topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enablePeriodicRefresh(refresh.getPeriod() != null ? refresh.getPeriod()
                                : DEFAULT_CLUSTER_REFRESH_PERIOD)
                        .adaptiveRefreshTriggersTimeout(CLUSTER_REFRESH_AT_MOST_EVERY)
                        .dynamicRefreshSources(refresh.isDynamicRefreshSources())
                        .build());
            }
        };
    }

    @Bean
    ClientResourcesBuilderCustomizer rembugReconnectDelay() {
        return builder -> builder.reconnectDelay(reconnectDelay());
    }

    /**
     * How long Lettuce waits before each try to reconnect: from 50 ms, doubling, at most
     * {@link #MAX_RECONNECT_DELAY}. Also for the tests' own clients, which would otherwise wait up
     * to 30 s after a failover they watch (Lettuce's default).
     */
    public static Delay reconnectDelay() {
        return Delay.exponential(Duration.ofMillis(50), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS);
    }

    @Bean
    RedisEvictionPolicyCheck redisEvictionPolicyCheck(StringRedisTemplate redis) {
        return new RedisEvictionPolicyCheck(redis);
    }
}
