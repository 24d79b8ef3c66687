package id.rembug.bot.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** What the local Redis set-ups of the tests ({@link LocalRedisCluster}, {@link LocalRedisSentinel}) share. */
final class LocalRedisProcesses {

    private LocalRedisProcesses() {
    }

    /**
     * Asks {@code condition} every {@code every} until it holds; a node still starting or just killed
     * throws, and is asked again. Fails with "{@code setUp}: timed out waiting until {@code what}".
     */
    static void awaitTrue(String setUp, Duration within, Duration every, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // a node still starting or just killed: ask again
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(setUp + ": timed out waiting until " + what);
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting until " + what, e);
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
