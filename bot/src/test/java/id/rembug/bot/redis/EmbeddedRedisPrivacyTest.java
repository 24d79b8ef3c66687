package id.rembug.bot.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.rembug.bot.testsupport.RedisProbe;
import io.lettuce.core.RedisException;

/** Residents' answers live here: no other local user or program may read the files or ask the server. */
class EmbeddedRedisPrivacyTest {

    @TempDir
    Path tempDir;

    private final RedisBinary binary = RedisBinary.locate(null);

    @Test
    void theServerAnswersOnlyClientsThatGiveItsPassword() {
        try (EmbeddedRedisServer server = start()) {
            String withoutPassword = "redis://127.0.0.1:" + server.port();
            assertThat(refusalWithoutPassword(withoutPassword))
                    .isInstanceOf(RedisException.class)
                    .hasStackTraceContaining("NOAUTH");

            RedisProbe.set(server.url(), "jawaban", "boleh");
            assertThat(RedisProbe.get(server.url(), "jawaban")).isEqualTo("boleh");
        }
    }

    @Test
    void theDataDirectoryAndEveryFileInItAreTheOwnersAlone() throws IOException {
        Path dataDir = tempDir.resolve("redis");
        // What an earlier version left: world-readable directory and files.
        Files.createDirectories(dataDir);
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path old = Files.writeString(dataDir.resolve("appendonly.aof.bak"), "*1\r\n$4\r\nPING\r\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));

        try (EmbeddedRedisServer server = EmbeddedRedisServer.start(binary, EmbeddedRedisServer.Options.of(dataDir, 0))) {
            RedisProbe.set(server.url(), "jawaban", "air bersih");
            RedisProbe.<String>call(server.url(), commands -> commands.bgrewriteaof());
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> RedisProbe.<String>call(server.url(),
                    commands -> commands.info("persistence")).contains("aof_rewrite_in_progress:0"));

            Map<Path, String> permissions = permissionsUnder(dataDir);
            assertThat(permissions).containsKeys(dataDir.resolve(EmbeddedRedisServer.PASSWORD_FILE),
                    dataDir.resolve(EmbeddedRedisServer.CONFIG_FILE), dataDir.resolve(EmbeddedRedisServer.PID_FILE));
            assertThat(permissions.keySet()).anyMatch(path -> path.getFileName().toString().startsWith("appendonly"));
            permissions.forEach((path, mode) -> assertThat(mode).as(path.toString())
                    .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------"));
        }
    }

    @Test
    void theSameDataDirectoryKeepsItsPasswordSoARestartReadsItsData() {
        Path dataDir = tempDir.resolve("redis");
        String firstPassword;
        try (EmbeddedRedisServer first = EmbeddedRedisServer.start(binary, EmbeddedRedisServer.Options.of(dataDir, 0))) {
            firstPassword = first.password();
            RedisProbe.set(first.url(), "tahap", "musyawarah");
        }
        try (EmbeddedRedisServer again = EmbeddedRedisServer.start(binary, EmbeddedRedisServer.Options.of(dataDir, 0))) {
            assertThat(again.password()).isEqualTo(firstPassword).hasSizeGreaterThanOrEqualTo(40);
            assertThat(RedisProbe.get(again.url(), "tahap")).isEqualTo("musyawarah");
        }
        try (EmbeddedRedisServer other = start()) {
            assertThat(other.password()).isNotEqualTo(firstPassword);
        }
    }

    @Test
    void thePasswordNeverAppearsInTheConnectionDetailsPrintout() {
        try (EmbeddedRedisServer server = start()) {
            assertThat(new EmbeddedRedisConnectionDetails(server.host(), server.port(), server.password()).getPassword()).isEqualTo(server.password());
            assertThat(new EmbeddedRedisConnectionDetails(server.host(), server.port(), server.password()).toString()).doesNotContain(server.password());
        }
    }

    /**
     * What a client without the password gets. Under heavy load Lettuce has once lost the channel
     * before its handshake began ("RedisHandshakeHandler not registered"), an error of the client,
     * not the server's answer: that one is asked again, at most twice.
     */
    private static Throwable refusalWithoutPassword(String url) {
        Throwable refusal = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            refusal = org.assertj.core.api.Assertions.catchThrowable(() -> RedisProbe.set(url, "jawaban", "rahasia"));
            String trace = refusal == null ? "" : java.util.Arrays.toString(refusal.getStackTrace())
                    + String.valueOf(refusal.getCause());
            if (refusal == null || !trace.contains("RedisHandshakeHandler not registered")) {
                return refusal;
            }
        }
        return refusal;
    }

    private EmbeddedRedisServer start() {
        return EmbeddedRedisServer.start(binary, EmbeddedRedisServer.Options.of(tempDir.resolve("other"), 0));
    }

    private static Map<Path, String> permissionsUnder(Path dir) throws IOException {
        Map<Path, String> found = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.forEach(path -> {
                try {
                    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
                    found.put(path, PosixFilePermissions.toString(mode));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return found;
    }
}
