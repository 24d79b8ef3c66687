package id.rembug.bot.bench;

import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.RembugApp;
import id.rembug.bot.testsupport.TelegramAppProperties;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Redis bytes a group costs: one group of a facilitator and {@code bench.residents} (20)
 * residents walked through all 17 stock stages with everyone answering every question, then
 * {@code bench.idle-groups} (20) groups that were added, claimed and started and wait at their
 * first question. The whole app against {@link FakeTelegram} on the test Redis (a real
 * redis-server); each key the groups added is weighed with {@code MEMORY USAGE key SAMPLES 0}
 * (exact for hashes, lists, sets and streams), by key family, split into what Redis keeps and
 * what expires (delivery records after 30 days, or a day for edits never sent; update ids after 2
 * days) and how much of that goes within two days, beside the change of
 * {@code INFO memory}'s {@code used_memory}. A program that prints figures; see the README.
 */
public final class RedisMemoryBenchmark {

    private static final int RESIDENTS = Integer.getInteger("bench.residents", 20);
    private static final int IDLE_GROUPS = Integer.getInteger("bench.idle-groups", 20);
    private static final long TWO_DAYS_MS = java.time.Duration.ofDays(2).toMillis();
    /** A folder to write the finished group's hashes into (one file per key, field TAB value a line), to see where the bytes go. */
    private static final String DUMP = System.getProperty("bench.dump");

    private final RedisCommands<String, String> redis;

    private RedisMemoryBenchmark(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    public static void main(String[] args) throws Exception {
        RedisServerExtension.flushAll();
        try (FakeTelegram telegram = new FakeTelegram();
             RedisClient client = RedisClient.create(RedisServerExtension.url());
             StatefulRedisConnection<String, String> connection = client.connect()) {
            Map<String, Object> properties = new LinkedHashMap<>(TelegramAppProperties.of(telegram));
            properties.put("logging.level.root", "WARN");
            properties.put("logging.level.org.telegram.telegrambots.longpolling.BotSession", "OFF");
            ConfigurableApplicationContext app = RembugApp.start(properties);
            try {
                GroupJourney.awaitStep(telegram, "the bot to start polling",
                        () -> telegram.polls() > 0 && telegram.calls("setMyCommands").size() >= 3);
                new RedisMemoryBenchmark(connection.sync()).run(telegram);
            } finally {
                app.close();
            }
        }
        System.exit(0);
    }

    private void run(FakeTelegram telegram) throws IOException {
        System.out.printf("Redis memory benchmark: redis-server %s, 1 group of 1 facilitator + %d residents through all"
                        + " %d stages (everyone answers everything), then %d idle groups%n",
                info("server", "redis_version"), RESIDENTS, GroupJourney.flow().stageCount(), IDLE_GROUPS);

        Weights before = weigh();
        long usedBefore = Long.parseLong(info("memory", "used_memory"));
        long started = System.nanoTime();
        try (GroupJourney group = new GroupJourney(telegram, RESIDENTS).everyoneAnswers()) {
            group.facilitatorStartsThePrivateChat();
            group.botJoinsAndTheGroupStarts();
            group.walk(0, GroupJourney.flow().stageCount() - 1);
            group.awaitFinished();
            awaitOutboxDrained(group);
            System.out.printf(Locale.ROOT, "finished group %s: %d answers given, walked in %.0f s%n", group.groupId(),
                    group.answersGiven().size(), (System.nanoTime() - started) / 1e9);
        }
        Weights finished = weigh();
        if (DUMP != null) {
            dump(Path.of(DUMP));
        }
        long usedFinished = Long.parseLong(info("memory", "used_memory"));
        print("One finished group (17 stages, " + (RESIDENTS + 1) + " people)", finished.minus(before), 1,
                usedFinished - usedBefore);

        for (int i = 0; i < IDLE_GROUPS; i++) {
            try (GroupJourney idle = GroupJourney.started(telegram, 3)) {
                awaitOutboxDrained(idle);
            }
        }
        Weights idle = weigh();
        print("Idle groups (added, claimed, started, at question 1; a facilitator + 3 residents each)",
                idle.minus(finished), IDLE_GROUPS, Long.parseLong(info("memory", "used_memory")) - usedFinished);
    }

    private void dump(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String key : scan("*")) {
            if (redis.type(key).equals("hash")) {
                StringBuilder text = new StringBuilder();
                redis.hgetall(key).forEach((field, value) -> text.append(field).append('\t').append(value).append('\n'));
                Files.writeString(folder.resolve(key.replaceAll("[^A-Za-z0-9_.-]", "_")), text);
            }
        }
        System.out.println("hashes written to " + folder.toAbsolutePath());
    }

    private void awaitOutboxDrained(GroupJourney group) {
        group.awaitStep("the outbox to drain", () -> scan("rembug:outbox:*").stream()
                .allMatch(key -> redis.type(key).equals("zset") ? redis.zcard(key) == 0 : redis.llen(key) == 0));
    }

    // ---- weighing ----------------------------------------------------------------------------

    /** Bytes per key family, kept (no TTL) and expiring apart. */
    private record Weights(Map<String, long[]> families) {

        Weights minus(Weights earlier) {
            Map<String, long[]> delta = new TreeMap<>();
            families.forEach((family, now) -> {
                long[] then = earlier.families.getOrDefault(family, new long[5]);
                long[] d = {now[0] - then[0], now[1] - then[1], now[2] - then[2], now[3] - then[3], now[4] - then[4]};
                if (d[0] != 0 || d[1] != 0 || d[2] != 0 || d[3] != 0) {
                    delta.put(family, d);
                }
            });
            return new Weights(delta);
        }
    }

    /** family -> {kept keys, kept bytes, expiring keys, expiring bytes, bytes that expire within two days} */
    private Weights weigh() {
        Map<String, long[]> families = new TreeMap<>();
        for (String key : scan("*")) {
            Long bytes = redis.memoryUsage(key);
            if (bytes == null) {
                continue; // gone meanwhile
            }
            long ttl = redis.pttl(key);
            boolean expires = ttl >= 0;
            long[] f = families.computeIfAbsent(family(key), k -> new long[5]);
            f[expires ? 2 : 0]++;
            f[expires ? 3 : 1] += bytes;
            if (expires && ttl <= TWO_DAYS_MS) {
                f[4] += bytes;
            }
        }
        return new Weights(families);
    }

    /** A key with its ids (runs of digits, a leading minus included) replaced by {@code *}. */
    private static String family(String key) {
        return key.replaceAll("-?\\d+(-\\d+)?", "*");
    }

    private Set<String> scan(String pattern) {
        Set<String> keys = new HashSet<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(pattern).limit(1000));
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return keys;
    }

    private String info(String section, String field) {
        for (String line : redis.info(section).split("\r?\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1).trim();
            }
        }
        return "?";
    }

    private static void print(String title, Weights weights, int groups, long usedMemoryDelta) {
        System.out.printf("%n== %s ==%n", title);
        System.out.printf("%-58s %10s %12s %10s %12s %12s%n", "key family", "kept keys", "kept bytes", "exp. keys",
                "exp. bytes", "within 2 d");
        long[] total = new long[5];
        Map<String, long[]> sorted = new LinkedHashMap<>();
        weights.families().entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[1] + b.getValue()[3], a.getValue()[1] + a.getValue()[3]))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.forEach((family, f) -> {
            System.out.printf(Locale.ROOT, "%-58s %10d %12d %10d %12d %12d%n", family, f[0], f[1], f[2], f[3], f[4]);
            for (int i = 0; i < 5; i++) {
                total[i] += f[i];
            }
        });
        System.out.printf(Locale.ROOT, "%-58s %10d %12d %10d %12d %12d%n", "all", total[0], total[1], total[2], total[3],
                total[4]);
        System.out.printf(Locale.ROOT, "Per group: %.1f KB kept, %.1f KB more that expires (%.1f KB of it within two"
                        + " days; %.1f KB in all); used_memory grew by %.1f KB per group%n", total[1] / 1024.0 / groups,
                total[3] / 1024.0 / groups, total[4] / 1024.0 / groups, (total[1] + total[3]) / 1024.0 / groups,
                usedMemoryDelta / 1024.0 / groups);
    }
}
