package id.rembug.bot.bench;

import id.rembug.bot.channel.ChatGateway;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.channel.Outgoing.Lane;
import id.rembug.bot.channel.SendResult;
import id.rembug.bot.dispatch.DispatchProperties;
import id.rembug.bot.dispatch.DispatchStats;
import id.rembug.bot.dispatch.Dispatcher;
import id.rembug.bot.dispatch.OutboxWriter;
import id.rembug.bot.testsupport.RedisServerExtension;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dispatcher alone: what one outbox message costs it in CPU (this JVM, the Redis server) and
 * in Redis commands, with the platform answering at once and the limits raised out of the way. A
 * program that prints figures, not a test.
 *
 * <p>Each round queues, for each of {@code --chats} group chats, what a question's life in a group
 * sends: the question, three button presses' answers, three progress edits of it (queued together:
 * the last one goes, the others are superseded unsent) and the next message; one worker then
 * drains the outbox with {@link Dispatcher#runOnce()}. Uses the tests' shared embedded Redis.
 * <pre>
 * ./mvnw -q -pl bot -am test-compile -DskipTests
 * java -cp "bot/target/test-classes:bot/target/classes:$(cat bot/cp.txt)" id.rembug.bot.bench.DispatchBenchmark
 * </pre>
 * Options: {@code --chats N} (default 200), {@code --blocks N} measured blocks of {@code --rounds N} rounds
 * (defaults 5 and 2, after 4 rounds for warming up); the best block is printed last (the machine may be shared).
 */
public final class DispatchBenchmark {

    private DispatchBenchmark() {
    }

    public static void main(String[] args) {
        int chats = option(args, "--chats", 200);
        int rounds = option(args, "--rounds", 2);
        StringRedisTemplate shared = RedisServerExtension.template();
        CountingTemplate redis = new CountingTemplate(shared.getConnectionFactory());
        Optional<ProcessHandle> redisServer = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().orElse("").contains("redis")).findFirst();
        Clock clock = Clock.systemUTC();
        DispatchProperties properties = DispatchProperties.defaults().withLimits(new DispatchProperties.Limits(
                1_000_000, Duration.ofSeconds(1), 1_000_000, Duration.ofMillis(1), 1_000, 1_000_000,
                Duration.ofMinutes(1), 8, Duration.ZERO));
        InstantGateway gateway = new InstantGateway();
        Dispatcher dispatcher = new Dispatcher(redis, properties, () -> List.of(gateway), List::of,
                new DispatchStats(), clock, new Random(1));
        OutboxWriter writer = new OutboxWriter(redis, clock);

        for (int round = 0; round < 4; round++) {
            queue(writer, chats, "w" + round, clock.instant());
            drain(dispatcher);
        }
        int blocks = option(args, "--blocks", 5);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = ManagementFactory.getThreadMXBean();
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        for (int b = 0; b < blocks; b++) {
            long messages = 0;
            long roundTripsBefore = redis.roundTrips.get();
            long sentBefore = gateway.calls.get();
            Map<String, Long> commandsBefore = RedisCommandCounts.read(redis);
            Map<String, Long> threadsBefore = threadCpu();
            long jvmBefore = os.getProcessCpuTime();
            long redisBefore = cpu(redisServer);
            long workerCpu = 0;
            long wallStart = System.nanoTime();
            for (int round = 0; round < rounds; round++) {
                messages += queue(writer, chats, "b" + b + "r" + round, clock.instant());
                long before = threads.getCurrentThreadCpuTime();
                drain(dispatcher);
                workerCpu += threads.getCurrentThreadCpuTime() - before;
            }
            double wall = (System.nanoTime() - wallStart) / 1e9;
            long jvm = os.getProcessCpuTime() - jvmBefore;
            Map<String, Long> threadsCpu = threadCpu();
            threadsCpu.replaceAll((name, nanos) -> nanos - threadsBefore.getOrDefault(name, 0L));
            long redisCpu = cpu(redisServer) - redisBefore;
            Map<String, Long> commands = RedisCommandCounts.since(commandsBefore, RedisCommandCounts.read(redis));
            long scripts = commands.getOrDefault("evalsha", 0L) + commands.getOrDefault("eval", 0L);
            long roundTrips = redis.roundTrips.get() - roundTripsBefore - 1; // less the INFO above
            long all = commands.values().stream().mapToLong(Long::longValue).sum();
            long sent = gateway.calls.get() - sentBefore;

            System.out.printf(Locale.ROOT, "%d messages queued in %d rounds of %d chats, %d sent (the rest superseded), "
                    + "drained in %.2f s (%.0f messages/s)%n", messages, rounds, chats, sent, wall, messages / wall);
            System.out.printf(Locale.ROOT, "per message: worker thread %.1f µs, JVM %.1f µs (worker, Lettuce, GC, the "
                            + "rest), redis-server %.1f µs%n", workerCpu / 1e3 / messages, jvm / 1e3 / messages,
                    redisCpu / 1e3 / messages);
            System.out.printf(Locale.ROOT, "per message: %.2f round trips to Redis (the outbox writer's included), "
                            + "%.2f of them script calls, %.2f commands in all (inside scripts too)%n",
                    roundTrips / (double) messages, scripts / (double) messages, all / (double) messages);
            StringBuilder byCommand = new StringBuilder("by command, per message:");
            double queued = messages;
            commands.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> byCommand.append(String.format(Locale.ROOT, " %s %.2f", e.getKey(),
                            e.getValue() / queued)));
            System.out.println(byCommand);
            StringBuilder byThread = new StringBuilder("CPU by thread, µs per message:");
            threadsCpu.entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                    .forEach(e -> byThread.append(String.format(Locale.ROOT, " %s %.1f", e.getKey(),
                            e.getValue() / 1e3 / queued)));
            System.out.println(byThread);
            double lettuce = threadsCpu.entrySet().stream().filter(e -> e.getKey().startsWith("lettuce-nio"))
                    .mapToLong(Map.Entry::getValue).sum() / 1e3 / queued;
            best[0] = Math.min(best[0], workerCpu / 1e3 / queued);
            best[1] = Math.min(best[1], lettuce);
            best[2] = Math.min(best[2], jvm / 1e3 / queued);
            best[3] = Math.min(best[3], redisCpu / 1e3 / queued);
        }
        System.out.printf(Locale.ROOT, "best of %d blocks, µs per message: worker thread %.1f, Lettuce I/O %.1f, "
                + "JVM %.1f, redis-server %.1f%n", blocks, best[0], best[1], best[2], best[3]);
        System.exit(0);
    }

    /** One round: what a question's life sends to each chat. Returns how many messages. */
    private static int queue(OutboxWriter writer, int chats, String round, Instant at) {
        List<Outgoing> messages = new ArrayList<>();
        for (int c = 0; c < chats; c++) {
            String chat = "-100" + c;
            String question = round + ":" + chat + ":q";
            messages.add(Outgoing.text(question, Lane.CONVERSATION, chat, chat,
                    "Apa masalah terbesar di lingkungan kita?", at));
            for (int i = 1; i <= 3; i++) {
                messages.add(Outgoing.callbackAnswer(round + ":" + chat + ":cb" + i, chat, chat, "cb" + i,
                        "Tercatat", false, at));
                messages.add(Outgoing.edit(round + ":" + chat + ":e" + i, chat, chat, question,
                        "Apa masalah terbesar di lingkungan kita?\n\n✅ " + i + " dari 5 sudah menjawab",
                        List.of(List.of(new Outgoing.OutButton("Jawab", "a|masalah|1|0|1"))), at));
            }
            messages.add(Outgoing.text(round + ":" + chat + ":next", Lane.CONVERSATION, chat, chat,
                    "Terima kasih! Pertanyaan berikutnya menyusul.", at));
        }
        writer.enqueue(messages);
        return messages.size();
    }

    private static void drain(Dispatcher dispatcher) {
        while (dispatcher.runOnce()) {
            // one message at a time, as a worker
        }
    }

    /** CPU time of the live threads, summed by name with their numbers left out. */
    private static Map<String, Long> threadCpu() {
        var threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byName = new TreeMap<>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                byName.merge(info.getThreadName().replaceAll("\\d+", "N"), Math.max(0, nanos), Long::sum);
            }
        }
        return byName;
    }

    private static long cpu(Optional<ProcessHandle> process) {
        return process.flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    /** Counts the calls the template makes, each one round trip to Redis. */
    private static final class CountingTemplate extends StringRedisTemplate {
        final AtomicLong roundTrips = new AtomicLong();

        CountingTemplate(org.springframework.data.redis.connection.RedisConnectionFactory factory) {
            super(factory);
        }

        @Override
        public <T> T execute(RedisCallback<T> action, boolean exposeConnection, boolean pipeline) {
            roundTrips.incrementAndGet();
            return super.execute(action, exposeConnection, pipeline);
        }
    }

    /** Answers every send at once, as delivered, with a fresh platform id (an edit keeps its message's). */
    private static final class InstantGateway implements ChatGateway {
        final AtomicLong calls = new AtomicLong();

        @Override
        public boolean handles(String chatId) {
            return true;
        }

        @Override
        public SendResult send(Outgoing message) {
            long n = calls.incrementAndGet();
            return new SendResult.Sent(message.kind() == Outgoing.Kind.EDIT ? message.replyToMessageId() : "p" + n);
        }
    }
}
