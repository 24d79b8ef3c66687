package id.rembug.bot.redis;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import redis.embedded.core.ExecutableProvider;

/**
 * A {@code redis-server} executable that has been run once with {@code --version}, so it is
 * known to start on this machine.
 *
 * <p>Choice, first match wins: the configured path; {@code redis-server} on PATH (a
 * distribution's build, e.g. Debian's 7.x, kept up to date by the OS); the linux/mac binary
 * bundled in the embedded-redis jar (Redis 6.2, extracted to a temporary directory once per
 * JVM).
 *
 * <p>The executable path is kept as found, never resolved through symlinks: Debian's
 * {@code /usr/bin/redis-server} is a link to {@code redis-check-rdb}, and the binary picks its
 * role from the name it was started under.
 */
public record RedisBinary(Path executable, Origin origin, RedisVersion version) {

    public static final String EXECUTABLE_NAME = "redis-server";

    private static final long VERSION_PROBE_TIMEOUT_SECONDS = 10;

    private static @Nullable RedisBinary bundled;

    /** Where a binary came from; part of the start-up log line. */
    public enum Origin {
        CONFIGURED("set by rembug.redis.embedded.executable"),
        PATH("found on PATH"),
        BUNDLED("bundled in the embedded-redis jar");

        private final String description;

        Origin(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** The binary to use given an optional configured path and this process's PATH. */
    public static RedisBinary locate(@Nullable Path configured) {
        return locate(configured, System.getenv("PATH"));
    }

    /** As {@link #locate(Path)}, with the PATH to search given explicitly. */
    public static RedisBinary locate(@Nullable Path configured, @Nullable String searchPath) {
        if (configured != null) {
            return probe(configured, Origin.CONFIGURED);
        }
        Optional<Path> onPath = findOnPath(searchPath);
        if (onPath.isPresent()) {
            return probe(onPath.get(), Origin.PATH);
        }
        return bundled();
    }

    /** The first executable {@code redis-server} in the directories of {@code searchPath}. */
    public static Optional<Path> findOnPath(@Nullable String searchPath) {
        if (searchPath == null || searchPath.isBlank()) {
            return Optional.empty();
        }
        return Arrays.stream(searchPath.split(File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory).resolve(EXECUTABLE_NAME))
                .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
                .findFirst();
    }

    /** The binary shipped inside the embedded-redis jar, extracted once per JVM. */
    public static synchronized RedisBinary bundled() {
        if (bundled == null) {
            File extracted;
            try {
                // The library picks the resource by os.name/os.arch and copies it into a fresh
                // temporary directory that is deleted when the JVM exits.
                extracted = ExecutableProvider.newJarResourceProvider().get();
            } catch (IOException | RuntimeException e) {
                throw new EmbeddedRedisException(
                        "No redis-server on PATH, and the embedded-redis jar has no redis-server that could be "
                                + "unpacked for " + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                                + " into " + System.getProperty("java.io.tmpdir") + ": " + e,
                        EmbeddedRedisException.INSTALL_OR_CONFIGURE, e);
            }
            bundled = probe(extracted.toPath(), Origin.BUNDLED);
        }
        return bundled;
    }

    /** Runs {@code executable --version} to learn its version and prove it starts here. */
    public static RedisBinary probe(Path executable, Origin origin) {
        String where = executable + " (" + origin.description() + ")";
        if (!Files.isRegularFile(executable)) {
            throw new EmbeddedRedisException("The redis-server " + where + " does not exist.",
                    EmbeddedRedisException.INSTALL_OR_CONFIGURE);
        }
        if (!Files.isExecutable(executable)) {
            throw new EmbeddedRedisException("The redis-server " + where + " is not executable.",
                    "Make it executable (chmod +x). " + EmbeddedRedisException.INSTALL_OR_CONFIGURE);
        }
        String output;
        int exitCode;
        try {
            Process process = new ProcessBuilder(executable.toString(), "--version")
                    .redirectErrorStream(true)
                    .start();
            if (!process.waitFor(VERSION_PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new EmbeddedRedisException("The redis-server " + where + " did not answer --version within "
                        + VERSION_PROBE_TIMEOUT_SECONDS + " s.", EmbeddedRedisException.INSTALL_OR_CONFIGURE);
            }
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            exitCode = process.exitValue();
        } catch (IOException e) {
            throw new EmbeddedRedisException("The redis-server " + where + " could not be run: " + e.getMessage()
                    + hintForTemporaryDirectory(origin), EmbeddedRedisException.INSTALL_OR_CONFIGURE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedRedisException("Interrupted while asking " + where + " for its version.",
                    "Start the application again.", e);
        }
        if (exitCode != 0) {
            throw new EmbeddedRedisException("The redis-server " + where + " failed to run (exit code " + exitCode
                    + "): " + output + hintForTemporaryDirectory(origin), EmbeddedRedisException.INSTALL_OR_CONFIGURE);
        }
        RedisVersion version = RedisVersion.fromVersionOutput(output).orElseThrow(() -> new EmbeddedRedisException(
                "The program " + where + " does not look like redis-server; --version printed: " + output,
                EmbeddedRedisException.INSTALL_OR_CONFIGURE));
        return new RedisBinary(executable, origin, version);
    }

    private static String hintForTemporaryDirectory(Origin origin) {
        // The bundled binary needs OpenSSL 3 (libssl.so.3) and a temporary directory that allows exec.
        return origin == Origin.BUNDLED
                ? " (the bundled binary needs libssl.so.3 and a java.io.tmpdir that is not mounted noexec)"
                : "";
    }

    /** E.g. {@code redis-server 7.0.15 at /usr/bin/redis-server (found on PATH)}. */
    public String describe() {
        return "redis-server " + version + " at " + executable + " (" + origin.description() + ")";
    }
}
