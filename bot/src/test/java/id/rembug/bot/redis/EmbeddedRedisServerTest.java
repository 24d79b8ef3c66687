package id.rembug.bot.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.rembug.bot.testsupport.RedisProbe;

class EmbeddedRedisServerTest {

    @TempDir
    Path dataDir;

    private final RedisBinary binary = RedisBinary.locate(null);

    @Test
    void secondServerOnTheSameDataDirIsRefused() {
        try (EmbeddedRedisServer first = EmbeddedRedisServer.start(binary, EmbeddedRedisServer.Options.of(dataDir, 0))) {
            assertThatThrownBy(() -> EmbeddedRedisServer.start(binary, EmbeddedRedisServer.Options.of(dataDir, 0)))
                    .isInstanceOf(EmbeddedRedisException.class)
                    .hasMessageContaining("is in use by another running embedded Redis");
            assertThat(first.isRunning()).isTrue();
        }
    }

    @Test
    void dataDirIsFreeAgainOnceTheServerIsClosed() {
        EmbeddedRedisServer.start(binary, EmbeddedRedisServer.Options.of(dataDir, 0)).close();

        try (EmbeddedRedisServer again = EmbeddedRedisServer.start(binary, EmbeddedRedisServer.Options.of(dataDir, 0))) {
            assertThat(again.isRunning()).isTrue();
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        EmbeddedRedisServer server = EmbeddedRedisServer.start(binary, EmbeddedRedisServer.Options.of(dataDir, 0));
        server.close();
        server.close();

        assertThat(server.isRunning()).isFalse();
    }

    @Test
    void takenPreferredPortIsReplacedByAFreeOne() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(EmbeddedRedisServer.HOST, 0));
            try (EmbeddedRedisServer server = EmbeddedRedisServer.start(binary,
                    EmbeddedRedisServer.Options.of(dataDir, taken.getLocalPort()))) {
                assertThat(server.port()).isNotEqualTo(taken.getLocalPort());
                assertThat(RedisProbe.ping(server.url())).isEqualTo("PONG");
            }
        }
    }

    @Test
    void serverLeftRunningByAnEarlierRunIsStoppedWithItsDataKept() throws Exception {
        int port = freePort();
        String url = "redis://127.0.0.1:" + port;
        // As a JVM killed with SIGKILL leaves it: redis-server running, pid file in place.
        Process leftOver = new ProcessBuilder(binary.executable().toString(), "--port", String.valueOf(port),
                "--bind", "127.0.0.1", "--dir", dataDir.toString(), "--appendonly", "yes",
                "--pidfile", dataDir.resolve(EmbeddedRedisServer.PID_FILE).toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> "PONG".equals(RedisProbe.ping(url))
                            && Files.exists(dataDir.resolve(EmbeddedRedisServer.PID_FILE)));
            RedisProbe.set(url, "tahap", "pemetaan masalah");

            try (EmbeddedRedisServer server = EmbeddedRedisServer.start(binary,
                    EmbeddedRedisServer.Options.of(dataDir, 0))) {
                assertThat(leftOver.isAlive()).isFalse();
                assertThat(RedisProbe.get(server.url(), "tahap"))
                        .isEqualTo("pemetaan masalah");
            }
        } finally {
            leftOver.destroyForcibly();
        }
    }

    @Test
    void redisOlderThanSevenRefusesDataWrittenByRedisSeven() throws Exception {
        Files.createDirectory(dataDir.resolve("appendonlydir"));
        RedisBinary redis6 = RedisBinary.bundled();

        assertThatThrownBy(() -> EmbeddedRedisServer.start(redis6, EmbeddedRedisServer.Options.of(dataDir, 0)))
                .isInstanceOf(EmbeddedRedisException.class)
                .hasMessageContaining("written by Redis 7 or newer")
                .hasMessageContaining("cannot read");
        assertThat(dataDir.resolve("appendonlydir")).isDirectory();
    }

    @Test
    void serverThatExitsAtStartIsReportedWithItsOutput() throws Exception {
        Path failing = dataDir.resolve("failing-redis-server");
        Files.writeString(failing, """
                #!/bin/sh
                if [ "$1" = "--version" ]; then echo "Redis server v=7.2.4 sha=00000000:0"; exit 0; fi
                echo "Fatal error, can't open config file '$1' (pretend)"
                exit 1
                """);
        Files.setPosixFilePermissions(failing, PosixFilePermissions.fromString("rwx------"));
        RedisBinary failingBinary = RedisBinary.locate(failing, null);
        Path serverDir = dataDir.resolve("data");

        assertThatThrownBy(() -> EmbeddedRedisServer.start(failingBinary, EmbeddedRedisServer.Options.of(serverDir, 0)))
                .isInstanceOf(EmbeddedRedisException.class)
                .hasMessageContaining("did not start")
                .hasMessageContaining("exit code 1")
                .hasMessageContaining("(pretend)")
                .hasMessageContaining("SPRING_DATA_REDIS_URL");

        // The failed start let go of the data directory.
        try (EmbeddedRedisServer server = EmbeddedRedisServer.start(binary, EmbeddedRedisServer.Options.of(serverDir, 0))) {
            assertThat(server.isRunning()).isTrue();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(EmbeddedRedisServer.HOST, 0));
            return socket.getLocalPort();
        }
    }
}
