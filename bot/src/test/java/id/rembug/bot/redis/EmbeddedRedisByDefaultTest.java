package id.rembug.bot.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import id.rembug.bot.testsupport.RedisProbe;

@SpringBootTest(classes = RedisOnlyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext // stop the server before its temporary data directory is deleted
class EmbeddedRedisByDefaultTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void redisProperties(DynamicPropertyRegistry registry) {
        registry.add("rembug.redis.embedded.data-dir", () -> dataDir.toString());
        registry.add("rembug.redis.embedded.port", () -> 0);
    }

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    EmbeddedRedisSupervisor supervisor;

    @Autowired
    RedisConnectionFactory connectionFactory;

    EmbeddedRedisServer server;

    @BeforeEach
    void currentServer() {
        server = supervisor.server();
    }

    @Test
    void appConnectsToTheEmbeddedServerWhenNoRedisIsConfigured() {
        String key = "greeting:" + UUID.randomUUID();
        redis.opsForValue().set(key, "selamat pagi");

        assertThat(((LettuceConnectionFactory) connectionFactory).getPort()).isEqualTo(server.port());
        assertThat(RedisProbe.get(server.url(), key)).isEqualTo("selamat pagi");
    }

    @Test
    void embeddedServerKeepsAnAppendOnlyFileInTheConfiguredDataDir() {
        assertThat(server.dataDir()).isEqualTo(dataDir.toAbsolutePath().normalize());
        assertThat(RedisProbe.configGet(server.url(), "appendonly")).containsEntry("appendonly", "yes");
        assertThat(RedisProbe.configGet(server.url(), "appendfsync")).containsEntry("appendfsync", "everysec");
        assertThat(RedisProbe.configGet(server.url(), "dir")).containsEntry("dir", server.dataDir().toString());
        // Redis 6 writes one appendonly.aof, Redis 7 a directory of parts.
        assertThat(List.of(dataDir.resolve("appendonly.aof"), dataDir.resolve("appendonlydir")))
                .anyMatch(Files::exists);
    }

    @Test
    void embeddedServerListensOnLoopbackOnly() {
        assertThat(RedisProbe.configGet(server.url(), "bind"))
                .containsEntry("bind", "127.0.0.1");
    }
}
