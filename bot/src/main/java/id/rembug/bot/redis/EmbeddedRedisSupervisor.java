package id.rembug.bot.redis;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded Redis running: when its process exits without being asked to (killed, out
 * of memory, a crash), a new one is started on the same port with the same data directory, so
 * the app's connections find it where they left it and it reads back the append-only file.
 * Failed restarts are tried again with a back-off from {@link #FIRST_BACKOFF} to
 * {@link #MAX_BACKOFF}; each restart is logged.
 */
public final class EmbeddedRedisSupervisor implements AutoCloseable {

    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisSupervisor.class);

    private final RedisBinary binary;
    private final EmbeddedRedisServer.Options options;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile EmbeddedRedisServer current;

    private EmbeddedRedisSupervisor(RedisBinary binary, EmbeddedRedisServer.Options options,
                                    EmbeddedRedisServer first) {
        this.binary = binary;
        // Once started, the port is fixed: the connection factory knows only this one.
        this.options = new EmbeddedRedisServer.Options(first.dataDir(), first.port(), options.shutdownHookGrace());
        this.current = first;
    }

    /** Starts the server (as {@link EmbeddedRedisServer#start} does) and watches it from then on. */
    public static EmbeddedRedisSupervisor start(RedisBinary binary, EmbeddedRedisServer.Options options) {
        EmbeddedRedisSupervisor supervisor = new EmbeddedRedisSupervisor(binary, options,
                EmbeddedRedisServer.start(binary, options));
        supervisor.watch(supervisor.current);
        return supervisor;
    }

    /** The server running now (a new instance after each restart). */
    public EmbeddedRedisServer server() {
        return current;
    }

    public String host() {
        return EmbeddedRedisServer.HOST;
    }

    public int port() {
        return options.port();
    }

    /** How many times the server was started again after it died. */
    public int restarts() {
        return restarts.get();
    }

    private void watch(EmbeddedRedisServer server) {
        ProcessHandle.of(server.pid()).ifPresentOrElse(
                handle -> handle.onExit().thenRun(() -> exited(server)),
                () -> exited(server));
    }

    private void exited(EmbeddedRedisServer server) {
        if (isClosed() || server.isClosed()) {
            return;
        }
        log.error("The embedded Redis on port {} (pid {}) exited unexpectedly; starting it again with the data in {}",
                options.port(), server.pid(), options.dataDir());
        server.close(); // releases the data directory's lock for the new server
        Thread restarter = new Thread(this::restart, "embedded-redis-restart-" + options.port());
        restarter.setDaemon(true);
        restarter.start();
    }

    private void restart() {
        long backoff = FIRST_BACKOFF.toMillis();
        for (int attempt = 1; !isClosed(); attempt++) {
            try {
                EmbeddedRedisServer started = EmbeddedRedisServer.start(binary, options);
                if (started.port() != options.port()) {
                    started.close();
                    throw new EmbeddedRedisException("Port " + options.port() + " is taken by another process.",
                            "Stop whatever listens on " + EmbeddedRedisServer.HOST + ":" + options.port() + ".");
                }
                synchronized (this) {
                    if (isClosed()) {
                        started.close();
                        return;
                    }
                    current = started;
                }
                int count = restarts.incrementAndGet();
                log.warn("The embedded Redis is running again on port {} (pid {}; restart {} of this run, after {} "
                        + "attempt(s))", options.port(), started.pid(), count, attempt);
                watch(started);
                return;
            } catch (IllegalStateException shutdownUnderWay) {
                // the JVM is exiting (no shutdown hook can be added): nothing to supervise any more
                return;
            } catch (RuntimeException e) {
                log.error("Starting the embedded Redis again failed (attempt {}): {}; next try in {} ms", attempt,
                        e.getMessage(), backoff);
            }
            try {
                if (closed.await(backoff, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
        }
    }

    private boolean isClosed() {
        return closed.getCount() == 0;
    }

    /** Stops supervising and stops the server ({@code SHUTDOWN}, append-only file flushed). */
    @Override
    public void close() {
        EmbeddedRedisServer last;
        synchronized (this) {
            closed.countDown();
            last = current;
        }
        last.close();
    }
}
