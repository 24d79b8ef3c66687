package id.rembug.bot.redis;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Redis server the app starts itself when no external Redis is configured.
 *
 * @param enabled    whether to start it; unset means "when none of {@code spring.data.redis.url},
 *                   {@code .host}, {@code .port}, {@code .sentinel.master}, {@code .cluster.nodes}
 *                   is set"
 * @param dataDir    where the append-only file is kept (default {@code data/redis}, relative to
 *                   the working directory); one running server per directory
 * @param port       the port on 127.0.0.1 to prefer (default 6379); when it is taken a free port
 *                   is used and logged; {@code 0} means any free port
 * @param executable the {@code redis-server} to run; unset means {@code redis-server} on PATH,
 *                   else the binary bundled in the embedded-redis jar (Redis 6.2)
 */
@ConfigurationProperties("rembug.redis.embedded")
public record EmbeddedRedisProperties(
        @Nullable Boolean enabled,
        @DefaultValue("data/redis") Path dataDir,
        @DefaultValue("6379") int port,
        @Nullable Path executable) {
}
