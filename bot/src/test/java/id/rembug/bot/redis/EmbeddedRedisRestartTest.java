package id.rembug.bot.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import id.rembug.bot.testsupport.RedisProbe;

/** Whole application contexts started and closed one after another on one data directory. */
class EmbeddedRedisRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void valueWrittenBeforeTheAppClosedIsReadAfterItStartsAgain() {
        String key = "answer:" + UUID.randomUUID();
        String value = "Kami ingin jalan desa diperbaiki " + UUID.randomUUID();
        long firstPid;
        try (ConfigurableApplicationContext first = startApp()) {
            first.getBean(StringRedisTemplate.class).opsForValue().set(key, value);
            firstPid = first.getBean(EmbeddedRedisSupervisor.class).server().pid();
        }
        assertThat(ProcessHandle.of(firstPid).filter(ProcessHandle::isAlive)).isEmpty();

        try (ConfigurableApplicationContext second = startApp()) {
            assertThat(second.getBean(EmbeddedRedisSupervisor.class).server().pid()).isNotEqualTo(firstPid);
            assertThat(second.getBean(StringRedisTemplate.class).opsForValue().get(key)).isEqualTo(value);
        }
    }

    @Test
    void closingTheAppStopsTheServerCleanly() {
        EmbeddedRedisServer server;
        try (ConfigurableApplicationContext app = startApp()) {
            server = app.getBean(EmbeddedRedisSupervisor.class).server();
            assertThat(Files.exists(dataDir.resolve(EmbeddedRedisServer.PID_FILE))).isTrue();
        }
        assertThat(server.isRunning()).isFalse();
        assertThat(ProcessHandle.of(server.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        // redis-server removes its pid file only on an orderly shutdown.
        assertThat(dataDir.resolve(EmbeddedRedisServer.PID_FILE)).doesNotExist();
        assertThat(EmbeddedRedisServer.isFree(server.port())).isTrue();
    }

    @Test
    void takenPortMakesTheEmbeddedServerListenOnAnotherPort() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(EmbeddedRedisServer.HOST, 0));
            try (ConfigurableApplicationContext app = startApp(taken.getLocalPort())) {
                EmbeddedRedisServer server = app.getBean(EmbeddedRedisSupervisor.class).server();
                app.getBean(StringRedisTemplate.class).opsForValue().set("port-check", "ok");

                assertThat(server.port()).isNotEqualTo(taken.getLocalPort()).isPositive();
                assertThat(RedisProbe.get(server.url(), "port-check")).isEqualTo("ok");
            }
        }
    }

    private ConfigurableApplicationContext startApp() {
        return startApp(0);
    }

    private ConfigurableApplicationContext startApp(int port) {
        return RedisOnlyApplication.run("rembug.redis.embedded.data-dir=" + dataDir,
                "rembug.redis.embedded.port=" + port);
    }
}
