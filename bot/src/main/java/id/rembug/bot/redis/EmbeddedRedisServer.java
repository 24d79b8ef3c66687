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
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

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
 *
 * <p>Privacy rails, because the answers are residents' words: other local users and programs can
 * neither read the files nor talk to the server.
 * <ul>
 *   <li>the server requires a password ({@code requirepass}), generated once per data directory
 *       and kept in {@value #PASSWORD_FILE} there, so a restart (or an operator's
 *       {@code redis-cli -a "$(cat ...)"}) finds it again; a fresh one per start would gain nothing
 *       while the files it guards sit next to it;</li>
 *   <li>the data directory is {@code 0700} and every file in it {@code 0600}: the server runs under
 *       {@code umask 077}, and what an earlier run left with wider permissions is narrowed at start
 *       (on file systems without POSIX permissions this is skipped).</li>
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
    /** The server's password, generated at the first start in a data directory; owner-only. */
    public static final String PASSWORD_FILE = "embedded-redis.password";

    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final int PASSWORD_BYTES = 32;

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
    private final String password;
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
        this.password = launched.password();
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
            String password = password(dataDir);
            Launched launched = launch(binary, dataDir, options.port(), password);
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

    /** The password the server requires ({@code AUTH}); never logged. */
    public String password() {
        return password;
    }

    /**
     * E.g. {@code redis://:<password>@127.0.0.1:6379}, the form {@code spring.data.redis.url}
     * takes; it carries the password, so keep it out of logs.
     */
    public String url() {
        return "redis://:" + password + "@" + HOST + ":" + port;
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

    /** Sends AUTH and SHUTDOWN; true unless Redis answered with an error instead of exiting. */
    private boolean askToShutDown() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 2_000);
            socket.setSoTimeout((int) SHUTDOWN_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("*2\r\n$4\r\nAUTH\r\n$" + password.length() + "\r\n" + password + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write("*1\r\n$8\r\nSHUTDOWN\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String authReply = readLine(in);
            if (!authReply.startsWith("+OK")) {
                log.warn("The embedded Redis refused the password for SHUTDOWN: {}", authReply);
                return false;
            }
            // On success Redis closes the connection without a reply; a reply is an error line.
            String reply = readLine(in);
            if (reply.isEmpty()) {
                return true;
            }
            log.warn("The embedded Redis refused SHUTDOWN: {}", reply);
            return false;
        } catch (ConnectException e) {
            log.warn("Could not reach the embedded Redis on port {} to send SHUTDOWN: {}", port, e.toString());
            return false;
        } catch (IOException e) {
            // A reset while Redis exits is a success too; waiting for the exit tells.
            return true;
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            line.append((char) c);
        }
        return line.toString().strip();
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
            restrictToOwner(dataDir);
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

    /**
     * Makes the data directory and everything in it the owner's alone ({@code 0700} directories,
     * {@code 0600} files), whatever an earlier version or a careless copy left.
     */
    private static void restrictToOwner(Path dataDir) throws IOException {
        if (Files.getFileAttributeView(dataDir, PosixFileAttributeView.class) == null) {
            log.debug("{} has no POSIX permissions; its files keep what the file system gives them", dataDir);
            return;
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                Files.setPosixFilePermissions(path, Files.isDirectory(path) ? OWNER_ONLY_DIR : OWNER_ONLY_FILE);
            }
        }
    }

    /** The data directory's password: read from {@value #PASSWORD_FILE}, or generated and kept there. */
    private static String password(Path dataDir) {
        Path file = dataDir.resolve(PASSWORD_FILE);
        try {
            if (Files.exists(file)) {
                String kept = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (!kept.isEmpty()) {
                    return kept;
                }
            }
            byte[] random = new byte[PASSWORD_BYTES];
            new SecureRandom().nextBytes(random);
            // URL-safe, so it fits a redis:// URL and the config file without quoting trouble.
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            writeOwnerOnly(file, List.of(generated));
            return generated;
        } catch (IOException e) {
            throw new EmbeddedRedisException("Cannot read or write the embedded Redis password file " + file + ": " + e,
                    "Make the data directory writable by this user, or set rembug.redis.embedded.data-dir.", e);
        }
    }

    /** Writes a file that only its owner can read, never readable by others even for a moment. */
    private static void writeOwnerOnly(Path file, List<String> lines) throws IOException {
        boolean posix = Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) != null;
        Files.deleteIfExists(file);
        if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
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

    private record Launched(Process process, int port, String password) {
    }

    private static Launched launch(RedisBinary binary, Path dataDir, int preferredPort, String password) {
        int port = choosePort(preferredPort);
        for (int attempt = 1; ; attempt++) {
            Path config = writeConfig(dataDir, port, password);
            Process process;
            try {
                // umask 077, so every file the server creates (append-only files, manifests, the
                // pid file) is 0600; exec keeps the pid, so the Process is the server itself.
                process = new ProcessBuilder("/bin/sh", "-c", "umask 077 && exec \"$0\" \"$1\"",
                        binary.executable().toString(), config.toString())
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
                return new Launched(process, port, password);
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

    private static Path writeConfig(Path dataDir, int port, String password) {
        List<String> lines = List.of(
                "# Written by Rembug at every start of its embedded Redis; edits here are overwritten.",
                "bind " + HOST,
                "port " + port,
                "protected-mode yes",
                "requirepass " + quoted(password),
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
            // Holds the password: owner-only, like the password file.
            writeOwnerOnly(config, lines);
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
                Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                channel = Files.getFileAttributeView(dataDir, PosixFileAttributeView.class) == null
                        ? FileChannel.open(lockFile, options)
                        : FileChannel.open(lockFile, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
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
