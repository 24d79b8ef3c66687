package id.rembug.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.dispatch.DispatchKeys;
import id.rembug.bot.telegram.TelegramWebhookController;
import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegram.Person;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.bot.testsupport.RembugApp;
import id.rembug.bot.testsupport.TelegramAppProperties;
import id.rembug.bot.testsupport.TestRedis;
import id.rembug.dialogues.flow.Prompt;
import id.rembug.dialogues.flow.Stage;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ten thousand updates through the webhook of the whole app (real Redis, the fake Bot API):
 * truncated JSON, values of the wrong type, texts beyond Telegram's 4096 characters and beyond the
 * longest answer kept, odd Unicode (right-to-left marks, joined emoji, lone surrogates, NUL), the
 * surprising shapes Telegram really sends, update types that do not exist yet. Generated from one
 * seed, so a failure can be replayed. Among them, residents answer the group's question in updates
 * carrying fields TelegramBots cannot bind. Nothing may answer 5xx, every answer must be kept, and
 * the group must still take a normal answer afterwards.
 */
@TestRedis
class TelegramWebhookFuzzTest {

    private static final long SEED = 20261206L;
    private static final int CASES = 10_000;
    private static final int ANSWERERS = 30;
    private static final String PATH = "/tg/fuzz";
    private static final String SECRET = "fuzz_Secret-13";
    private static final int MAX_ANSWER_LENGTH = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> SHAPES = List.of("group-text", "supergroup-reply-to-bot", "private-text",
            "edited-message", "callback-query", "callback-on-old-message", "bot-added", "member-left",
            "member-joined-by-link", "migrate-to-supergroup", "photo", "sticker", "poll", "channel-post",
            "my-chat-member", "message-without-date", "wrong-field-type", "forum-topic-unknown-keyboard",
            "anonymous-admin-future-field", "callback-mistyped-message", "edited-mistyped",
            "member-joined-mistyped", "voice-without-text", "message-reaction", "chat-boost", "future-update-type");
    private static final List<String> ODD = List.of("\u200F", "\u202E", "\u200D", "👩\u200D👩\u200D👧",
            "🏳️\u200D🌈", "\u0000", "\uFEFF", "ع", "e\u0301", "\uD83D\uDE00", "\u2028");

    private final FakeTelegram telegram = new FakeTelegram();
    private final Random random = new Random(SEED);
    private final AtomicLong updateIds = new AtomicLong(telegram.nextUpdateId() + 1_000_000);
    private final AtomicLong messageIds = new AtomicLong(5_000);

    @Test
    void tenThousandFuzzedUpdatesCrashNothingLoseNoAnswerAndLeaveTheGroupWorking() throws Exception {
        Map<String, Object> properties = new java.util.LinkedHashMap<>(TelegramAppProperties.of(telegram));
        properties.put("spring.main.web-application-type", "servlet");
        properties.put("server.port", "0");
        properties.put("rembug.telegram.mode", "webhook");
        properties.put("rembug.telegram.webhook-url", "https://rembug.example.org" + PATH);
        properties.put("rembug.telegram.webhook-path", PATH);
        properties.put("rembug.telegram.webhook-secret", SECRET);
        properties.put("rembug.conversation.max-answer-length", Integer.toString(MAX_ANSWER_LENGTH));
        // thousands of deliberately broken updates: their warnings would only slow the run down
        properties.put("logging.level.id.rembug.bot.telegram", "ERROR");
        try (telegram; ConfigurableApplicationContext app = RembugApp.start(properties)) {
            URI hook = URI.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port") + PATH);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            StringRedisTemplate redis = app.getBean(StringRedisTemplate.class);

            long group = -4_013_131_313L;
            Person facilitator = new Person(713_000_001L, "Rahmat");
            Person starter = new Person(813_000_001L, "Sari");
            telegram.groupHas(group, 2 + ANSWERERS + 2);
            // the facilitator made the group, so Telegram lets them claim it
            telegram.memberStatus(group, facilitator, "creator");
            assertThat(post(http, hook, botAdded(group, facilitator))).isEqualTo(200);
            assertThat(post(http, hook, text(group, facilitator, "/fasilitator", null))).isEqualTo(200);
            assertThat(post(http, hook, text(group, starter, "/mulai", null))).isEqualTo(200);
            Stage stage = GroupJourney.flow().stage(0);
            Prompt prompt = stage.prompts().get(0);
            await().atMost(Duration.ofSeconds(20)).until(() -> telegram.latestQuestion(group).isPresent());
            long question = telegram.latestQuestion(group).orElseThrow().messageId();
            String sentMessages = DispatchKeys.sentMessages(Long.toString(group));
            await().atMost(Duration.ofSeconds(10)).until(() -> redis.opsForHash().hasKey(sentMessages,
                    Long.toString(question)));

            List<String> cases = new ArrayList<>(CASES + ANSWERERS);
            List<Person> answerers = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                cases.add(fuzzCase(group));
            }
            for (int i = 0; i < ANSWERERS; i++) {
                Person resident = new Person(813_100_000L + i, "Warga" + i);
                answerers.add(resident);
                cases.add(random.nextInt(cases.size() + 1), surprisingAnswer(group, resident, question));
            }

            long started = System.nanoTime();
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            ExecutorService senders = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> sent = new ArrayList<>();
                int lanes = 8;
                for (int lane = 0; lane < lanes; lane++) {
                    int from = lane;
                    sent.add(senders.submit(() -> {
                        for (int i = from; i < cases.size(); i += lanes) {
                            statuses.merge(post(http, hook, cases.get(i)), 1, Integer::sum);
                        }
                        return null;
                    }));
                }
                for (Future<?> future : sent) {
                    future.get();
                }
            } finally {
                senders.shutdownNow();
            }
            long posted = System.nanoTime();
            assertThat(statuses.keySet()).as("answers by status: %s", statuses).allMatch(status -> status < 500);

            // the group still works: one more resident answers normally, after everything above
            Person last = new Person(813_200_000L, "Budi");
            assertThat(post(http, hook, text(group, last, "Saya Budi, ikut hadir", question))).isEqualTo(200);
            String answers = ConversationKeys.answers(Long.toString(group));
            String lastKey = stage.key() + ":1:" + prompt.key() + ":" + last.id();
            await().atMost(Duration.ofSeconds(60)).until(() -> redis.opsForHash().hasKey(answers, lastKey));
            System.out.printf("fuzz: %d updates posted in %d ms (%s), all applied %d ms later%n", cases.size(),
                    (posted - started) / 1_000_000, statuses, (System.nanoTime() - posted) / 1_000_000);

            for (Person resident : answerers) {
                String key = stage.key() + ":1:" + prompt.key() + ":" + resident.id();
                assertThat((String) redis.opsForHash().get(answers, key)).as("the answer of %s", resident.firstName())
                        .isNotNull().contains(resident.firstName());
            }
        }
    }

    private static int post(HttpClient http, URI hook, String body) {
        HttpRequest request = HttpRequest.newBuilder(hook).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header(TelegramWebhookController.SECRET_HEADER, SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException("the webhook did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- the cases ------------------------------------------------------------------------

    private String fuzzCase(long group) {
        ObjectNode update = shape(group);
        return switch (random.nextInt(8)) {
            case 0 -> truncated(update.toString());
            case 1 -> wrongTypes(update).toString();
            case 2 -> withText(update, longText(4_097 + random.nextInt(8_000))).toString();
            case 3 -> withText(update, longText(MAX_ANSWER_LENGTH + 1 + random.nextInt(3_000))).toString();
            case 4 -> oddUnicode(update);
            case 5 -> futureFields(update).toString();
            case 6 -> garbage();
            default -> update.toString();
        };
    }

    /** A real-world shape, with a fresh update id, in the group or another chat. */
    private ObjectNode shape(long group) {
        ObjectNode update = (ObjectNode) sample(SHAPES.get(random.nextInt(SHAPES.size())));
        update.put("update_id", updateIds.incrementAndGet());
        // A group that became a supergroup lives on under its new id: Telegram sends nothing more
        // from the old one, so a migration is only ever played in another chat.
        boolean inGroup = random.nextInt(3) == 0 && update.findValue("migrate_to_chat_id") == null;
        long chat = inGroup ? group : -4_020_000_000L - random.nextInt(20);
        for (JsonNode chatNode : update.findParents("chat")) {
            JsonNode inner = chatNode.get("chat");
            if (inner instanceof ObjectNode object && object.has("id") && !"private".equals(object.path("type").asText())) {
                object.put("id", chat);
            }
        }
        return update;
    }

    private String truncated(String json) {
        return json.substring(0, random.nextInt(Math.max(1, json.length())));
    }

    /** One to three values anywhere in the update replaced by a value of another type. */
    private ObjectNode wrongTypes(ObjectNode update) {
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            List<ObjectNode> parents = new ArrayList<>();
            collectObjects(update, parents);
            ObjectNode parent = parents.get(random.nextInt(parents.size()));
            List<String> fields = new ArrayList<>();
            parent.fieldNames().forEachRemaining(fields::add);
            if (!fields.isEmpty()) {
                String field = fields.get(random.nextInt(fields.size()));
                if (!"update_id".equals(field) || random.nextInt(4) == 0) {
                    parent.set(field, otherThan(parent.get(field)));
                }
            }
        }
        return update;
    }

    private JsonNode otherThan(JsonNode value) {
        return switch (random.nextInt(7)) {
            case 0 -> value.isTextual() ? NODES.numberNode(random.nextLong()) : NODES.textNode("teks " + random.nextInt());
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.nullNode();
            case 3 -> NODES.arrayNode().add(value.deepCopy()).add(1);
            case 4 -> NODES.objectNode().set("wrapped", value.deepCopy());
            case 5 -> NODES.numberNode(random.nextDouble() * 1e20);
            default -> NODES.textNode(value.toString());
        };
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            collectObjects(children.next(), into);
        }
    }

    private static ObjectNode withText(ObjectNode update, String text) {
        for (JsonNode parent : update.findParents("text")) {
            ((ObjectNode) parent).put("text", text);
        }
        for (JsonNode parent : update.findParents("caption")) {
            ((ObjectNode) parent).put("caption", text);
        }
        return update;
    }

    private String longText(int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(random.nextInt(5) == 0 ? ODD.get(random.nextInt(ODD.size())) : "kata" + random.nextInt(100))
                    .append(' ');
        }
        return text.toString();
    }

    /** Odd characters in the texts, and now and then a lone surrogate written as a JSON escape. */
    private String oddUnicode(ObjectNode update) {
        StringBuilder text = new StringBuilder();
        for (int i = 1 + random.nextInt(12); i > 0; i--) {
            text.append(ODD.get(random.nextInt(ODD.size()))).append("warga");
        }
        String json = withText(update, text.toString()).toString();
        if (random.nextBoolean()) {
            json = json.replace("warga", random.nextBoolean() ? "\\ud800warga" : "warga\\udfff");
        }
        return json;
    }

    private ObjectNode futureFields(ObjectNode update) {
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(update, objects);
        objects.get(random.nextInt(objects.size())).putObject("field_from_2027_" + random.nextInt(50))
                .put("kind", "hologram").putArray("layers").add(1).add(2);
        if (random.nextInt(3) == 0) {
            update.putObject("update_type_from_2027").put("anything", random.nextInt());
        }
        if (random.nextInt(3) == 0) {
            for (JsonNode message : update.findParents("message_id")) {
                ((ObjectNode) message).putObject("reply_markup").put("keyboard_kind_2027", "grid");
            }
        }
        return update;
    }

    private String garbage() {
        return switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> "[]";
            case 2 -> "{}";
            case 3 -> "{\"update_id\":\"" + updateIds.incrementAndGet() + "\"}";
            case 4 -> "{\"update_id\":" + Long.MAX_VALUE + ",\"message\":{}}";
            case 5 -> "{\"update_id\":-1,\"message\":null}";
            case 6 -> "null";
            default -> {
                byte[] bytes = new byte[random.nextInt(200)];
                random.nextBytes(bytes);
                yield new String(bytes, StandardCharsets.ISO_8859_1);
            }
        };
    }

    /** A resident's answer to the question, in an update shaped as Telegram's surprises are. */
    private String surprisingAnswer(long group, Person resident, long question) {
        ObjectNode update = (ObjectNode) JSON.valueToTree(JSON.createObjectNode());
        update.put("update_id", updateIds.incrementAndGet());
        ObjectNode message = update.putObject("message");
        message.put("message_id", messageIds.incrementAndGet());
        message.putObject("from").put("id", resident.id()).put("is_bot", false).put("first_name", resident.firstName())
                .putObject("emoji_status_2027").put("custom", "🌱");
        message.putObject("chat").put("id", group).put("title", "RT 13 \u200F").put("type", "supergroup")
                .put("is_forum", random.nextBoolean());
        message.put("date", 1_763_900_000 + random.nextInt(1_000));
        ObjectNode replied = message.putObject("reply_to_message");
        replied.put("message_id", question).put("date", 1_763_899_000);
        replied.putObject("from").put("id", FakeTelegram.BOT_ID).put("is_bot", true).put("first_name", "Rembug");
        replied.putObject("chat").put("id", group).put("type", "supergroup");
        replied.putObject("reply_markup").set("inline_keyboard", NODES.objectNode().put("rows", "later"));
        message.put("text", "Saya " + resident.firstName() + " " + ODD.get(random.nextInt(ODD.size())) + " hadir 👩\u200D👩\u200D👧");
        switch (random.nextInt(3)) {
            case 0 -> message.putObject("sender_boost_count").put("level", 2);
            case 1 -> message.put("link_preview_options", "auto");
            default -> message.putArray("entities").addObject().put("type", "spoiler_2027").put("offset", "0");
        }
        return update.toString();
    }

    private String botAdded(long group, Person who) {
        ObjectNode update = base(group, who);
        ArrayNode members = ((ObjectNode) update.get("message")).putArray("new_chat_members");
        members.addObject().put("id", FakeTelegram.BOT_ID).put("is_bot", true).put("first_name", "Rembug")
                .put("username", FakeTelegram.BOT_USERNAME);
        return update.toString();
    }

    private String text(long group, Person who, String text, Long replyTo) {
        ObjectNode update = base(group, who);
        ObjectNode message = (ObjectNode) update.get("message");
        message.put("text", text);
        if (replyTo != null) {
            ObjectNode replied = message.putObject("reply_to_message");
            replied.put("message_id", replyTo).put("date", 1_763_899_000);
            replied.putObject("from").put("id", FakeTelegram.BOT_ID).put("is_bot", true).put("first_name", "Rembug");
            replied.putObject("chat").put("id", group).put("type", "supergroup");
        }
        return update.toString();
    }

    private ObjectNode base(long group, Person who) {
        ObjectNode update = JSON.createObjectNode();
        update.put("update_id", updateIds.incrementAndGet());
        ObjectNode message = update.putObject("message");
        message.put("message_id", messageIds.incrementAndGet());
        message.putObject("from").put("id", who.id()).put("is_bot", false).put("first_name", who.firstName());
        message.putObject("chat").put("id", group).put("title", "RT 13").put("type", "supergroup");
        message.put("date", 1_763_900_000);
        return update;
    }

    private static JsonNode sample(String name) {
        try (InputStream in = TelegramWebhookFuzzTest.class.getResourceAsStream("/telegram/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
