package id.rembug.bot.redis;

import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * "Real Redis by default, embedded when unset": with no external Redis configured, starts a
 * real redis-server and hands its address to Spring Boot as {@link EmbeddedRedisConnectionDetails},
 * so Boot's Lettuce auto-configuration connects to it. The connection details depend on the
 * server bean, so the server is up before anything connects and is stopped after the
 * connection factory is gone. While the app runs, {@link EmbeddedRedisSupervisor} starts the
 * server again on the same port whenever its process dies.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedRedisCondition.class)
@EnableConfigurationProperties(EmbeddedRedisProperties.class)
public class EmbeddedRedisConfiguration {

    /**
     * Spring's own shutdown hook closes the context, and with it the server, after the beans
     * that write to Redis have stopped; ours waits that long before it acts on its own.
     */
    static final Duration SHUTDOWN_HOOK_GRACE = Duration.ofSeconds(30);

    @Bean(destroyMethod = "close")
    EmbeddedRedisSupervisor embeddedRedisSupervisor(EmbeddedRedisProperties properties) {
        RedisBinary binary = RedisBinary.locate(properties.executable());
        return EmbeddedRedisSupervisor.start(binary,
                new EmbeddedRedisServer.Options(properties.dataDir(), properties.port(), SHUTDOWN_HOOK_GRACE));
    }

    @Bean
    EmbeddedRedisConnectionDetails embeddedRedisConnectionDetails(EmbeddedRedisSupervisor supervisor) {
        return EmbeddedRedisConnectionDetails.of(supervisor);
    }
}
