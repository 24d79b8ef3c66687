package id.rembug.bot.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import id.rembug.bot.testsupport.RedisProbe;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.TestRedis;

/** A Redis named by {@code spring.data.redis.*} is used as is; the app starts none of its own. */
@TestRedis
class ExternalRedisTest {

    @TempDir
    Path tempDir;

    @Test
    void configuredRedisUrlIsUsedAndNoEmbeddedServerIsStarted() {
        Path embeddedDataDir = tempDir.resolve("embedded");
        String key = "external:" + UUID.randomUUID();
        try (ConfigurableApplicationContext app = RedisOnlyApplication.run(
                "spring.data.redis.url=" + RedisServerExtension.url(),
                "rembug.redis.embedded.data-dir=" + embeddedDataDir)) {
            app.getBean(StringRedisTemplate.class).opsForValue().set(key, "dari luar");

            assertThat(app.getBeansOfType(EmbeddedRedisSupervisor.class)).isEmpty();
            assertThat(RedisProbe.get(RedisServerExtension.url(), key)).isEqualTo("dari luar");
        }
        assertThat(embeddedDataDir).doesNotExist();
    }

    @Test
    void configuredHostAndPortAreUsedAndNoEmbeddedServerIsStarted() {
        String key = "external:" + UUID.randomUUID();
        try (ConfigurableApplicationContext app = RedisOnlyApplication.run(
                "spring.data.redis.host=" + RedisServerExtension.server().host(),
                "spring.data.redis.port=" + RedisServerExtension.port(),
                "spring.data.redis.password=" + RedisServerExtension.server().password(),
                "rembug.redis.embedded.data-dir=" + tempDir.resolve("embedded"))) {
            app.getBean(StringRedisTemplate.class).opsForValue().set(key, "host dan port");

            assertThat(app.getBeansOfType(EmbeddedRedisSupervisor.class)).isEmpty();
            assertThat(RedisProbe.get(RedisServerExtension.url(), key))
                    .isEqualTo("host dan port");
        }
    }

    @Test
    void blankRedisUrlCountsAsUnset() {
        // e.g. SPRING_DATA_REDIS_URL= left empty in a compose file or .env
        try (ConfigurableApplicationContext app = RedisOnlyApplication.run(
                "spring.data.redis.url=",
                "rembug.redis.embedded.data-dir=" + tempDir.resolve("embedded"),
                "rembug.redis.embedded.port=0")) {
            assertThat(app.getBeansOfType(EmbeddedRedisSupervisor.class)).hasSize(1);
        }
    }

    @Test
    void switchedOffEmbeddedServerLeavesRedisToSpringBootDefaults() {
        try (ConfigurableApplicationContext app = RedisOnlyApplication.run(
                "rembug.redis.embedded.enabled=false",
                "rembug.redis.embedded.data-dir=" + tempDir.resolve("embedded"))) {
            assertThat(app.getBeansOfType(EmbeddedRedisSupervisor.class)).isEmpty();
            assertThat(app.getBean(DataRedisConnectionDetails.class))
                    .isNotInstanceOf(EmbeddedRedisConnectionDetails.class);
        }
        assertThat(tempDir.resolve("embedded")).doesNotExist();
    }
}
