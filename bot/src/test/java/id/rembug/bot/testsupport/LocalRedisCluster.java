package id.rembug.bot.testsupport;

import id.rembug.bot.redis.RedisBinary;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A local Redis Cluster for tests, made from the redis-server the tests already use
 * ({@link RedisBinary}: Debian's on PATH, else the bundled 6.2): {@code masters} masters sharing
 * the 16384 slots evenly, each with {@code replicasPerMaster} replicas, joined with the CLUSTER
 * commands (ADDSLOTS, MEET, REPLICATE) so no {@code redis-cli} is needed. Nodes fail over after
 * one second, and keep serving their slots while another master is down (full coverage not
 * required), so a test can show exactly what a lost master takes with it.
 */
public final class LocalRedisCluster implements AutoCloseable {

    private static final int SLOTS = 16384;
    private static final Duration READY_WITHIN = Duration.ofSeconds(20);

    /** One redis-server process of the cluster. */
    public record Node(int port, Process process, String id, boolean master) {
    }

    private final List<Node> nodes = new ArrayList<>();
    private final RedisClient client = RedisClient.create();
    private final Path dir;
    private RedisBinary binary;

    private LocalRedisCluster(Path dir) {
        this.dir = dir;
    }

    public static LocalRedisCluster start(int masters, int replicasPerMaster, Path dir) {
        LocalRedisCluster cluster = new LocalRedisCluster(dir);
        try {
            cluster.build(masters, replicasPerMaster);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void build(int masters, int replicasPerMaster) {
        binary = RedisBinary.locate(null);
        int count = masters * (1 + replicasPerMaster);
        List<Process> processes = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int port = freePort();
            ports.add(port);
            processes.add(launch(binary, port));
        }
        List<String> ids = new ArrayList<>();
        for (int port : ports) {
            awaitTrue("redis-server on port " + port + " answers", () -> answers(port));
            ids.add(commands(port).clusterMyId());
        }
        for (int m = 0; m < masters; m++) {
            int from = SLOTS * m / masters;
            int to = SLOTS * (m + 1) / masters;
            commands(ports.get(m)).clusterAddSlots(IntStream.range(from, to).toArray());
        }
        for (int i = 1; i < count; i++) {
            commands(ports.get(0)).clusterMeet("127.0.0.1", ports.get(i));
        }
        for (int i = 0; i < count; i++) {
            boolean master = i < masters;
            nodes.add(new Node(ports.get(i), processes.get(i), ids.get(i), master));
        }
        for (int i = masters; i < count; i++) {
            int replica = ports.get(i);
            String masterId = ids.get((i - masters) % masters);
            awaitTrue("node " + replica + " knows its master", () -> commands(replica).clusterNodes().contains(masterId));
            commands(replica).clusterReplicate(masterId);
        }
        awaitTrue("the cluster is up on every node", () -> nodes.stream().allMatch(node ->
                commands(node.port()).clusterInfo().contains("cluster_state:ok")
                        && commands(node.port()).clusterNodes().lines().count() == count));
        if (replicasPerMaster > 0) {
            awaitTrue("every replica in sync", () -> nodes.stream().filter(node -> !node.master())
                    .allMatch(node -> commands(node.port()).info("replication").contains("master_link_status:up")));
        }
    }

    private Process launch(RedisBinary binary, int port) {
        try {
            Files.createDirectories(dir);
            Process process = new ProcessBuilder(binary.executable().toString(),
                    "--port", Integer.toString(port), "--bind", "127.0.0.1", "--protected-mode", "no",
                    "--cluster-enabled", "yes", "--cluster-config-file", "nodes-" + port + ".conf",
                    "--cluster-node-timeout", "1000", "--cluster-require-full-coverage", "no",
                    "--dir", dir.toString(), "--save", "", "--appendonly", "no",
                    "--maxmemory-policy", "noeviction")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis-" + port + ".log").toFile())
                    .start();
            started.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary.executable() + " on port " + port, e);
        }
    }

    /** {@code host:port,...} of every node, for {@code spring.data.redis.cluster.nodes}. */
    public String nodesProperty() {
        return nodes.stream().map(node -> "127.0.0.1:" + node.port()).collect(Collectors.joining(","));
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    public List<Node> masters() {
        return nodes.stream().filter(Node::master).toList();
    }

    /** The master serving {@code slot} now, as a surviving node sees it. */
    public int portServing(int slot) {
        Node any = nodes.stream().filter(node -> node.process().isAlive()).findFirst().orElseThrow();
        for (Object slots : commands(any.port()).clusterSlots()) {
            List<?> range = (List<?>) slots;
            long from = (Long) range.get(0);
            long to = (Long) range.get(1);
            if (slot >= from && slot <= to) {
                return ((Long) ((List<?>) range.get(2)).get(1)).intValue();
            }
        }
        return -1;
    }

    /** The master serving {@code key}'s slot now, as a surviving node sees it. */
    public Node masterServing(String key) {
        int port = portServing(slotOf(key));
        return nodes.stream().filter(node -> node.port() == port).findFirst()
                .orElseThrow(() -> new IllegalStateException("no node of this cluster serves " + key));
    }

    public int slotOf(String key) {
        Node any = nodes.stream().filter(node -> node.process().isAlive()).findFirst().orElseThrow();
        return commands(any.port()).clusterKeyslot(key).intValue();
    }

    /** Kills a node the hard way (SIGKILL), as a crashed machine would go. */
    public void kill(Node node) {
        node.process().destroyForcibly();
        try {
            node.process().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts a killed node again on its port with its cluster configuration, as an operator
     * restarts a crashed master: it takes back its slots, empty (the nodes keep no data on disk),
     * and the cluster is whole again when this returns.
     */
    public Node restart(Node dead) {
        if (dead.process().isAlive()) {
            throw new IllegalStateException("node " + dead.port() + " still runs: kill it first");
        }
        StatefulRedisConnection<String, String> stale = connections.remove(dead.port());
        if (stale != null) {
            stale.close();
        }
        Node again = new Node(dead.port(), launch(binary, dead.port()), dead.id(), dead.master());
        nodes.set(nodes.indexOf(dead), again);
        awaitTrue("redis-server on port " + dead.port() + " answers again", () -> answers(dead.port()));
        awaitTrue("the cluster is whole again", () -> nodes.stream().allMatch(node ->
                commands(node.port()).clusterInfo().contains("cluster_state:ok")
                        && commands(node.port()).clusterNodes().lines().noneMatch(line -> line.contains("fail"))));
        return again;
    }

    /** Waits until every surviving node marks {@code dead} as failed. */
    public void awaitSeenFailed(Node dead) {
        awaitTrue("the survivors mark node " + dead.port() + " failed", () -> nodes.stream()
                .filter(node -> node.process().isAlive())
                .allMatch(node -> commands(node.port()).clusterNodes().lines()
                        .anyMatch(line -> line.startsWith(dead.id()) && line.contains("fail"))));
    }

    /** Waits until the survivors serve every slot again (a replica took over), after {@link #awaitSeenFailed}. */
    public void awaitAllSlotsServed() {
        awaitTrue("every slot is served by a live master", () -> nodes.stream()
                .filter(node -> node.process().isAlive())
                .allMatch(node -> commands(node.port()).clusterInfo().contains("cluster_slots_ok:" + SLOTS)));
    }

    /** Commands on one node (not cluster-aware: for the CLUSTER commands and for looking at that node). */
    public synchronized RedisCommands<String, String> commands(int port) {
        return connections.computeIfAbsent(port, p -> {
            StatefulRedisConnection<String, String> connection = client.connect(RedisURI.create("127.0.0.1", p));
            connection.setTimeout(Duration.ofSeconds(2));
            return connection;
        }).sync();
    }

    private final Map<Integer, StatefulRedisConnection<String, String>> connections = new HashMap<>();
    private final List<Process> started = new ArrayList<>();

    private boolean answers(int port) {
        try {
            return "PONG".equals(commands(port).ping());
        } catch (RuntimeException notYet) {
            StatefulRedisConnection<String, String> failed = connections.remove(port);
            if (failed != null) {
                failed.close();
            }
            return false;
        }
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        LocalRedisProcesses.awaitTrue("Redis Cluster", READY_WITHIN, Duration.ofMillis(50), what, condition);
    }

    private static int freePort() {
        return LocalRedisProcesses.freePort();
    }

    @Override
    public void close() {
        connections.values().forEach(connection -> {
            try {
                connection.close();
            } catch (RuntimeException ignored) {
                // a killed node's connection
            }
        });
        started.forEach(Process::destroyForcibly);
        client.shutdown();
    }
}
