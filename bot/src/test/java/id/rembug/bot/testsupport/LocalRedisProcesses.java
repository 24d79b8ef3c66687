package id.rembug.bot.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
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

    /**
     * A port free now for a redis-server to bind on 127.0.0.1, whose cluster bus port (the port +
     * {@value #CLUSTER_BUS_OFFSET}, which a cluster node binds as well) is free too. Both are taken
     * below the kernel's ephemeral range, where the outgoing connections of every test take theirs:
     * a port the kernel hands out may be given to such a connection between our check and
     * redis-server's bind, and the server then fails to start (a node's bus port in that range did
     * so once in a full build). Each call tries the next port, so the ports of one set-up differ.
     */
    static int freePort() {
        int below = ephemeralRangeStart() - CLUSTER_BUS_OFFSET;
        int from = Math.max(1024, below - 12_000);
        for (int tried = 0; tried < below - from; tried++) {
            int port = from + Math.floorMod(NEXT.getAndIncrement(), below - from);
            if (bindable(port) && bindable(port + CLUSTER_BUS_OFFSET)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + from + " and " + below + " on 127.0.0.1 (with "
                + "its cluster bus port " + CLUSTER_BUS_OFFSET + " above it)");
    }

    /** Where Redis Cluster puts a node's bus: its port plus this. */
    private static final int CLUSTER_BUS_OFFSET = 10_000;

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** Where the kernel's ephemeral ports begin (Linux's default where it cannot be read). */
    private static int ephemeralRangeStart() {
        try {
            // read by lines: a /proc file gives no size, and Files.readString stops short
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
            int start = Integer.parseInt(range.split("\\s+")[0]);
            return start > 2048 + CLUSTER_BUS_OFFSET ? start : 32_768;
        } catch (IOException | RuntimeException unreadable) {
            return 32_768;
        }
    }

    /** Where the next search starts: random per run, so two test JVMs at once rarely start alike. */
    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(12_000));
}
