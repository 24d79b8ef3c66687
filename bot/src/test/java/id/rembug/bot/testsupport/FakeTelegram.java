package id.rembug.bot.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A stateful stand-in for the Telegram Bot API on WireMock: it keeps the updates people send,
 * hands them out through long-polled {@code getUpdates} the way Telegram does (an update stays
 * until a later call's {@code offset} confirms it, so a new poller is served everything
 * unconfirmed), gives every sent message an id, remembers what the bot sent, and fails calls on
 * request (429, 403, 5xx, a group that became a supergroup).
 *
 * <p>Every {@code POST /bot<token>/<method>} is answered by one WireMock extension; method names
 * are matched case-insensitively (TelegramBots writes some in lower case, {@code sendmessage},
 * others in camel case, {@code setMessageReaction}). Message ids come from one counter for all
 * chats, people's messages included, so an id names one message in the whole test.
 */
public final class FakeTelegram implements AutoCloseable {

    public static final String TOKEN = "123456:TEST-token";
    /** The bot's own user id: the number in front of its token. */
    public static final long BOT_ID = 123456L;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * Each fake numbers its updates and messages from its own block: the test Redis outlives a
     * fake, and an update id it has seen before is (rightly) ignored as a redelivery.
     */
    private static final AtomicLong BLOCKS = new AtomicLong();
    private static final long BLOCK_SIZE = 10_000_000L;
    /** The longest a getUpdates call is held open, whatever timeout it asks for. */
    private static final long MAX_HOLD_MILLIS = 1_000;

    /** A person in the test, with the name Telegram shows. */
    public record Person(long id, String firstName) {
    }

    /** An inline button of a sent message. */
    public record Button(String label, String data) {
    }

    /** A message the bot sent and Telegram accepted. */
    public record Sent(long messageId, String chatId, String text, boolean forceReply, List<List<Button>> buttons,
                       Long replyTo, long atMillis) {

        public List<Button> allButtons() {
            return buttons.stream().flatMap(List::stream).toList();
        }

        public boolean hasButtonWithDataStarting(String prefix) {
            return allButtons().stream().anyMatch(b -> b.data() != null && b.data().startsWith(prefix));
        }

        public Optional<Button> buttonWithDataEnding(String suffix) {
            return allButtons().stream().filter(b -> b.data() != null && b.data().endsWith(suffix)).findFirst();
        }

        /** A question to the whole group: a reply request or answer buttons, and not a reply to anyone. */
        public boolean isQuestion() {
            return replyTo == null && (forceReply || hasButtonWithDataStarting("a|"));
        }

        /** A milestone summary: it carries the facilitator's buttons. */
        public boolean isSummary() {
            return hasButtonWithDataStarting("f|");
        }
    }

    /** One call the bot made, whatever Telegram answered. */
    public record Call(String method, String chatId, JsonNode body, int status, long atMillis) {

        public boolean succeeded() {
            return status == 200;
        }
    }

    /** How a scripted call fails. */
    public record Failure(int status, String description, String parameters) {

        public static Failure tooManyRequests(int retryAfterSeconds) {
            return new Failure(429, "Too Many Requests: retry after " + retryAfterSeconds,
                    "{\"retry_after\":" + retryAfterSeconds + "}");
        }

        public static Failure forbidden(String description) {
            return new Failure(403, "Forbidden: " + description, null);
        }

        public static Failure serverError(int status) {
            return new Failure(status, "Internal Server Error", null);
        }

        public static Failure migratedTo(long newChatId) {
            return new Failure(400, "Bad Request: group chat was upgraded to a supergroup chat",
                    "{\"migrate_to_chat_id\":" + newChatId + "}");
        }

        String body() {
            return "{\"ok\":false,\"error_code\":" + status + ",\"description\":" + quote(description)
                    + (parameters == null ? "" : ",\"parameters\":" + parameters) + "}";
        }
    }

    private static final class Rule {
        final String method;
        final String chatId;
        final Failure failure;
        int remaining;

        Rule(String method, String chatId, Failure failure, int times) {
            this.method = method;
            this.chatId = chatId;
            this.failure = failure;
            this.remaining = times;
        }

        boolean matches(String calledMethod, String calledChat) {
            return remaining > 0 && (method == null || method.equalsIgnoreCase(calledMethod))
                    && chatId.equals(calledChat);
        }
    }

    private final WireMockServer server;
    private final Object lock = new Object();
    private final TreeMap<Long, String> updates = new TreeMap<>();
    private final List<Sent> sent = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private final List<Long> served = new ArrayList<>();
    private final Set<String> notStarted = new HashSet<>();
    private long nextUpdateId;
    private long nextMessageId;
    private long nextCallbackId;
    private long confirmedOffset;
    private boolean confirmationsLost;

    public FakeTelegram() {
        long block = BLOCKS.incrementAndGet() * BLOCK_SIZE;
        nextUpdateId = block + 1;
        nextMessageId = block + 1;
        nextCallbackId = block + 1;
        server = new WireMockServer(options().dynamicPort().disableRequestJournal().containerThreads(40)
                .extensions(new Transformer()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(ok()));
    }

    /** The base URL for {@code rembug.telegram.api-url}. */
    public String url() {
        return "http://localhost:" + server.port();
    }

    @Override
    public void close() {
        server.stop();
    }

    // ---- what people do ------------------------------------------------------------------

    /** A text in a group, from a person; {@code replyTo} is the message it replies to, or null. */
    public long groupText(long chatId, Person from, String text, Long replyTo) {
        return message(chatId, from, text, replyTo, false);
    }

    /**
     * A text in a person's private chat with the bot. Like pressing Start, it opens the chat:
     * from now on the bot may write to them.
     */
    public long privateText(Person from, String text) {
        synchronized (lock) {
            notStarted.remove(String.valueOf(from.id()));
            return message(from.id(), from, text, null, true);
        }
    }

    /**
     * The person never opened a private chat with the bot: until they write to it, every call
     * for their chat answers 403, as Telegram does.
     */
    public void neverStartedTheBot(Person person) {
        synchronized (lock) {
            notStarted.add(String.valueOf(person.id()));
        }
    }

    /** Presses a button of a message the bot sent; returns the callback query id. */
    public String press(Person from, Sent message, String data) {
        synchronized (lock) {
            String callbackId = "cbq-" + nextCallbackId++;
            ObjectNode query = NODES.objectNode();
            query.put("id", callbackId);
            query.set("from", user(from));
            query.put("chat_instance", "ci" + message.chatId());
            query.put("data", data);
            query.set("message", botMessage(message));
            ObjectNode update = NODES.objectNode();
            update.set("callback_query", query);
            queue(update);
            return callbackId;
        }
    }

    /** {@code who} adds the bot (and maybe others) to a group. */
    public void botAddedToGroup(long chatId, Person who) {
        synchronized (lock) {
            ObjectNode message = baseMessage(nextMessageId++, chatId, who, false);
            ArrayNode members = message.putArray("new_chat_members");
            members.add(botUser());
            message.set("new_chat_member", botUser());
            queueMessage(message);
        }
    }

    /** The two service messages Telegram sends when a group becomes a supergroup: old chat, then new. */
    public void groupBecameSupergroup(long oldChatId, long newChatId, Person who) {
        synchronized (lock) {
            ObjectNode inOld = baseMessage(nextMessageId++, oldChatId, who, false);
            inOld.put("migrate_to_chat_id", newChatId);
            queueMessage(inOld);
            ObjectNode inNew = baseMessage(nextMessageId++, newChatId, who, false);
            inNew.put("migrate_from_chat_id", oldChatId);
            queueMessage(inNew);
        }
    }

    /** An update that is not what the Bot API promises; returns its update id. */
    public long malformedUpdate() {
        synchronized (lock) {
            long id = nextUpdateId++;
            updates.put(id, "{\"update_id\":" + id + ",\"message\":\"not an object\"}");
            lock.notifyAll();
            return id;
        }
    }

    private long message(long chatId, Person from, String text, Long replyTo, boolean privateChat) {
        synchronized (lock) {
            long messageId = nextMessageId++;
            ObjectNode message = baseMessage(messageId, chatId, from, privateChat);
            message.put("text", text);
            if (text.startsWith("/")) {
                int end = text.indexOf(' ');
                ObjectNode entity = message.putArray("entities").addObject();
                entity.put("type", "bot_command").put("offset", 0).put("length", end < 0 ? text.length() : end);
            }
            if (replyTo != null) {
                Sent original = sent.stream().filter(s -> s.messageId() == replyTo).findFirst().orElse(null);
                message.set("reply_to_message", original != null ? botMessage(original)
                        : baseMessage(replyTo, chatId, new Person(BOT_ID, "Rembug"), privateChat));
            }
            queueMessage(message);
            return messageId;
        }
    }

    private ObjectNode baseMessage(long messageId, long chatId, Person from, boolean privateChat) {
        ObjectNode message = NODES.objectNode();
        message.put("message_id", messageId);
        message.set("from", user(from));
        message.set("chat", chat(String.valueOf(chatId), privateChat ? from.firstName() : null));
        message.put("date", nowSeconds());
        return message;
    }

    private ObjectNode botMessage(Sent sentMessage) {
        ObjectNode message = NODES.objectNode();
        message.put("message_id", sentMessage.messageId());
        message.set("from", botUser());
        message.set("chat", chat(sentMessage.chatId(), "Rembug"));
        message.put("date", nowSeconds());
        message.put("text", sentMessage.text());
        return message;
    }

    private void queueMessage(ObjectNode message) {
        ObjectNode update = NODES.objectNode();
        update.set("message", message);
        queue(update);
    }

    private void queue(ObjectNode update) {
        long id = nextUpdateId++;
        ObjectNode withId = NODES.objectNode();
        withId.put("update_id", id);
        withId.setAll(update);
        updates.put(id, withId.toString());
        lock.notifyAll();
    }

    /** Sends an update again that was delivered before, as Telegram does to a poller that starts afresh. */
    public void unconfirmFrom(long updateId) {
        synchronized (lock) {
            confirmedOffset = Math.min(confirmedOffset, updateId);
        }
    }

    /**
     * From now on the offsets of getUpdates calls confirm nothing, as if those calls never reached
     * Telegram (the bot died right after taking a batch); {@link #keepConfirmations()} ends that.
     */
    public void loseConfirmations() {
        synchronized (lock) {
            confirmationsLost = true;
        }
    }

    public void keepConfirmations() {
        synchronized (lock) {
            confirmationsLost = false;
        }
    }

    // ---- scripted failures ---------------------------------------------------------------

    /** The next {@code times} calls of {@code method} (null: any method) for the chat fail so. */
    public void failNext(String method, long chatId, int times, Failure failure) {
        synchronized (lock) {
            rules.add(new Rule(method, String.valueOf(chatId), failure, times));
        }
    }

    /** Every call for the chat fails so, from now on. */
    public void failAlways(long chatId, Failure failure) {
        failNext(null, chatId, Integer.MAX_VALUE, failure);
    }

    // ---- what the bot did ----------------------------------------------------------------

    /** Messages Telegram accepted for the chat, oldest first. */
    public List<Sent> sentTo(long chatId) {
        String chat = String.valueOf(chatId);
        return sent(s -> s.chatId().equals(chat));
    }

    public List<Sent> sent(Predicate<Sent> filter) {
        synchronized (lock) {
            return sent.stream().filter(filter).toList();
        }
    }

    public List<String> textsSentTo(long chatId) {
        return sentTo(chatId).stream().map(Sent::text).toList();
    }

    /** The last question asked in a group (see {@link Sent#isQuestion()}). */
    public Optional<Sent> latestQuestion(long groupChatId) {
        List<Sent> questions = sentTo(groupChatId).stream().filter(Sent::isQuestion).toList();
        return questions.isEmpty() ? Optional.empty() : Optional.of(questions.get(questions.size() - 1));
    }

    /** The milestone summaries in a person's private chat, oldest first. */
    public List<Sent> summaries(long userChatId) {
        return sentTo(userChatId).stream().filter(Sent::isSummary).toList();
    }

    /** Every call of one method (case-insensitive), failed ones included, oldest first. */
    public List<Call> calls(String method) {
        synchronized (lock) {
            return calls.stream().filter(c -> c.method().equalsIgnoreCase(method)).toList();
        }
    }

    /** Every call of one method for one chat, failed ones included. */
    public List<Call> calls(String method, long chatId) {
        String chat = String.valueOf(chatId);
        return calls(method).stream().filter(c -> chat.equals(c.chatId())).toList();
    }

    /** Every call for one chat, whatever the method. */
    public List<Call> callsFor(long chatId) {
        String chat = String.valueOf(chatId);
        synchronized (lock) {
            return calls.stream().filter(c -> chat.equals(c.chatId())).toList();
        }
    }

    /** How many getUpdates answers have carried this update. */
    public int timesServed(long updateId) {
        synchronized (lock) {
            return (int) served.stream().filter(id -> id == updateId).count();
        }
    }

    /** The message ids the bot put a reaction on in the chat, one entry per successful call. */
    public List<Long> reactionsIn(long chatId) {
        return calls("setMessageReaction", chatId).stream().filter(Call::succeeded)
                .map(call -> call.body().path("message_id").asLong()).toList();
    }

    /** The id the next queued update will get. */
    public long nextUpdateId() {
        synchronized (lock) {
            return nextUpdateId;
        }
    }

    /** What happened so far, for a failing test's message. */
    public String transcript() {
        synchronized (lock) {
            StringBuilder out = new StringBuilder("Fake Telegram: confirmed offset ").append(confirmedOffset)
                    .append(", updates served ").append(served.size()).append("\nupdates:");
            updates.tailMap(Math.max(1, nextUpdateId - 20)).values().forEach(u -> out.append("\n  ").append(u));
            out.append("\nlast calls:");
            calls.subList(Math.max(0, calls.size() - 30), calls.size()).forEach(c -> out.append("\n  ")
                    .append(c.method()).append(' ').append(c.status()).append(' ').append(c.body()));
            return out.toString();
        }
    }

    // ---- the Bot API ---------------------------------------------------------------------

    private final class Transformer implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            String path = serveEvent.getRequest().getUrl();
            int query = path.indexOf('?');
            if (query >= 0) {
                path = path.substring(0, query);
            }
            String prefix = "/bot" + TOKEN + "/";
            if (!path.startsWith(prefix)) {
                return json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
            }
            String method = path.substring(prefix.length());
            JsonNode body = parse(serveEvent.getRequest().getBodyAsString());
            return answer(method, body);
        }

        @Override
        public String getName() {
            return "fake-telegram";
        }
    }

    private ResponseDefinition answer(String method, JsonNode body) {
        String lower = method.toLowerCase(Locale.ROOT);
        if (lower.equals("getupdates")) {
            return json(200, getUpdates(body));
        }
        String chatId = body.hasNonNull("chat_id") ? body.get("chat_id").asText() : null;
        synchronized (lock) {
            long now = System.currentTimeMillis();
            Rule rule = chatId == null ? null
                    : rules.stream().filter(r -> r.matches(method, chatId)).findFirst().orElse(null);
            Failure failure = rule != null ? rule.failure : null;
            if (rule != null) {
                rule.remaining--;
            } else if (chatId != null && notStarted.contains(chatId)) {
                failure = Failure.forbidden("bot can't initiate conversation with a user");
            }
            if (failure != null) {
                calls.add(new Call(method, chatId, body, failure.status(), now));
                return json(failure.status(), failure.body());
            }
            calls.add(new Call(method, chatId, body, 200, now));
            if (lower.equals("sendmessage")) {
                return json(200, "{\"ok\":true,\"result\":" + sendMessage(chatId, body, now) + "}");
            }
            return json(200, "{\"ok\":true,\"result\":true}");
        }
    }

    private String sendMessage(String chatId, JsonNode body, long now) {
        long messageId = nextMessageId++;
        JsonNode markup = body.path("reply_markup");
        boolean forceReply = markup.path("force_reply").asBoolean(false);
        List<List<Button>> buttons = new ArrayList<>();
        for (JsonNode row : markup.path("inline_keyboard")) {
            List<Button> buttonRow = new ArrayList<>();
            for (JsonNode button : row) {
                buttonRow.add(new Button(button.path("text").asText(), button.path("callback_data").asText(null)));
            }
            buttons.add(List.copyOf(buttonRow));
        }
        JsonNode replyParameters = body.path("reply_parameters");
        Long replyTo = null;
        if (replyParameters.hasNonNull("message_id")) {
            replyTo = replyParameters.get("message_id").asLong();
        } else if (body.hasNonNull("reply_to_message_id")) {
            replyTo = body.get("reply_to_message_id").asLong();
        }
        String text = body.path("text").asText();
        sent.add(new Sent(messageId, chatId, text, forceReply, List.copyOf(buttons), replyTo, now));
        ObjectNode message = NODES.objectNode();
        message.put("message_id", messageId);
        message.set("from", botUser());
        message.set("chat", chat(chatId, "Rembug"));
        message.put("date", now / 1000);
        message.put("text", text);
        return message.toString();
    }

    /** Holds the call until an unconfirmed update is there or the timeout (at most a second) is up. */
    private String getUpdates(JsonNode body) {
        long offset = body.path("offset").asLong(0);
        int limit = body.path("limit").asInt(100);
        long holdMillis = Math.min(MAX_HOLD_MILLIS, TimeUnit.SECONDS.toMillis(body.path("timeout").asLong(0)));
        long deadline = System.currentTimeMillis() + holdMillis;
        synchronized (lock) {
            if (!confirmationsLost && offset > confirmedOffset) {
                confirmedOffset = offset;
            }
            while (true) {
                long from = Math.max(offset, confirmedOffset);
                var pending = updates.tailMap(from, true);
                long left = deadline - System.currentTimeMillis();
                if (!pending.isEmpty() || left <= 0) {
                    List<String> batch = pending.values().stream().limit(limit).toList();
                    pending.keySet().stream().limit(limit).forEach(served::add);
                    return "{\"ok\":true,\"result\":[" + String.join(",", batch) + "]}";
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "{\"ok\":true,\"result\":[]}";
                }
            }
        }
    }

    // ---- JSON ----------------------------------------------------------------------------

    private static ResponseDefinition json(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body).build();
    }

    private static ObjectNode user(Person person) {
        ObjectNode user = NODES.objectNode();
        user.put("id", person.id());
        user.put("is_bot", person.id() == BOT_ID);
        user.put("first_name", person.firstName());
        return user;
    }

    private static ObjectNode botUser() {
        ObjectNode bot = user(new Person(BOT_ID, "Rembug"));
        bot.put("username", "rembug_bot");
        return bot;
    }

    private static ObjectNode chat(String chatId, String privateName) {
        ObjectNode chat = NODES.objectNode();
        chat.put("id", Long.parseLong(chatId));
        if (chatId.startsWith("-100")) {
            chat.put("type", "supergroup").put("title", "Warga " + chatId);
        } else if (chatId.startsWith("-")) {
            chat.put("type", "group").put("title", "Warga " + chatId);
        } else {
            chat.put("type", "private").put("first_name", privateName == null ? "Warga" : privateName);
        }
        return chat;
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return NODES.objectNode();
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String text) {
        return NODES.textNode(text).toString();
    }
}
