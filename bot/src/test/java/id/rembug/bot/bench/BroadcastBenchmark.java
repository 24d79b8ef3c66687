package id.rembug.bot.bench;

import id.rembug.bot.broadcast.Announcement;
import id.rembug.bot.broadcast.BroadcastJob;
import id.rembug.bot.broadcast.BroadcastReport;
import id.rembug.bot.broadcast.BroadcastService;
import id.rembug.bot.broadcast.Target;
import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegram.Person;
import id.rembug.bot.testsupport.FakeTelegram.RateLimits;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.RembugApp;
import id.rembug.bot.testsupport.TelegramAppProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One broadcast to many groups through the whole app, against {@link FakeTelegram} enforcing
 * Telegram's rate limits ({@link RateLimits#TELEGRAM}: 30 messages a second per bot, a burst of 3
 * then one a second per chat, 20 in any minute per group; over any of them: 429 with retry_after), while a resident
 * in one other group keeps talking to the bot. Shows what the broadcast achieves, how often the
 * fake had to refuse, and how long the conversation waited for each reply.
 *
 * <p>A main class, not a test (surefire runs only *Test, *Tests, *Properties):
 * <pre>
 * ./mvnw -q -pl bot dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * ./mvnw -q -pl bot -am test-compile -DskipTests
 * java -cp "$(cat bot/cp.txt):bot/target/test-classes:bot/target/classes" \
 *     id.rembug.bot.bench.BroadcastBenchmark --groups 2000
 * </pre>
 * Options: {@code --groups N} (default 10000; at 30/s that takes about 5.5 minutes),
 * {@code --talk-every-ms M} (default 4000). The app runs with its production rate limits
 * ({@code rembug.dispatch.limits.*} defaults: 30/s overall, 29/s of it for broadcasts).
 *
 * <p>The target groups are seeded cheaply, straight into Redis: only their ids in
 * {@code rembug:groups}, no conversation state (a broadcast then writes to the group id, in
 * Indonesian). The talking group is a real one, started by its facilitator through the bot.
 */
public final class BroadcastBenchmark {

    /** Seeded groups are -1009000000000 - i; the talking group is outside that range. */
    private static final long FIRST_GROUP = -1_009_000_000_000L;
    private static final long TALKING_GROUP = -1_008_000_000_001L;
    private static final Person FACILITATOR = new Person(5_100_001L, "Budi");
    private static final Person RESIDENT = new Person(5_100_002L, "Warga");

    private BroadcastBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int groups = intOption(args, "--groups", 10_000);
        // Every 4 s is 15 replies a minute, under Telegram's 20 a minute per group (rembug.dispatch.limits.group),
        // so a slow reply shows the broadcast's doing, not that limit's.
        int talkEveryMillis = intOption(args, "--talk-every-ms", 4_000);

        StringRedisTemplate redis = RedisServerExtension.template();
        RedisServerExtension.flushAll();
        seedGroups(redis, groups);

        try (FakeTelegram api = new FakeTelegram()) {
            api.rateLimits(RateLimits.TELEGRAM);
            ConfigurableApplicationContext app = startApp(api);
            try {
                run(app, api, groups, talkEveryMillis);
            } finally {
                app.close();
            }
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext app, FakeTelegram api, int groups,
                            int talkEveryMillis) throws InterruptedException {
        // The talking group starts the way a real one does; the bench waits for the first question.
        api.memberStatus(TALKING_GROUP, FACILITATOR, "creator");
        api.botAddedToGroup(TALKING_GROUP, FACILITATOR);
        api.groupText(TALKING_GROUP, FACILITATOR, "/fasilitator", null);
        api.groupText(TALKING_GROUP, RESIDENT, "/mulai", null);
        waitUntil(Duration.ofSeconds(30), () -> api.messageCount(TALKING_GROUP) >= 2, "the talking group to start");
        Thread.sleep(1_000);

        BroadcastService broadcasts = app.getBean(BroadcastService.class);
        long before429s = api.rateLimited();
        long beforeChat429s = api.chatRateLimited();
        long start = System.currentTimeMillis();
        BroadcastJob job = broadcasts.create(new Announcement("Musyawarah besar",
                Instant.now().plus(Duration.ofDays(7)).atZone(ZoneId.of("Asia/Jakarta")), "Balai desa",
                "Air bersih"), new Target.All(), Instant.now(), "bench");

        // Meanwhile a resident asks for the group's status every few seconds, as talk would.
        List<long[]> asked = Collections.synchronizedList(new ArrayList<>());
        Thread talker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long messageId = api.groupText(TALKING_GROUP, RESIDENT, "/status", null);
                asked.add(new long[] {messageId, System.currentTimeMillis()});
                try {
                    Thread.sleep(talkEveryMillis);
                } catch (InterruptedException e) {
                    break;
                }
            }
        }, "bench-talker");
        talker.start();

        int lastPrinted = 0;
        long deadline = start + TimeUnit.SECONDS.toMillis(groups / 20 + 120);
        while (reached(api).groups() < groups && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            int reached = reached(api).groups();
            if (reached / 500 != lastPrinted / 500) {
                System.out.printf("  ... %d of %d groups after %.0f s%n", reached, groups,
                        (System.currentTimeMillis() - start) / 1e3);
                lastPrinted = reached;
            }
        }
        Reached reached = reached(api);
        long lastBroadcastSend = reached.lastSendMillis();
        talker.interrupt();
        talker.join();
        // The last question may have been asked just now: give its answer time to come.
        Thread.sleep(5_000);
        List<Long> waits = new ArrayList<>();
        int unanswered = 0;
        for (long[] question : List.copyOf(asked)) {
            Long answered = api.sentTo(TALKING_GROUP).stream().filter(sent -> sent.replyTo() != null
                    && sent.replyTo() == question[0]).map(FakeTelegram.Sent::atMillis).findFirst().orElse(null);
            if (answered == null) {
                unanswered++;
            } else {
                long wait = answered - question[1];
                waits.add(wait);
                if (wait > 1_000) {
                    System.out.printf("  slow reply: asked %.1f s after the broadcast was created, waited %d ms%n",
                            (question[1] - start) / 1e3, wait);
                }
            }
        }

        double seconds = (lastBroadcastSend - start) / 1e3;
        BroadcastReport report = broadcasts.report(job.id()).orElseThrow();
        Collections.sort(waits);

        System.out.println();
        System.out.printf("Broadcast benchmark: %d groups, FakeTelegram enforcing 30 msg/s overall, a burst of 3 then"
                + " 1/s per chat and 20 in any minute per group (429 with retry_after)%n",
                groups);
        System.out.printf("  groups reached          %d of %d (%d got it more than once)%n", reached.groups(),
                groups, reached.twice());
        System.out.printf("  total time              %.1f s (broadcast created -> last announcement accepted)%n",
                seconds);
        System.out.printf("  broadcast messages/s    %.1f%n", reached.groups() / seconds);
        System.out.printf("  all messages/s          %.1f (conversation included, over the same span)%n",
                api.sent(sent -> sent.atMillis() >= start && sent.atMillis() <= lastBroadcastSend).size() / seconds);
        System.out.printf("  429s received           %d (of which for a chat's own limits: %d)%n",
                api.rateLimited() - before429s, api.chatRateLimited() - beforeChat429s);
        // The talking group is in rembug:groups too, so the report counts it among the targets.
        System.out.printf("  report                  targets=%d sent=%d pending=%d failed=%d%n", report.targets(),
                report.sent(), report.pending(), report.failed());
        System.out.printf("  conversation replies    %d answered, %d unanswered%n", waits.size(), unanswered);
        if (!waits.isEmpty()) {
            System.out.printf("  reply wait              p50 %d ms, p99 %d ms, max %d ms%n", percentile(waits, 50),
                    percentile(waits, 99), waits.get(waits.size() - 1));
        }
    }

    /** The seeded groups the announcement reached (once, and more than once) and when the last one was sent. */
    private record Reached(int groups, int twice, long lastSendMillis) {
    }

    private static Reached reached(FakeTelegram api) {
        Map<String, Integer> perGroup = new java.util.HashMap<>();
        long last = 0;
        for (FakeTelegram.Sent sent : api.sent(sent -> Long.parseLong(sent.chatId()) <= FIRST_GROUP)) {
            perGroup.merge(sent.chatId(), 1, Integer::sum);
            last = Math.max(last, sent.atMillis());
        }
        int twice = (int) perGroup.values().stream().filter(count -> count > 1).count();
        return new Reached(perGroup.size(), twice, last);
    }

    private static void seedGroups(StringRedisTemplate redis, int groups) {
        RedisSerializer<String> strings = RedisSerializer.string();
        redis.executePipelined((org.springframework.data.redis.core.RedisCallback<Object>) connection -> {
            byte[] key = strings.serialize(ConversationKeys.GROUPS);
            for (int i = 0; i < groups; i++) {
                connection.setCommands().sAdd(key, strings.serialize(Long.toString(FIRST_GROUP - i)));
            }
            return null;
        });
    }

    private static ConfigurableApplicationContext startApp(FakeTelegram api) {
        return RembugApp.start(TelegramAppProperties.asDeployed(api));
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static void waitUntil(Duration limit, java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
