package id.rembug.bot.testsupport;

import id.rembug.bot.redis.RedisBinary;
import id.rembug.bot.redis.RedisResilienceConfiguration;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;
import io.lettuce.core.sentinel.api.sync.RedisSentinelCommands;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A local Redis Sentinel set-up for tests, from the redis-server the tests already use
 * ({@link RedisBinary}): a master, one replica, and one sentinel watching them (quorum 1) that
 * calls the master down after one second and promotes the replica. The way operators run Redis
 * when one machine is not enough to trust but a cluster is more than they need.
 *
 * <p>A sentinel promotes only a replica whose INFO it read in the last 5 s ({@code 5 * PING_PERIOD}
 * once the master is down), but while the master is up it reads a replica's INFO only every 10 s.
 * When the master goes down it asks the replica again at once, yet picks the replica on its next
 * tick, 50-100 ms later: a replica that has not answered by then (a busy machine) is no good
 * ({@code -failover-abort-no-good-slave}), and the sentinel tries again only after twice the
 * failover timeout. Hence {@link #killMaster()} waits for a fresh read first.
 */
public final class LocalRedisSentinel implements AutoCloseable {

    public static final String MASTER_NAME = "rembug";
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);
    /**
     * How fresh the sentinel's INFO of the replica is when the master is killed: it calls the master
     * down within about a second and a tick (down-after 1 s, a ping a second), so the read is at most
     * some 2.2 s old when the replica is picked, well within the 5 s it accepts.
     */
    private static final long KILL_WITHIN_MILLIS_OF_INFO = 1000;

    private final Path dir;
    private final RedisBinary binary = RedisBinary.locate(null);
    private final ClientResources resources = ClientResources.builder()
            .reconnectDelay(RedisResilienceConfiguration.reconnectDelay()).build();
    private final RedisClient client = RedisClient.create(resources);
    private final List<Process> started = new ArrayList<>();
    private final Map<Integer, StatefulRedisConnection<String, String>> connections = new HashMap<>();
    private StatefulRedisSentinelConnection<String, String> sentinelConnection;
    private int masterPort;
    private int replicaPort;
    private int sentinelPort;
    private Process master;

    private LocalRedisSentinel(Path dir) {
        this.dir = dir;
    }

    public static LocalRedisSentinel start(Path dir) {
        LocalRedisSentinel sentinel = new LocalRedisSentinel(dir);
        try {
            sentinel.build();
            return sentinel;
        } catch (RuntimeException | IOException e) {
            sentinel.close();
            throw new IllegalStateException("cannot start a local Redis Sentinel set-up: " + e.getMessage(), e);
        }
    }

    private void build() throws IOException {
        Files.createDirectories(dir);
        masterPort = freePort();
        replicaPort = freePort();
        sentinelPort = freePort();
        master = launch(List.of("--port", Integer.toString(masterPort)), "master");
        awaitTrue("the master answers", () -> "PONG".equals(commands(masterPort).ping()));
        launch(List.of("--port", Integer.toString(replicaPort), "--replicaof", "127.0.0.1", Integer.toString(masterPort)),
                "replica");
        awaitReplicaInSync();
        Path config = dir.resolve("sentinel.conf");
        Files.writeString(config, String.join("\n",
                "port " + sentinelPort,
                "bind 127.0.0.1",
                "dir " + dir,
                "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + masterPort + " 1",
                "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
                "sentinel failover-timeout " + MASTER_NAME + " 3000",
                ""));
        started.add(new ProcessBuilder(binary.executable().toString(), config.toString(), "--sentinel")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sentinel.log").toFile())
                .start());
        awaitTrue("the sentinel knows the master and its replica", () -> sentinel().info("sentinel")
                .contains("status=ok,address=127.0.0.1:" + masterPort + ",slaves=1"));
    }

    private Process launch(List<String> arguments, String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(binary.executable().toString(),
                "--bind", "127.0.0.1", "--protected-mode", "no", "--dir", dir.toString(),
                "--save", "", "--appendonly", "no", "--maxmemory-policy", "noeviction"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile())
                .start();
        started.add(process);
        return process;
    }

    /** {@code host:port} of the sentinel, for {@code spring.data.redis.sentinel.nodes}. */
    public String sentinelNodes() {
        return "127.0.0.1:" + sentinelPort;
    }

    /** A Lettuce URI that follows the sentinel to whichever node is master now. */
    public String uri() {
        return "redis-sentinel://127.0.0.1:" + sentinelPort + "#" + MASTER_NAME;
    }

    /** Waits until the replica has every write the master acknowledged. */
    public void awaitReplicaInSync() {
        awaitTrue("the replica has caught up with the master", this::replicaInSync);
    }

    private boolean replicaInSync() {
        long masterOffset = offset(commands(masterPort).info("replication"), "master_repl_offset:");
        String replica = commands(replicaPort).info("replication");
        return replica.contains("master_link_status:up") && offset(replica, "slave_repl_offset:") >= masterOffset;
    }

    /**
     * Kills the master the hard way (SIGKILL), as a crashed machine would go, just after the
     * sentinel read the replica's INFO (see the class comment), so that it promotes the replica at
     * its first try, within about 3 s, and not 6 s later; and while the replica has every write, as
     * {@link #awaitReplicaInSync()} made sure before. Waits up to one INFO period (10 s).
     */
    public void killMaster() {
        // in sync again too: the app goes on writing while the sentinel's next read is awaited
        awaitTrue("the sentinel has just read the replica's INFO, and the replica has every write",
                () -> replicaInfoAgeMillis() <= KILL_WITHIN_MILLIS_OF_INFO && replicaInSync());
        StatefulRedisConnection<String, String> toMaster;
        synchronized (this) {
            toMaster = connections.remove(masterPort);
        }
        if (toMaster != null) {
            toMaster.close(); // or it would try to reconnect to the dead master until the end
        }
        master.destroyForcibly();
        try {
            master.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the sentinel names the former replica as master and it accepts writes. */
    public void awaitFailover() {
        awaitTrue("the sentinel promoted the replica", () ->
                sentinel().getMasterAddrByName(MASTER_NAME) instanceof InetSocketAddress address
                        && address.getPort() == replicaPort
                        && commands(replicaPort).info("replication").contains("role:master"));
    }

    /** How long ago the sentinel last read the replica's INFO ({@code info-refresh} of SENTINEL REPLICAS). */
    private long replicaInfoAgeMillis() {
        return sentinel().replicas(MASTER_NAME).stream()
                .filter(replica -> Integer.toString(replicaPort).equals(replica.get("port")))
                .map(replica -> Long.parseLong(replica.get("info-refresh")))
                .findFirst().orElse(Long.MAX_VALUE);
    }

    private static long offset(String info, String field) {
        return info.lines().filter(line -> line.startsWith(field))
                .map(line -> Long.parseLong(line.substring(field.length()).strip()))
                .findFirst().orElse(-1L);
    }

    private synchronized RedisCommands<String, String> commands(int port) {
        return connections.computeIfAbsent(port, p -> {
            StatefulRedisConnection<String, String> connection = client.connect(RedisURI.create("127.0.0.1", p));
            connection.setTimeout(Duration.ofSeconds(2));
            return connection;
        }).sync();
    }

    private synchronized RedisSentinelCommands<String, String> sentinel() {
        if (sentinelConnection == null) {
            sentinelConnection = client.connectSentinel(RedisURI.create("127.0.0.1", sentinelPort));
            sentinelConnection.setTimeout(Duration.ofSeconds(2));
        }
        return sentinelConnection.sync();
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        LocalRedisProcesses.awaitTrue("Redis Sentinel", READY_WITHIN, Duration.ofMillis(100), what, condition);
    }

    private static int freePort() {
        return LocalRedisProcesses.freePort();
    }

    @Override
    public void close() {
        if (sentinelConnection != null) {
            sentinelConnection.close();
        }
        connections.values().forEach(connection -> {
            try {
                connection.close();
            } catch (RuntimeException ignored) {
                // a killed node's connection
            }
        });
        started.forEach(Process::destroyForcibly);
        client.shutdown();
        resources.shutdown();
    }
}
