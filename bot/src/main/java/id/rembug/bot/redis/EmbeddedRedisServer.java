package id.rembug.bot.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real {@code redis-server} child process bound to 127.0.0.1, keeping its data in an
 * append-only file (fsync every second) in a data directory of our choosing.
 *
 * <p>Safety rails, because this is where the groups' answers live:
 * <ul>
 *   <li>the data directory is locked, so two apps never write one append-only file;</li>
 *   <li>a redis-server left running by an earlier JVM that died without cleaning up (its pid
 *       file is still there) is stopped first, gracefully, so its last writes are on disk;</li>
 *   <li>a Redis older than 7 refuses a directory written by Redis 7+, which it cannot read and
 *       would silently treat as empty;</li>
 *   <li>{@link #close()} sends {@code SHUTDOWN}, which fsyncs the append-only file, and a JVM
 *       shutdown hook does the same if nobody closed the server.</li>
 * </ul>
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 6379;

    /** Written at every start; kept in the data directory so an operator can see what ran. */
    public static final String CONFIG_FILE = "embedded-redis.conf";
    /** Written by redis-server while it runs, removed on a clean shutdown. */
    public static final String PID_FILE = "redis.pid";
    public static final String LOCK_FILE = "embedded-redis.lock";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisServer.class);
    private static final Logger serverOutput = LoggerFactory.getLogger(EmbeddedRedisServer.class.getName() + ".output");

    private static final String READY_MARKER = "Ready to accept connections";
    private static final String PORT_TAKEN_MARKER = "Address already in use";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
    private static final int START_ATTEMPTS = 3;
    private static final int OUTPUT_TAIL_LINES = 40;

    /**
     * How to run a server.
     *
     * @param dataDir           where the append-only file lives; created when missing
     * @param port              the port to prefer; when it is taken a free one is used instead;
     *                          {@code 0} means any free port
     * @param shutdownHookGrace how long the JVM shutdown hook waits for the owner (e.g. a
     *                          closing Spring context) to close the server before it stops the
     *                          server itself
     */
    public record Options(Path dataDir, int port, Duration shutdownHookGrace) {

        public Options {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            if (shutdownHookGrace.isNegative()) {
                throw new IllegalArgumentException("shutdownHookGrace must not be negative");
            }
        }

        /** Options whose shutdown hook stops the server at once. */
        public static Options of(Path dataDir, int port) {
            return new Options(dataDir, port, Duration.ZERO);
        }
    }

    private final RedisBinary binary;
    private final Path dataDir;
    private final int port;
    private final Process process;
    private final DataDirLock lock;
    private final Thread shutdownHook;
    private final CountDownLatch closed = new CountDownLatch(1);
    private boolean stopped;

    private EmbeddedRedisServer(RedisBinary binary, Path dataDir, Launched launched, DataDirLock lock,
                                Duration shutdownHookGrace) {
        this.binary = binary;
        this.dataDir = dataDir;
        this.port = launched.port();
        this.process = launched.process();
        this.lock = lock;
        this.shutdownHook = new Thread(() -> closeAfterGrace(shutdownHookGrace), "embedded-redis-shutdown-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a server and returns once it accepts connections. */
    public static EmbeddedRedisServer start(RedisBinary binary, Options options) {
        Path dataDir = createDataDir(options.dataDir());
        DataDirLock lock = DataDirLock.acquire(dataDir);
        try {
            refuseDataItCannotRead(binary, dataDir);
            stopServerLeftByEarlierRun(dataDir);
            Launched launched = launch(binary, dataDir, options.port());
            EmbeddedRedisServer server = new EmbeddedRedisServer(binary, dataDir, launched, lock,
                    options.shutdownHookGrace());
            log.info("Embedded Redis started: {}; listening on {}:{}; data in {} (append-only file, fsync every "
                    + "second)", binary.describe(), HOST, server.port, dataDir);
            return server;
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** E.g. {@code redis://127.0.0.1:6379}, the form {@code spring.data.redis.url} takes. */
    public String url() {
        return "redis://" + HOST + ":" + port;
    }

    public RedisBinary binary() {
        return binary;
    }

    public Path dataDir() {
        return dataDir;
    }

    public long pid() {
        return process.pid();
    }

    public synchronized boolean isRunning() {
        return !stopped && process.isAlive();
    }

    /** Whether {@link #close()} was called (as against a process that died on its own). */
    public synchronized boolean isClosed() {
        return stopped;
    }

    /** Stops the server with {@code SHUTDOWN} (append-only file flushed); safe to call twice. */
    @Override
    public void close() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            try {
                stopProcess();
            } finally {
                lock.release();
                closed.countDown();
                forgetShutdownHook();
            }
        }
    }

    private void closeAfterGrace(Duration grace) {
        try {
            if (closed.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Stopping the embedded Redis on port {} from the JVM shutdown hook", port);
        close();
    }

    private void forgetShutdownHook() {
        if (Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownUnderWay) {
            // The hook has started or will start; it finds the server closed and returns.
        }
    }

    private void stopProcess() {
        if (!process.isAlive()) {
            log.warn("The embedded Redis on port {} had already exited (exit code {})", port, process.exitValue());
            return;
        }
        boolean accepted = askToShutDown();
        if (!accepted || !waitForExit(process, SHUTDOWN_TIMEOUT)) {
            log.warn("The embedded Redis on port {} did not stop on SHUTDOWN; sending SIGTERM", port);
            process.destroy();
            if (!waitForExit(process, SHUTDOWN_TIMEOUT)) {
                log.error("The embedded Redis on port {} ignored SIGTERM; killing it. Writes of its last second "
                        + "may be lost.", port);
                process.destroyForcibly();
                waitForExit(process, KILL_TIMEOUT);
            }
        }
        log.info("Embedded Redis on port {} stopped (exit code {}); data in {}", port,
                process.isAlive() ? "?" : process.exitValue(), dataDir);
    }

    /** Sends SHUTDOWN; true unless Redis answered with an error instead of exiting. */
    private boolean askToShutDown() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 2_000);
            socket.setSoTimeout((int) SHUTDOWN_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write("*1\r\n$8\r\nSHUTDOWN\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            // On success Redis closes the connection without a reply; a reply is an error line.
            StringBuilder reply = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                reply.append((char) c);
            }
            if (reply.length() == 0) {
                return true;
            }
            log.warn("The embedded Redis refused SHUTDOWN: {}", reply.toString().strip());
            return false;
        } catch (ConnectException e) {
            log.warn("Could not reach the embedded Redis on port {} to send SHUTDOWN: {}", port, e.toString());
            return false;
        } catch (IOException e) {
            // A reset while Redis exits is a success too; waiting for the exit tells.
            return true;
        }
    }

    private static boolean waitForExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static Path createDataDir(Path configured) {
        Path dataDir = configured.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new EmbeddedRedisException("Cannot create the Redis data directory " + dataDir + ": " + e,
                    "Create it, or set rembug.redis.embedded.data-dir (REMBUG_REDIS_EMBEDDED_DATA_DIR) to a "
                            + "writable directory.", e);
        }
        if (!Files.isWritable(dataDir)) {
            throw new EmbeddedRedisException("The Redis data directory " + dataDir + " is not writable.",
                    "Fix its permissions, or set rembug.redis.embedded.data-dir (REMBUG_REDIS_EMBEDDED_DATA_DIR) to "
                            + "a writable directory.");
        }
        return dataDir;
    }

    private static void refuseDataItCannotRead(RedisBinary binary, Path dataDir) {
        if (!binary.version().readsMultiPartAof() && Files.isDirectory(dataDir.resolve("appendonlydir"))) {
            throw new EmbeddedRedisException("The data in " + dataDir + " was written by Redis 7 or newer "
                    + "(appendonlydir/), which " + binary.describe() + " cannot read: it would start empty.",
                    "Use redis-server 7 or newer: install it (Debian/Ubuntu: sudo apt-get install redis-server) or "
                            + "set rembug.redis.embedded.executable to it. Keep the data directory as it is.");
        }
    }

    private static void stopServerLeftByEarlierRun(Path dataDir) {
        Path pidFile = dataDir.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> leftOver = readPid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().command().map(command -> command.contains("redis")).orElse(false));
        leftOver.ifPresent(handle -> {
            log.warn("A redis-server (pid {}) from an earlier run still serves {}; stopping it so that its last "
                    + "writes are on disk before the new server reads them", handle.pid(), dataDir);
            handle.destroy();
            try {
                handle.onExit().get(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                handle.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbeddedRedisException("Interrupted while stopping the redis-server left by an earlier run "
                        + "(pid " + handle.pid() + ").", "Stop that process, then start the application again.", e);
            }
        });
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            log.warn("Could not delete the stale pid file {}: {}", pidFile, e.toString());
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private record Launched(Process process, int port) {
    }

    private static Launched launch(RedisBinary binary, Path dataDir, int preferredPort) {
        int port = choosePort(preferredPort);
        for (int attempt = 1; ; attempt++) {
            Path config = writeConfig(dataDir, port);
            Process process;
            try {
                process = new ProcessBuilder(binary.executable().toString(), config.toString())
                        .directory(dataDir.toFile())
                        .redirectErrorStream(true)
                        .start();
            } catch (IOException e) {
                throw new EmbeddedRedisException(binary.describe() + " could not be started: " + e.getMessage(),
                        EmbeddedRedisException.INSTALL_OR_CONFIGURE, e);
            }
            OutputFollower output = OutputFollower.follow(process, port);
            try {
                output.ready().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return new Launched(process, port);
            } catch (ExecutionException outputEnded) {
                waitForExit(process, KILL_TIMEOUT);
                boolean portTaken = output.tail().contains(PORT_TAKEN_MARKER);
                if (portTaken && attempt < START_ATTEMPTS) {
                    int next = freePort();
                    log.warn("Port {} was taken just before redis-server could bind it; trying free port {}", port,
                            next);
                    port = next;
                    continue;
                }
                throw new EmbeddedRedisException(binary.describe() + " did not start on " + HOST + ":" + port
                        + " (exit code " + (process.isAlive() ? "?" : process.exitValue()) + "). Its last output:"
                        + System.lineSeparator() + output.tail(), EmbeddedRedisException.INSTALL_OR_CONFIGURE);
            } catch (TimeoutException e) {
                process.destroyForcibly();
                throw new EmbeddedRedisException(binary.describe() + " did not become ready within "
                        + READY_TIMEOUT.toSeconds() + " s. Its last output:" + System.lineSeparator() + output.tail(),
                        EmbeddedRedisException.INSTALL_OR_CONFIGURE, e);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new EmbeddedRedisException("Interrupted while waiting for the embedded Redis to start.",
                        "Start the application again.", e);
            }
        }
    }

    private static int choosePort(int preferred) {
        if (preferred == 0) {
            return freePort();
        }
        if (isFree(preferred)) {
            return preferred;
        }
        int other = freePort();
        log.warn("Port {} on {} is in use (another Redis?); the embedded Redis takes free port {} instead", preferred,
                HOST, other);
        return other;
    }

    /** Whether a server could listen on {@code port} of 127.0.0.1 right now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(HOST, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(HOST, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new EmbeddedRedisException("No free TCP port on " + HOST + " for the embedded Redis: " + e,
                    "Free a port, or point the bot at a running Redis with SPRING_DATA_REDIS_URL.", e);
        }
    }

    private static Path writeConfig(Path dataDir, int port) {
        List<String> lines = List.of(
                "# Written by Rembug at every start of its embedded Redis; edits here are overwritten.",
                "bind " + HOST,
                "port " + port,
                "protected-mode yes",
                "daemonize no",
                "logfile \"\"",
                "dir " + quoted(dataDir.toString()),
                "pidfile " + quoted(dataDir.resolve(PID_FILE).toString()),
                "appendonly yes",
                "appendfsync everysec",
                "appendfilename \"appendonly.aof\"",
                // The append-only file is the one durable copy; periodic RDB snapshots would only
                // add a second format to back up and a way for SHUTDOWN to fail.
                "save \"\"",
                // Every key is either needed or bounded (README: key families); never evict.
                "maxmemory-policy noeviction");
        Path config = dataDir.resolve(CONFIG_FILE);
        try {
            Files.write(config, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EmbeddedRedisException("Cannot write " + config + ": " + e,
                    "Make the data directory writable, or set rembug.redis.embedded.data-dir.", e);
        }
        return config;
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /**
     * Drains the server's output for its whole life (a full pipe would block Redis), logs it at
     * debug level, keeps the last lines for error messages and notices readiness.
     */
    private static final class OutputFollower implements Runnable {

        private final InputStream output;
        private final Deque<String> tail = new ArrayDeque<>();
        private final CompletableFuture<Void> ready = new CompletableFuture<>();

        private OutputFollower(InputStream output) {
            this.output = output;
        }

        static OutputFollower follow(Process process, int port) {
            OutputFollower follower = new OutputFollower(process.getInputStream());
            Thread thread = new Thread(follower, "embedded-redis-output-" + port);
            thread.setDaemon(true);
            thread.start();
            return follower;
        }

        CompletableFuture<Void> ready() {
            return ready;
        }

        synchronized String tail() {
            return String.join(System.lineSeparator(), tail);
        }

        @Override
        public void run() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    remember(line);
                    if (line.contains("WARNING")) {
                        serverOutput.warn(line);
                    } else {
                        serverOutput.debug(line);
                    }
                    if (line.contains(READY_MARKER)) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                serverOutput.debug("Output of redis-server ended: {}", e.toString());
            } finally {
                ready.completeExceptionally(new IOException("redis-server exited"));
            }
        }

        private synchronized void remember(String line) {
            if (tail.size() == OUTPUT_TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
        }
    }

    /** An exclusive lock on the data directory, held while the server runs. */
    private record DataDirLock(FileChannel channel, FileLock lock) {

        static DataDirLock acquire(Path dataDir) {
            Path lockFile = dataDir.resolve(LOCK_FILE);
            FileChannel channel = null;
            try {
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new DataDirLock(channel, lock);
                }
            } catch (OverlappingFileLockException heldInThisJvm) {
                // Same answer as a lock held by another process.
            } catch (IOException e) {
                closeQuietly(channel);
                throw new EmbeddedRedisException("Cannot lock the Redis data directory " + dataDir + ": " + e,
                        "Make the data directory writable, or set rembug.redis.embedded.data-dir.", e);
            }
            closeQuietly(channel);
            throw new EmbeddedRedisException("The Redis data directory " + dataDir + " is in use by another running "
                    + "embedded Redis (another Rembug instance?).",
                    "Stop the other instance, or give this one its own rembug.redis.embedded.data-dir, or point both "
                            + "at one shared Redis with SPRING_DATA_REDIS_URL.");
        }

        void release() {
            try {
                lock.release();
            } catch (IOException e) {
                log.debug("Releasing {} failed: {}", LOCK_FILE, e.toString());
            } finally {
                closeQuietly(channel);
            }
        }

        private static void closeQuietly(FileChannel channel) {
            if (channel == null) {
                return;
            }
            try {
                channel.close();
            } catch (IOException e) {
                log.debug("Closing {} failed: {}", LOCK_FILE, e.toString());
            }
        }
    }
}
