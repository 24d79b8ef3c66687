package id.rembug.bot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.rembug.bot.broadcast.Announcement;
import id.rembug.bot.broadcast.BroadcastJob;
import id.rembug.bot.broadcast.BroadcastReport;
import id.rembug.bot.broadcast.BroadcastService;
import id.rembug.bot.broadcast.Target;
import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.RembugApp;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One broadcast to many groups through the whole app, against a local fake Bot API that enforces
 * Telegram's 30 messages a second per bot and its per-chat limits (3 in any second in a chat, 20 in any
 * minute in a group; over any of them: 429 with retry_after=1), while a resident
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

    private static final String TOKEN = "700300400:BENCH-broadcast-token";
    private static final long BOT_ID = 700300400L;
    /** Seeded groups are -1009000000000 - i; the talking group is outside that range. */
    private static final long FIRST_GROUP = -1_009_000_000_000L;
    private static final long TALKING_GROUP = -1_008_000_000_001L;
    private static final long FACILITATOR = 5_100_001L;
    private static final long RESIDENT = 5_100_002L;

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

        try (RateLimitedBotApi api = new RateLimitedBotApi(30, Duration.ofSeconds(1))) {
            ConfigurableApplicationContext app = startApp(api);
            try {
                run(app, api, groups, talkEveryMillis);
            } finally {
                app.close();
            }
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext app, RateLimitedBotApi api, int groups,
                            int talkEveryMillis) throws InterruptedException {
        // The talking group starts the way a real one does; the bench waits for the first question.
        api.groupText(TALKING_GROUP, FACILITATOR, "Pak Budi", null, true);
        api.groupText(TALKING_GROUP, FACILITATOR, "/fasilitator", null, false);
        api.groupText(TALKING_GROUP, RESIDENT, "/mulai", null, false);
        waitUntil(Duration.ofSeconds(30), () -> api.acceptedIn(TALKING_GROUP) >= 2, "the talking group to start");
        Thread.sleep(1_000);

        BroadcastService broadcasts = app.getBean(BroadcastService.class);
        long before429s = api.tooManyRequests();
        long beforeChat429s = api.chatTooManyRequests();
        long start = System.nanoTime();
        BroadcastJob job = broadcasts.create(new Announcement("Musyawarah besar",
                Instant.now().plus(Duration.ofDays(7)).atZone(ZoneId.of("Asia/Jakarta")), "Balai desa",
                "Air bersih"), new Target.All(), Instant.now(), "bench");

        // Meanwhile a resident asks for the group's status every few seconds, as talk would.
        List<long[]> asked = Collections.synchronizedList(new ArrayList<>());
        Thread talker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long messageId = api.groupText(TALKING_GROUP, RESIDENT, "/status", null, false);
                asked.add(new long[] {messageId, System.nanoTime()});
                try {
                    Thread.sleep(talkEveryMillis);
                } catch (InterruptedException e) {
                    break;
                }
            }
        }, "bench-talker");
        talker.start();

        int lastPrinted = 0;
        long deadline = start + TimeUnit.SECONDS.toNanos(groups / 20 + 120);
        while (api.groupsReached() < groups && System.nanoTime() < deadline) {
            Thread.sleep(500);
            int reached = api.groupsReached();
            if (reached / 500 != lastPrinted / 500) {
                System.out.printf("  ... %d of %d groups after %.0f s%n", reached, groups,
                        (System.nanoTime() - start) / 1e9);
                lastPrinted = reached;
            }
        }
        long lastBroadcastSend = api.lastGroupSendNanos();
        talker.interrupt();
        talker.join();
        // The last question may have been asked just now: give its answer time to come.
        Thread.sleep(5_000);
        List<Long> waits = new ArrayList<>();
        int unanswered = 0;
        for (long[] question : List.copyOf(asked)) {
            Long answered = api.replyArrival(TALKING_GROUP, question[0]);
            if (answered == null) {
                unanswered++;
            } else {
                long wait = TimeUnit.NANOSECONDS.toMillis(answered - question[1]);
                waits.add(wait);
                if (wait > 1_000) {
                    System.out.printf("  slow reply: asked %.1f s after the broadcast was created, waited %d ms%n",
                            (question[1] - start) / 1e9, wait);
                }
            }
        }

        double seconds = (lastBroadcastSend - start) / 1e9;
        BroadcastReport report = broadcasts.report(job.id()).orElseThrow();
        Collections.sort(waits);

        System.out.println();
        System.out.printf("Broadcast benchmark: %d groups, fake Bot API enforcing 30 msg/s overall, 3 in any second per"
                + " chat and 20 in any minute per group (429, retry_after=1)%n",
                groups);
        System.out.printf("  groups reached          %d of %d (%d got it more than once)%n", api.groupsReached(),
                groups, api.groupsReachedTwice());
        System.out.printf("  total time              %.1f s (broadcast created -> last announcement accepted)%n",
                seconds);
        System.out.printf("  broadcast messages/s    %.1f%n", api.groupsReached() / seconds);
        System.out.printf("  all messages/s          %.1f (conversation included, over the same span)%n",
                api.acceptedBetween(start, lastBroadcastSend) / seconds);
        System.out.printf("  429s received           %d (of which for a chat's own limits: %d)%n",
                api.tooManyRequests() - before429s, api.chatTooManyRequests() - beforeChat429s);
        // The talking group is in rembug:groups too, so the report counts it among the targets.
        System.out.printf("  report                  targets=%d sent=%d pending=%d failed=%d%n", report.targets(),
                report.sent(), report.pending(), report.failed());
        System.out.printf("  conversation replies    %d answered, %d unanswered%n", waits.size(), unanswered);
        if (!waits.isEmpty()) {
            System.out.printf("  reply wait              p50 %d ms, p99 %d ms, max %d ms%n", percentile(waits, 50),
                    percentile(waits, 99), waits.get(waits.size() - 1));
        }
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

    private static ConfigurableApplicationContext startApp(RateLimitedBotApi api) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.data.redis.url", RedisServerExtension.url());
        properties.put("spring.main.web-application-type", "none");
        properties.put("rembug.telegram.token", TOKEN);
        properties.put("rembug.telegram.api-url", api.url());
        properties.put("rembug.telegram.poll-timeout-seconds", "5");
        properties.put("rembug.simulator.enabled", "false");
        properties.put("logging.level.root", "WARN");
        return RembugApp.start(properties);
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

    /**
     * A Bot API on 127.0.0.1 that holds the bot to {@code limit} accepted messages in any
     * {@code window}, as Telegram does: a send over it is refused with 429 and retry_after=1.
     * getUpdates is a long poll on a queue of updates; other methods answer ok.
     */
    static final class RateLimitedBotApi implements AutoCloseable {

        private static final ObjectMapper JSON = BotApiHttp.JSON;
        private static final byte[] TOO_MANY = ("{\"ok\":false,\"error_code\":429,\"description\":"
                + "\"Too Many Requests: retry after 1\",\"parameters\":{\"retry_after\":1}}")
                .getBytes(StandardCharsets.UTF_8);

        private final int limit;
        private final long windowNanos;
        private final HttpServer server;
        private final ExecutorService handlers = Executors.newFixedThreadPool(16);
        private final String prefix = "/bot" + TOKEN + "/";
        private final Object lock = new Object();
        private final ArrayDeque<QueuedUpdate> updates = new ArrayDeque<>();
        private final ArrayDeque<Long> recentSends = new ArrayDeque<>();
        /** Telegram's per-chat limits too: at most 3 in any second in a chat, 20 in any minute in a group. */
        private static final int CHAT_BURST = 3;
        private static final long CHAT_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
        private static final int GROUP_LIMIT = 20;
        private static final long GROUP_WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);
        private final Map<Long, ArrayDeque<Long>> chatSends = new java.util.HashMap<>();
        private final AtomicLong chatTooManyRequests = new AtomicLong();
        private final List<Long> acceptedAt = new ArrayList<>();
        private final Map<Long, AtomicInteger> acceptedPerChat = new ConcurrentHashMap<>();
        private final Map<Long, Long> replyArrivals = new ConcurrentHashMap<>();
        private final AtomicInteger groupsReached = new AtomicInteger();
        private final AtomicInteger groupsReachedTwice = new AtomicInteger();
        private final AtomicLong lastGroupSend = new AtomicLong();
        private final AtomicLong tooManyRequests = new AtomicLong();
        private final AtomicLong nextMessageId = new AtomicLong(1_000);
        private long nextUpdateId = 1;
        private boolean closed;

        private record QueuedUpdate(long id, String json) {
        }

        RateLimitedBotApi(int limit, Duration window) throws IOException {
            this.limit = limit;
            this.windowNanos = window.toNanos();
            server = BotApiHttp.start(handlers, this::handle);
        }

        String url() {
            return BotApiHttp.url(server);
        }

        /** Queues a text from a person in a group (or, when {@code joins}, the bot being added); returns its message id. */
        long groupText(long chatId, long from, String text, Long replyTo, boolean joins) {
            long messageId = nextMessageId.incrementAndGet();
            var message = JSON.createObjectNode();
            message.put("message_id", messageId);
            message.putObject("from").put("id", from).put("is_bot", false).put("first_name", "Warga " + from);
            message.putObject("chat").put("id", chatId).put("type", "supergroup").put("title", "Bench " + chatId);
            message.put("date", System.currentTimeMillis() / 1000);
            if (joins) {
                var bot = JSON.createObjectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "Rembug");
                message.putArray("new_chat_members").add(bot);
                message.set("new_chat_member", bot);
            } else {
                message.put("text", text);
            }
            if (replyTo != null) {
                message.putObject("reply_to_message").put("message_id", replyTo);
            }
            synchronized (lock) {
                long updateId = nextUpdateId++;
                var update = JSON.createObjectNode().put("update_id", updateId);
                update.set("message", message);
                updates.add(new QueuedUpdate(updateId, update.toString()));
                lock.notifyAll();
            }
            return messageId;
        }

        int acceptedIn(long chatId) {
            AtomicInteger count = acceptedPerChat.get(chatId);
            return count == null ? 0 : count.get();
        }

        /** When the bot's reply to a message arrived (and was accepted), or null. */
        Long replyArrival(long chatId, long messageId) {
            return replyArrivals.get(messageId);
        }

        int groupsReached() {
            return groupsReached.get();
        }

        int groupsReachedTwice() {
            return groupsReachedTwice.get();
        }

        long lastGroupSendNanos() {
            return lastGroupSend.get();
        }

        long tooManyRequests() {
            return tooManyRequests.get();
        }

        /** Of those, refused for a chat's own limits (not the overall 30/s). */
        long chatTooManyRequests() {
            return chatTooManyRequests.get();
        }

        long acceptedBetween(long fromNanos, long toNanos) {
            synchronized (lock) {
                return acceptedAt.stream().filter(t -> t >= fromNanos && t <= toNanos).count();
            }
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                BotApiHttp.Call call = BotApiHttp.read(exchange, prefix);
                if (call == null) {
                    return;
                }
                JsonNode body = call.body();
                long arrived = call.arrivedNanos();
                switch (call.method()) {
                    case "getupdates" -> BotApiHttp.respond(exchange, 200, getUpdates(body));
                    case "getme" -> BotApiHttp.respond(exchange, 200, ("{\"ok\":true,\"result\":{\"id\":" + BOT_ID
                            + ",\"is_bot\":true,\"first_name\":\"Rembug\",\"username\":\"rembug_bench_bot\"}}")
                            .getBytes(StandardCharsets.UTF_8));
                    case "sendmessage" -> sendMessage(exchange, body, arrived);
                    default -> BotApiHttp.respond(exchange, 200, BotApiHttp.TRUE);
                }
            }
        }

        private void sendMessage(HttpExchange exchange, JsonNode body, long arrived) throws IOException {
            long chatId = body.path("chat_id").asLong();
            boolean refused;
            synchronized (lock) {
                // Stamped under the lock, so the window's times are in order.
                long now = System.nanoTime();
                while (!recentSends.isEmpty() && now - recentSends.peekFirst() >= windowNanos) {
                    recentSends.pollFirst();
                }
                ArrayDeque<Long> inChat = chatSends.computeIfAbsent(chatId, id -> new ArrayDeque<>());
                while (!inChat.isEmpty() && now - inChat.peekFirst() >= GROUP_WINDOW_NANOS) {
                    inChat.pollFirst();
                }
                long inLastSecond = inChat.stream().filter(t -> now - t < CHAT_WINDOW_NANOS).count();
                boolean chatRefused = inLastSecond >= CHAT_BURST || (chatId < 0 && inChat.size() >= GROUP_LIMIT);
                refused = recentSends.size() >= limit || chatRefused;
                if (chatRefused) {
                    chatTooManyRequests.incrementAndGet();
                }
                if (!refused) {
                    recentSends.addLast(now);
                    acceptedAt.add(now);
                    inChat.addLast(now);
                }
            }
            if (refused) {
                tooManyRequests.incrementAndGet();
                BotApiHttp.respond(exchange, 429, TOO_MANY);
                return;
            }
            int inChat = acceptedPerChat.computeIfAbsent(chatId, id -> new AtomicInteger()).incrementAndGet();
            if (chatId <= FIRST_GROUP) {
                if (inChat == 1) {
                    groupsReached.incrementAndGet();
                } else if (inChat == 2) {
                    groupsReachedTwice.incrementAndGet();
                }
                lastGroupSend.accumulateAndGet(arrived, Math::max);
            }
            long replyTo = body.path("reply_parameters").path("message_id").asLong(0);
            if (replyTo != 0) {
                replyArrivals.putIfAbsent(replyTo, arrived);
            }
            long messageId = nextMessageId.incrementAndGet();
            BotApiHttp.respond(exchange, 200, ("{\"ok\":true,\"result\":{\"message_id\":" + messageId + ",\"from\":{\"id\":"
                    + BOT_ID + ",\"is_bot\":true,\"first_name\":\"Rembug\"},\"chat\":{\"id\":" + chatId
                    + ",\"type\":\"supergroup\",\"title\":\"Bench\"},\"date\":" + System.currentTimeMillis() / 1000
                    + "}}").getBytes(StandardCharsets.UTF_8));
        }

        /** Telegram's semantics: updates below {@code offset} are confirmed; otherwise wait for one. */
        private byte[] getUpdates(JsonNode body) {
            long offset = body.path("offset").asLong(0);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.min(10, body.path("timeout").asLong(0)));
            StringBuilder answer = new StringBuilder("{\"ok\":true,\"result\":[");
            synchronized (lock) {
                while (!updates.isEmpty() && updates.peekFirst().id() < offset) {
                    updates.pollFirst();
                }
                BotApiHttp.waitWhile(lock, () -> updates.isEmpty() && !closed, deadline);
                answer.append(String.join(",", updates.stream().map(QueuedUpdate::json).toList()));
            }
            return answer.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            synchronized (lock) {
                closed = true;
                lock.notifyAll();
            }
            BotApiHttp.stop(server, handlers);
        }
    }
}
