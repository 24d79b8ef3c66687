package id.rembug.bot.bench;

import id.rembug.bot.testsupport.FakeTelegram;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * A minimal Bot API on 127.0.0.1 for benchmarks: {@code getUpdates} hands out queued updates
 * (long-poll style: it blocks until one is queued or the poll's timeout runs out, like Telegram),
 * and every other method answers ok at once (sendMessage, and editMessageText of a chat's message,
 * with the message, as Telegram does); a message whose content Telegram would refuse (an
 * empty or too long text, bad callback data) gets Telegram's 400, by the same rules as the tests'
 * {@link FakeTelegram#refusedContent}. Each update's hand-out is time-stamped on its
 * {@link Tracked}; every bot call is passed to the {@link Listener} with the time it arrived.
 *
 * <p>JDK {@code HttpServer} with a fixed pool; the CPU its threads use is measured so the report
 * can show that the fake was not what limited the bots.
 */
final class FakeBotApi implements AutoCloseable {

    /** An update the fake hands out, time-stamped when it first leaves in a getUpdates answer. */
    interface Tracked {
        /** The update's JSON, given the update_id the fake assigns. */
        String json(int updateId);

        void queued(long nanos);

        void handedOut(long nanos);
    }

    /**
     * Told of every bot call except getUpdates, on the fake's handler thread, once the call has
     * been answered; {@code nanos} is when the call arrived.
     */
    interface Listener {
        void onBotCall(String method, JsonNode body, long chatId, int assignedMessageId, long nanos);
    }

    /** A bot's own user id is the number before the colon of its token. */
    static final String TOKEN = "700100200:BENCH-fake_token-for-rembug";
    static final long BOT_ID = 700100200L;
    /** A group of {@link ConversationLoad}: its facilitator, three residents and the bot. */
    static final int MEMBERS_PER_GROUP = 5;

    private static final int HANDLER_THREADS = 16;
    /** Long polls are cut short at this, so a stopping bot is never held for its full timeout. */
    private static final long MAX_POLL_MILLIS = 10_000;
    private static final Set<String> KNOWN = Set.of("getupdates", "sendmessage", "setmessagereaction",
            "answercallbackquery", "editmessagetext", "setmycommands", "deletewebhook", "getme", "getchatmember",
            "getchatmembercount");

    private final HttpServer server;
    private final ExecutorService handlers;
    private final List<Thread> handlerThreads = new ArrayList<>();
    private final ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
    private final Object lock = new Object();
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final Map<Long, AtomicInteger> messageIds = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final LongAdder botCalls = new LongAdder();
    private final String prefix = "/bot" + TOKEN + "/";
    private volatile Listener listener = (method, body, chatId, messageId, nanos) -> { };
    private int nextUpdateId = 1;
    private boolean closed;

    private record Pending(int updateId, String json, Tracked tracked) {
    }

    FakeBotApi() throws IOException {
        AtomicInteger count = new AtomicInteger();
        handlers = Executors.newFixedThreadPool(HANDLER_THREADS, task -> {
            Thread thread = new Thread(task, "fake-bot-api-" + count.incrementAndGet());
            thread.setDaemon(true);
            synchronized (handlerThreads) {
                handlerThreads.add(thread);
            }
            return thread;
        });
        server = BotApiHttp.start(handlers, this::handle);
    }

    String url() {
        return BotApiHttp.url(server);
    }

    int port() {
        return server.getAddress().getPort();
    }

    void listener(Listener listener) {
        this.listener = listener;
    }

    /** The next message id in a chat; users' and the bot's messages share one sequence, as in Telegram. */
    int nextMessageId(long chatId) {
        return messageIds.computeIfAbsent(chatId, id -> new AtomicInteger(100)).incrementAndGet();
    }

    /** Queues updates for the bot, in order, and wakes a waiting long poll. */
    void enqueue(List<? extends Tracked> updates) {
        long now = System.nanoTime();
        synchronized (lock) {
            for (Tracked update : updates) {
                int id = nextUpdateId++;
                update.queued(now);
                pending.add(new Pending(id, update.json(id), update));
            }
            lock.notifyAll();
        }
    }

    /** How many updates were queued so far. */
    long updatesQueued() {
        synchronized (lock) {
            return nextUpdateId - 1;
        }
    }

    /** Queues raw update JSON (for the self-test); nothing is time-stamped. */
    void enqueueRaw(int count, IntFunction<String> json) {
        List<Tracked> raw = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            raw.add(new Tracked() {
                @Override
                public String json(int updateId) {
                    return json.apply(updateId);
                }

                @Override
                public void queued(long nanos) {
                }

                @Override
                public void handedOut(long nanos) {
                }
            });
        }
        enqueue(raw);
    }

    long callCount(String method) {
        LongAdder adder = calls.get(method.toLowerCase(Locale.ROOT));
        return adder == null ? 0 : adder.sum();
    }

    /** Calls other than getUpdates, all methods together. */
    long botCalls() {
        return botCalls.sum();
    }

    Map<String, Long> callCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        calls.forEach((method, adder) -> counts.put(method, adder.sum()));
        return counts;
    }

    /** CPU time used so far by the fake's handler threads and the server's dispatcher thread. */
    long cpuNanos() {
        long total = 0;
        synchronized (handlerThreads) {
            for (Thread thread : handlerThreads) {
                total += Math.max(0, threadBean.getThreadCpuTime(thread.getId()));
            }
        }
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("HTTP-Dispatcher")) {
                total += Math.max(0, threadBean.getThreadCpuTime(thread.getId()));
            }
        }
        return total;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            BotApiHttp.Call call = BotApiHttp.read(exchange, prefix);
            if (call == null) {
                return;
            }
            String method = call.method();
            long arrived = call.arrivedNanos();
            calls.computeIfAbsent(method, m -> new LongAdder()).increment();
            JsonNode body = call.body();
            if (method.equals("getupdates")) {
                BotApiHttp.respond(exchange, 200, getUpdates(body));
                return;
            }
            botCalls.increment();
            long chatId = body.path("chat_id").asLong(0);
            if (method.equals("sendmessage") || method.equals("editmessagetext")) {
                FakeTelegram.Failure refused = FakeTelegram.refusedContent(method, body);
                if (refused != null) {
                    // nothing reached the chat, so the listener hears nothing; the report should show none of these
                    System.err.println("fake Bot API: Telegram would refuse this " + method + ": " + refused.description());
                    BotApiHttp.respond(exchange, refused.status(), refused.body().getBytes(StandardCharsets.UTF_8));
                    return;
                }
            }
            int messageId = 0;
            byte[] answer = BotApiHttp.TRUE;
            if (method.equals("sendmessage")) {
                messageId = nextMessageId(chatId);
                answer = sentMessage(chatId, messageId);
            } else if (method.equals("editmessagetext") && body.has("chat_id")) {
                // Telegram answers the edit of a chat's message with the message; only an inline one gets true
                answer = sentMessage(chatId, body.path("message_id").asInt());
            } else if (method.equals("getme")) {
                answer = ("{\"ok\":true,\"result\":{\"id\":" + BOT_ID
                        + ",\"is_bot\":true,\"first_name\":\"Bench\",\"username\":\"bench_bot\"}}")
                        .getBytes(StandardCharsets.UTF_8);
            } else if (method.equals("getchatmember")) {
                // in the benchmarks whoever claims a group made it
                answer = ("{\"ok\":true,\"result\":{\"status\":\"creator\",\"is_anonymous\":false,\"user\":{\"id\":"
                        + body.path("user_id").asLong() + ",\"is_bot\":false,\"first_name\":\"Warga\"}}}")
                        .getBytes(StandardCharsets.UTF_8);
            } else if (method.equals("getchatmembercount")) {
                // Telegram answers with an integer; a true here fails the bot's count as unreadable, and the
                // group's turn that takes the count in was never played
                answer = ("{\"ok\":true,\"result\":" + MEMBERS_PER_GROUP + "}").getBytes(StandardCharsets.UTF_8);
            } else if (!KNOWN.contains(method)) {
                System.err.println("fake Bot API: unexpected method " + method + ", answered ok");
            }
            BotApiHttp.respond(exchange, 200, answer);
            // Told after answering: people can reply to a message only once Telegram has accepted it.
            listener.onBotCall(method, body, chatId, messageId, arrived);
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private static byte[] sentMessage(long chatId, int messageId) {
        String type = chatId < 0 ? "group" : "private";
        return ("{\"ok\":true,\"result\":{\"message_id\":" + messageId + ",\"from\":{\"id\":" + BOT_ID
                + ",\"is_bot\":true,\"first_name\":\"Bench\"},\"chat\":{\"id\":" + chatId + ",\"type\":\"" + type
                + "\"},\"date\":" + System.currentTimeMillis() / 1000 + "}}").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Telegram's semantics: updates below {@code offset} are confirmed and forgotten; the rest are
     * answered at once, or the call waits for the first one to arrive.
     */
    private byte[] getUpdates(JsonNode body) {
        long offset = body.path("offset").asLong(0);
        int limit = Math.max(1, Math.min(100, body.path("limit").asInt(100)));
        long waitMillis = Math.min(MAX_POLL_MILLIS, TimeUnit.SECONDS.toMillis(body.path("timeout").asLong(0)));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        List<Pending> batch = new ArrayList<>();
        synchronized (lock) {
            while (!pending.isEmpty() && pending.peekFirst().updateId() < offset) {
                pending.pollFirst();
            }
            BotApiHttp.waitWhile(lock, () -> pending.isEmpty() && !closed, deadline);
            for (Pending update : pending) {
                if (batch.size() == limit) {
                    break;
                }
                batch.add(update);
            }
        }
        StringBuilder answer = new StringBuilder(64 + batch.size() * 400).append("{\"ok\":true,\"result\":[");
        for (int i = 0; i < batch.size(); i++) {
            if (i > 0) {
                answer.append(',');
            }
            answer.append(batch.get(i).json());
        }
        byte[] bytes = answer.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        long now = System.nanoTime();
        for (Pending update : batch) {
            update.tracked().handedOut(now);
        }
        return bytes;
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
