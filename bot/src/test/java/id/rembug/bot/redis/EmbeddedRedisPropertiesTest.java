package id.rembug.bot.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class EmbeddedRedisPropertiesTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        EmbeddedRedisProperties properties = bind(Map.of());

        assertThat(properties.enabled()).isNull();
        assertThat(properties.dataDir()).isEqualTo(Path.of("data/redis"));
        assertThat(properties.port()).isEqualTo(6379);
        assertThat(properties.executable()).isNull();
    }

    @Test
    void kebabCaseNamesBindToTheirComponents() {
        EmbeddedRedisProperties properties = bind(Map.of(
                "rembug.redis.embedded.enabled", "true",
                "rembug.redis.embedded.data-dir", "/var/lib/rembug/redis",
                "rembug.redis.embedded.port", "6380",
                "rembug.redis.embedded.executable", "/usr/bin/redis-server"));

        assertThat(properties).isEqualTo(new EmbeddedRedisProperties(true, Path.of("/var/lib/rembug/redis"), 6380,
                Path.of("/usr/bin/redis-server")));
    }

    private static EmbeddedRedisProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("rembug.redis.embedded", EmbeddedRedisProperties.class);
    }
}
