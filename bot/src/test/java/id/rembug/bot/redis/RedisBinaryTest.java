package id.rembug.bot.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

class RedisBinaryTest {

    @TempDir
    Path tempDir;

    @Test
    void bundledBinaryIsUsedWhenNoRedisServerIsOnPath() {
        RedisBinary binary = RedisBinary.locate(null, tempDir.toString());

        assertThat(binary.origin()).isEqualTo(RedisBinary.Origin.BUNDLED);
        assertThat(binary.version().major()).isEqualTo(6);
        assertThat(Files.isExecutable(binary.executable())).isTrue();
    }

    @Test
    void redisServerOnPathIsPreferredToTheBundledOne() throws Exception {
        Path emptyDir = Files.createDirectory(tempDir.resolve("empty"));
        Path binDir = Files.createDirectory(tempDir.resolve("bin"));
        Path onPath = Files.createSymbolicLink(binDir.resolve("redis-server"), RedisBinary.bundled().executable());

        RedisBinary binary = RedisBinary.locate(null, emptyDir + File.pathSeparator + binDir);

        assertThat(binary.origin()).isEqualTo(RedisBinary.Origin.PATH);
        // Kept as found, not resolved: Debian's redis-server is a symlink whose name matters.
        assertThat(binary.executable()).isEqualTo(onPath);
    }

    @Test
    void configuredExecutableWinsOverPath() throws Exception {
        Path binDir = Files.createDirectory(tempDir.resolve("bin"));
        Files.createSymbolicLink(binDir.resolve("redis-server"), RedisBinary.bundled().executable());
        Path configured = Files.createSymbolicLink(tempDir.resolve("my-redis-server"),
                RedisBinary.bundled().executable());

        RedisBinary binary = RedisBinary.locate(configured, binDir.toString());

        assertThat(binary.origin()).isEqualTo(RedisBinary.Origin.CONFIGURED);
        assertThat(binary.executable()).isEqualTo(configured);
    }

    @Test
    void missingConfiguredExecutableFailsWithAdvice() {
        Path missing = tempDir.resolve("redis-server");

        assertThatThrownBy(() -> RedisBinary.locate(missing, null))
                .isInstanceOf(EmbeddedRedisException.class)
                .hasMessageContaining(missing + " (set by rembug.redis.embedded.executable) does not exist")
                .hasMessageContaining("SPRING_DATA_REDIS_URL");
    }

    @Test
    void programThatIsNotRedisIsRejected() throws Exception {
        Path impostor = script("impostor", "echo 'just a shell script'");

        assertThatThrownBy(() -> RedisBinary.locate(impostor, null))
                .isInstanceOf(EmbeddedRedisException.class)
                .hasMessageContaining("does not look like redis-server")
                .hasMessageContaining("just a shell script");
    }

    @Test
    void programThatFailsToRunIsRejectedWithItsOutput() throws Exception {
        Path broken = script("broken", "echo 'error while loading shared libraries: libssl.so.3' >&2; exit 127");

        assertThatThrownBy(() -> RedisBinary.locate(broken, null))
                .isInstanceOf(EmbeddedRedisException.class)
                .hasMessageContaining("exit code 127")
                .hasMessageContaining("libssl.so.3");
    }

    @Test
    @EnabledIf("redisServerIsOnPath")
    void redisServerInstalledOnThisMachineIsFoundAndRuns() {
        RedisBinary binary = RedisBinary.locate(null);

        assertThat(binary.origin()).isEqualTo(RedisBinary.Origin.PATH);
        assertThat(binary.version().major()).isGreaterThanOrEqualTo(6);
    }

    static boolean redisServerIsOnPath() {
        return RedisBinary.findOnPath(System.getenv("PATH")).isPresent();
    }

    private Path script(String name, String body) throws Exception {
        Path script = tempDir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
