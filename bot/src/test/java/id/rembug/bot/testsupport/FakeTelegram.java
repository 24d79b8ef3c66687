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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * A stateful stand-in for the Telegram Bot API on WireMock that behaves as Telegram does, as far
 * as Rembug can tell: it keeps the updates people send, hands them out through long-polled
 * {@code getUpdates} the way Telegram does (an update stays until a later call's {@code offset}
 * confirms it, so a new poller is served everything unconfirmed), keeps every message of every
 * chat as Telegram would return it, remembers what the bot did, and fails calls on request (429,
 * 403, 5xx, a group that became a supergroup).
 *
 * <p>Every {@code POST /bot<token>/<method>} is answered by one WireMock extension; method names
 * are matched case-insensitively (TelegramBots writes some in lower case, {@code sendmessage},
 * others in camel case, {@code setMessageReaction}).
 *
 * <h2>What it does as Telegram does</h2>
 * <ul>
 *   <li><b>Messages</b> carry {@code reply_markup} only as an inline keyboard. A ForceReply (or a
 *       reply keyboard) the bot sent is never echoed back: not in sendMessage's result, not in the
 *       {@code reply_to_message} of a member's reply, not in a button press's {@code message}.
 *       {@link Sent#forceReply()} still tells a test what the bot asked for.</li>
 *   <li>A member's <b>reply</b> carries {@code reply_to_message}: the replied-to message as it
 *       stands now (edited text, current inline keyboard), without its own reply.</li>
 *   <li><b>Privacy mode</b> (on by default, {@link #privacyMode(boolean)} per test): in a group
 *       the bot receives only commands ({@code /x}, or {@code /x@}{@value #BOT_USERNAME}; a command
 *       addressed to another bot is not delivered), replies to the bot's messages, messages that
 *       mention {@code @}{@value #BOT_USERNAME}, service messages (the bot or members joining or
 *       leaving, migration) and button presses. Anything else a member says in a group gets its
 *       message id and stays in the chat, but never reaches getUpdates: {@link #say} tells which
 *       happened and {@link #hiddenByPrivacy(long)} lists what the bot did not see. Telegram
 *       delivers a bare {@code /x} only if this bot was the last bot to write in the group; with
 *       one bot per test group it always is. Private chats see everything.</li>
 *   <li><b>Ids</b>: message ids count up per chat, people's messages and the bot's sharing one
 *       sequence; update ids count up per bot. Each fake starts both from a block of its own,
 *       because the test Redis outlives a fake and an update id it has seen is (rightly) ignored.</li>
 *   <li><b>Limits</b>: a text of 1-4096 characters (UTF-16 units, as Telegram counts them), else
 *       400 "message text is empty" / "message is too long" (editMessageText: "text must be
 *       non-empty" / "MESSAGE_TOO_LONG"); callback data of 1-64 bytes, else 400
 *       "BUTTON_DATA_INVALID"; a callback answer's text of 0-200 characters, else 400
 *       "MESSAGE_TOO_LONG".</li>
 *   <li><b>editMessageText</b> (chat_id + message_id; inline messages are not modelled) replaces
 *       the text and the inline keyboard of one of the bot's messages and returns the edited
 *       message with its {@code edit_date}; an edit without {@code reply_markup} removes the
 *       keyboard, as Telegram does. The same text and keyboard again: 400 "message is not
 *       modified: ..."; an id the chat does not have: 400 "message to edit not found"; a
 *       member's message: 400 "message can't be edited".</li>
 *   <li><b>setMessageReaction</b> on an id the chat does not have: 400 "message to react not
 *       found". <b>answerCallbackQuery</b> for a query that was never sent or is already
 *       answered: 400 "query is too old and response timeout expired or query ID is invalid";
 *       its text and {@code show_alert} are recorded ({@link #callbackAnswersIn(long)}). The
 *       15-second deadline for answering is not modelled.</li>
 *   <li><b>sendMessage</b> replying to a message the chat does not have: sent without the reply
 *       when {@code allow_sending_without_reply}, else 400 "message to be replied not found".</li>
 *   <li><b>Media</b>: people send voice notes, photos (in two sizes, the largest last), documents and
 *       locations as Telegram shapes them ({@link #voiceNote}, {@link #photo}, {@link #document},
 *       {@link #location}). {@code copyMessage} copies a message into another chat (400 "message to
 *       copy not found" for an id the source chat lacks; counted like a message); {@code getFile}
 *       gives a {@code file_path} (400 "file is too big" over 20 MB, "invalid file_id" for one it
 *       never saw) and {@code GET /file/bot<token>/<file_path>} the bytes, until
 *       {@link #expireFileLinks()} makes the paths handed out so far 404.</li>
 * </ul>
 *
 * <h2>Polls and pins</h2>
 * <ul>
 *   <li><b>sendPoll</b> (a question of 1-300 characters, 2-10 options of 1-100 characters, else 400
 *       "poll question length must not exceed 300" / "POLL_OPTIONS_TOO_FEW" / "POLL_OPTIONS_TOO_MUCH"
 *       / "poll options length must not exceed 100") returns the message with its {@code poll}:
 *       Telegram's poll id, the options, {@code is_anonymous} as asked (Telegram's default: true).
 *       {@link #vote} delivers a {@code poll_answer} as Telegram does for a non-anonymous poll: the
 *       poll id, the {@code user} and {@code option_ids} (empty: the vote taken back), and no chat.
 *       An anonymous or stopped poll takes no votes.</li>
 *   <li><b>stopPoll</b> closes one of the bot's polls and returns the poll; its {@code reply_markup}
 *       replaces the keyboard. Again: 400 "poll has already been closed"; not a poll: 400 "message
 *       with poll to stop not found".</li>
 *   <li><b>pinChatMessage</b> pins a message of the chat ({@link #pinsIn}); an id the chat does not
 *       have: 400 "message to pin not found"; a chat where the bot may not pin
 *       ({@link #botMayNotPin}): 400 "not enough rights to manage pinned messages in the chat".</li>
 * </ul>
 *
 * <h2>Rate limits (off unless {@link #rateLimits(RateLimits)} turns them on)</h2>
 * Telegram's Bot FAQ names three: about 30 messages a second overall, about one a second per chat
 * (short bursts pass), and 20 a minute per group. {@link RateLimits#TELEGRAM} enforces them as an
 * overall sliding window of 30 per second, a per-chat bucket of 3 refilled one per second, and a
 * per-group (negative chat id) sliding window of 20 per minute. A call over any of them is
 * refused with 429 "Too Many Requests: retry after N" and {@code parameters.retry_after} = N, the
 * whole seconds until every limit it met has room again; a refused call takes no room.
 *
 * <p>What counts: {@code sendMessage}, and also {@code editMessageText} and
 * {@code setMessageReaction}. Telegram documents limits only for messages; how edits and
 * reactions count is not documented, so this double counts them like messages, the conservative
 * reading (a bot that stays under these limits stays under Telegram's). Not counted:
 * {@code answerCallbackQuery} (an answer to a person's press, not a message in a chat),
 * {@code getUpdates} and the set-up calls. Calls refused for any other reason (400, 403, scripted
 * failures) take no room either.
 *
 * <h2>Not modelled</h2>
 * Telegram trimming whitespace around texts, parse modes and entities in the bot's texts, sending
 * media as the bot, inline mode, chats the bot was never added to ("chat not found"), expiry of callback queries and
 * of unconfirmed updates.
 */
public final class FakeTelegram implements AutoCloseable {

    public static final String TOKEN = "123456:TEST-token";
    /** The bot's own user id: the number in front of its token. */
    public static final long BOT_ID = 123456L;
    /** The bot's username, for {@code /x@rembug_bot} and mentions. */
    public static final String BOT_USERNAME = "rembug_bot";
    /** Telegram's limit on a message text, in UTF-16 units. */
    public static final int MAX_TEXT_LENGTH = 4096;
    /** Telegram's limit on a button's callback data, in bytes. */
    public static final int MAX_CALLBACK_DATA_BYTES = 64;
    /** Telegram's limit on the text of a callback answer, in characters. */
    public static final int MAX_CALLBACK_ANSWER_LENGTH = 200;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final AtomicLong BLOCKS = new AtomicLong();
    private static final long BLOCK_SIZE = 10_000_000L;
    /** The longest a getUpdates call is held open, whatever timeout it asks for. */
    private static final long MAX_HOLD_MILLIS = 1_000;
    private static final Set<String> COUNTED = Set.of("sendmessage", "editmessagetext", "setmessagereaction",
            "sendpoll", "stoppoll", "pinchatmessage", "copymessage");
    /** The most getFile serves: bigger files are "too big" (Bot API: 20 MB). */
    public static final long MAX_GET_FILE_BYTES = 20L * 1024 * 1024;
    private static final String NOT_MODIFIED = "Bad Request: message is not modified: specified new message content"
            + " and reply markup are exactly the same as a current content and reply markup of the message";
    private static final String QUERY_INVALID =
            "Bad Request: query is too old and response timeout expired or query ID is invalid";

    /** A person in the test, with the name Telegram shows. */
    public record Person(long id, String firstName) {
    }

    /** An inline button of a sent message: callback {@code data}, or a {@code url} to open. */
    public record Button(String label, String data, String url) {

        public Button(String label, String data) {
            this(label, data, null);
        }
    }

    /**
     * A message the bot sent and Telegram accepted, as the bot sent it ({@link #forceReply()} is
     * what the bot asked for, which Telegram never shows back). Later edits do not change it; see
     * {@link #editsIn(long)} and {@link #message(long, long)}.
     */
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

        /**
         * A question to the whole group: a reply request, answer buttons or a private-chat link, and
         * not a reply to anyone.
         */
        public boolean isQuestion() {
            return replyTo == null && (forceReply || hasButtonWithDataStarting("a|") || opensPrivateChat());
        }

        /** A sensitive question's: a link button that starts the bot in the presser's private chat. */
        public boolean opensPrivateChat() {
            return allButtons().stream().anyMatch(b -> b.url() != null && b.url().contains("?start="));
        }

        /** A milestone summary: it carries the facilitator's "next stage" button (a plan proposal has others). */
        public boolean isSummary() {
            return allButtons().stream().anyMatch(b -> b.data() != null && b.data().startsWith("f|")
                    && b.data().contains("|ADVANCE|"));
        }
    }

    /** A poll the bot sent and Telegram accepted. */
    public record Poll(long messageId, String chatId, String pollId, String question, List<String> options,
                       boolean anonymous, List<List<Button>> buttons, long atMillis) {
    }

    /** A message the bot pinned. */
    public record Pin(String chatId, long messageId, boolean silent, long atMillis) {
    }

    /** An edit Telegram accepted: the message's new text and inline keyboard. */
    /** A copyMessage the bot made: a person's message copied into {@code chatId}. */
    public record Copy(long messageId, String chatId, String fromChatId, long fromMessageId, String caption,
                       long atMillis) {
    }

    /** A file someone sent; {@code size} as Telegram reports it (the bytes may be a small stand-in). */
    private record StoredFile(String fileId, String uniqueId, String folder, byte[] bytes, long size,
                              String mimeType) {
    }

    public record Edit(long messageId, String chatId, String text, List<List<Button>> buttons, long atMillis) {
    }

    /** An answer to a button press Telegram accepted; {@code chatId} is where the pressed message is. */
    public record CallbackAnswer(String callbackQueryId, String chatId, String text, boolean showAlert,
                                 long atMillis) {
    }

    /**
     * A message a person wrote. {@code updateId} is the update that carries it to the bot, or null
     * when privacy mode kept it from the bot.
     */
    public record Said(long messageId, String chatId, Long updateId) {

        public boolean reachedTheBot() {
            return updateId != null;
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

        public static Failure badRequest(String description) {
            return new Failure(400, "Bad Request: " + description, null);
        }

        /** The answer Telegram gives with this status. */
        public String body() {
            return "{\"ok\":false,\"error_code\":" + status + ",\"description\":" + quote(description)
                    + (parameters == null ? "" : ",\"parameters\":" + parameters) + "}";
        }
    }

    /**
     * Telegram's rate limits as this double enforces them (see the class comment): {@code overall}
     * calls in any {@code overallWindow}; per chat a bucket of {@code chatBurst} refilled one per
     * {@code chatInterval}; per group chat {@code perGroup} in any {@code groupWindow}.
     */
    public record RateLimits(int overall, Duration overallWindow, Duration chatInterval, int chatBurst, int perGroup,
                             Duration groupWindow) {

        /** Telegram's limits: 30/s overall, 1/s per chat with bursts of 3, 20/min per group. */
        public static final RateLimits TELEGRAM = new RateLimits(30, Duration.ofSeconds(1), Duration.ofSeconds(1), 3,
                20, Duration.ofMinutes(1));
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

    /** One chat's messages, as Telegram would return them now, and its id sequence. */
    private final class Chat {
        final String id;
        long nextMessageId = messageIdBlock;
        final Map<Long, ObjectNode> messages = new HashMap<>();
        final Set<Long> fromBot = new HashSet<>();
        /** Per-chat bucket: the time at which it is full again (GCRA's theoretical arrival time). */
        long bucketFullAtMillis;
        final ArrayDeque<Long> groupWindow = new ArrayDeque<>();
        /** getChatMemberCount's answer, bots included, once a test said it ({@link #groupHas}). */
        Integer memberCount;
        /**
         * getChatMember's answers: everyone seen in the chat is a "member" until a test says
         * otherwise ({@link #memberStatus}); leaving makes them "left"; anyone else is not found.
         */
        final Map<Long, Standing> standings = new HashMap<>();

        Chat(String id) {
            this.id = id;
        }
    }

    private record Callback(String chatId, boolean answered) {
    }

    private record Standing(Person person, String status) {
    }

    /** Records a person seen in a group, keeping any status a test gave them. */
    private void seen(String chatId, Person person) {
        if (!chatId.startsWith("-") || person.id() == BOT_ID || person.equals(GROUP_ANONYMOUS_BOT)
                || person.equals(CHANNEL_BOT)) {
            return;
        }
        chat(chatId).standings.putIfAbsent(person.id(), new Standing(person, "member"));
    }

    /**
     * The person's status in the group as getChatMember answers it: {@code creator},
     * {@code administrator}, {@code member}, {@code restricted}, {@code left} or {@code kicked}.
     */
    public void memberStatus(long chatId, Person person, String status) {
        synchronized (lock) {
            chat(String.valueOf(chatId)).standings.put(person.id(), new Standing(person, status));
        }
    }

    private Outcome chatMember(String chatId, JsonNode body) {
        if (chatId == null) {
            return Outcome.fail(Failure.badRequest("chat_id is empty"));
        }
        if (!chats.containsKey(chatId)) {
            return Outcome.fail(Failure.badRequest("chat not found"));
        }
        long userId = body.path("user_id").asLong(0);
        Standing standing = chat(chatId).standings.get(userId);
        if (standing == null) {
            return Outcome.fail(Failure.badRequest("user not found"));
        }
        ObjectNode member = NODES.objectNode();
        member.put("status", standing.status());
        member.set("user", user(standing.person()));
        switch (standing.status()) {
            case "creator" -> member.put("is_anonymous", false);
            case "administrator" -> member.put("can_be_edited", false).put("is_anonymous", false)
                    .put("can_manage_chat", true).put("can_delete_messages", true)
                    .put("can_manage_video_chats", true).put("can_restrict_members", true)
                    .put("can_promote_members", false).put("can_change_info", true)
                    .put("can_invite_users", true).put("can_pin_messages", true);
            default -> {
            }
        }
        return Outcome.ok(member.toString());
    }

    private final WireMockServer server;
    private final String token;
    private final Object lock = new Object();
    private final Map<String, ArrayDeque<ResponseDefinition>> scripts = new HashMap<>();
    private final long messageIdBlock;
    private final TreeMap<Long, String> updates = new TreeMap<>();
    private final Map<Long, Long> queuedAt = new HashMap<>();
    private final Map<String, Chat> chats = new HashMap<>();
    private final Map<String, String> privateNames = new HashMap<>();
    private final Map<String, Callback> callbacks = new HashMap<>();
    private final List<Sent> sent = new ArrayList<>();
    private final List<Edit> edits = new ArrayList<>();
    private final List<Poll> pollsSent = new ArrayList<>();
    private final Set<String> stoppedPolls = new HashSet<>();
    private final List<Pin> pins = new ArrayList<>();
    private final Set<String> pinRefused = new HashSet<>();
    private long nextPollId = 1;
    private final List<Copy> copies = new ArrayList<>();
    /** Files people sent, by file_id: what getFile and the file download serve. */
    private final Map<String, StoredFile> files = new HashMap<>();
    /** Bumped by {@link #expireFileLinks()}: paths handed out before then no longer download. */
    private int fileLinkGeneration;
    private final AtomicLong fileCounter = new AtomicLong();
    private final List<CallbackAnswer> callbackAnswers = new ArrayList<>();
    private final List<Said> hidden = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private final Set<String> newerFields = new HashSet<>();
    private final List<Long> served = new ArrayList<>();
    private final Set<String> notStarted = new HashSet<>();
    /** Who pressed Start or wrote in their private chat with the bot. */
    private final Set<String> startedPrivately = new HashSet<>();
    private boolean privateChatsNeedStart;
    private final ArrayDeque<Long> overallWindow = new ArrayDeque<>();
    private RateLimits rateLimits;
    private Clock clock = Clock.systemUTC();
    private boolean privacyMode = true;
    private long rateLimited;
    private long chatRateLimited;
    private long polls;
    private long nextUpdateId;
    private long nextCallbackId;
    private long confirmedOffset;
    private boolean confirmationsLost;

    public FakeTelegram() {
        this(TOKEN);
    }

    /** A Telegram that knows the bot by this token; calls with any other are answered 404, as Telegram does. */
    public FakeTelegram(String token) {
        this.token = token;
        long block = BLOCKS.incrementAndGet() * BLOCK_SIZE;
        nextUpdateId = block + 1;
        messageIdBlock = block + 1;
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

    // ---- how Telegram is set up ----------------------------------------------------------

    /** Privacy mode on (the default, as BotFather sets it) or off (the bot sees all group messages). */
    public void privacyMode(boolean on) {
        synchronized (lock) {
            privacyMode = on;
        }
    }

    /** Enforces Telegram's rate limits from now on, with 429s ({@code null}: none, the default). */
    public void rateLimits(RateLimits limits) {
        synchronized (lock) {
            rateLimits = limits;
            overallWindow.clear();
            chats.values().forEach(chat -> {
                chat.bucketFullAtMillis = 0;
                chat.groupWindow.clear();
            });
        }
    }

    /**
     * The Bot API methods read the time from this clock from now on (the moment a call arrives:
     * its rate limits and the times of what was sent); the system's by default. For a test that
     * moves time by hand together with the bot.
     */
    public void clock(Clock clock) {
        synchronized (lock) {
            this.clock = clock;
        }
    }

    // ---- what people do ------------------------------------------------------------------

    /**
     * A person writes in a group; {@code replyTo} is the id of the message in that chat it replies
     * to, or null. Returns the id Telegram gave the message, whether or not privacy mode let the
     * bot see it ({@link #say} tells which).
     */
    public long groupText(long chatId, Person from, String text, Long replyTo) {
        return say(chatId, from, text, replyTo).messageId();
    }

    /**
     * A person writes in a chat (a group, or their private chat with the bot when {@code chatId}
     * is their own id). In a group under privacy mode, chatter that is no command, no reply to the
     * bot and no mention of it gets an id but no update.
     */
    public Said say(long chatId, Person from, String text, Long replyTo) {
        return say(chatId, from, null, text, replyTo);
    }

    /** Telegram's shared sender of messages an anonymous admin posts as the group. */
    public static final Person GROUP_ANONYMOUS_BOT = new Person(1087968824L, "Group");
    /** Telegram's shared sender of messages a linked channel posts. */
    public static final Person CHANNEL_BOT = new Person(136817688L, "Channel");

    /**
     * An anonymous admin writes as the group: {@code from} is GroupAnonymousBot and
     * {@code sender_chat} the group itself, as Telegram sends it.
     */
    public Said anonymousAdminSays(long chatId, String text, Long replyTo) {
        ObjectNode group = NODES.objectNode().put("id", chatId).put("title", "Grup " + chatId).put("type", "supergroup");
        return say(chatId, GROUP_ANONYMOUS_BOT, group, text, replyTo);
    }

    /** A linked channel's post in the group: {@code from} is Channel_Bot, {@code sender_chat} the channel. */
    public Said channelSays(long chatId, long channelId, String text, Long replyTo) {
        ObjectNode channel = NODES.objectNode().put("id", channelId).put("title", "Kanal " + channelId)
                .put("type", "channel");
        return say(chatId, CHANNEL_BOT, channel, text, replyTo);
    }

    private Said say(long chatId, Person from, ObjectNode senderChat, String text, Long replyTo) {
        synchronized (lock) {
            String chat = String.valueOf(chatId);
            boolean privateChat = chatId > 0;
            if (privateChat) {
                privateNames.put(chat, from.firstName());
            }
            Chat log = chat(chat);
            long messageId = log.nextMessageId++;
            ObjectNode message = baseMessage(messageId, chat, from);
            seen(chat, from);
            if (senderChat != null) {
                message.set("sender_chat", senderChat);
            }
            message.put("text", text);
            ArrayNode entities = NODES.arrayNode();
            String command = commandOf(text);
            if (command != null) {
                entities.addObject().put("type", "bot_command").put("offset", 0).put("length", command.length());
            }
            int mention = text.toLowerCase(Locale.ROOT).indexOf("@" + BOT_USERNAME);
            if (mention >= 0 && (command == null || mention > command.length())) {
                entities.addObject().put("type", "mention").put("offset", mention)
                        .put("length", BOT_USERNAME.length() + 1);
            }
            if (!entities.isEmpty()) {
                message.set("entities", entities);
            }
            boolean repliesToBot = replying(log, chat, message, replyTo);
            log.messages.put(messageId, message);
            boolean seen = privateChat || !privacyMode || repliesToBot || mention >= 0
                    || command != null && (!command.contains("@")
                    || command.substring(command.indexOf('@') + 1).equalsIgnoreCase(BOT_USERNAME));
            if (!seen) {
                Said said = new Said(messageId, chat, null);
                hidden.add(said);
                return said;
            }
            return new Said(messageId, chat, queueMessage(message));
        }
    }

    // ---- media people send ----------------------------------------------------------------

    /**
     * A voice note (OGG/Opus, as Telegram records them) in reply to {@code replyTo}, with the
     * audio bytes getFile and the file download then serve.
     */
    public Said voiceNote(long chatId, Person from, Long replyTo, int seconds, byte[] ogg) {
        return voiceNote(chatId, from, replyTo, seconds, ogg, ogg.length);
    }

    /** A voice note Telegram reports as {@code size} bytes (over 20 MB getFile refuses it). */
    public Said voiceNote(long chatId, Person from, Long replyTo, int seconds, byte[] ogg, long size) {
        ObjectNode voice = fileNode(storeFile("voice", ogg, size, "audio/ogg"));
        voice.put("duration", seconds).put("mime_type", "audio/ogg");
        return media(chatId, from, replyTo, "voice", voice, null);
    }

    /** A photo in the sizes Telegram makes of it (the largest last), maybe with a caption. */
    public Said photo(long chatId, Person from, Long replyTo, String caption, byte[] jpeg) {
        ArrayNode sizes = NODES.arrayNode();
        StoredFile thumb = storeFile("photos", jpeg, jpeg.length, "image/jpeg");
        sizes.add(fileNode(thumb).put("width", 90).put("height", 68));
        StoredFile large = storeFile("photos", jpeg, jpeg.length, "image/jpeg");
        sizes.add(fileNode(large).put("width", 1280).put("height", 960));
        return media(chatId, from, replyTo, "photo", sizes, caption);
    }

    /** A file Telegram reports as {@code size} bytes (over 20 MB getFile refuses it). */
    public Said document(long chatId, Person from, Long replyTo, String fileName, String mimeType, long size,
                         byte[] bytes) {
        ObjectNode document = fileNode(storeFile("documents", bytes, size, mimeType));
        document.put("file_name", fileName).put("mime_type", mimeType);
        return media(chatId, from, replyTo, "document", document, null);
    }

    /** A shared location (no file). */
    public Said location(long chatId, Person from, Long replyTo, double latitude, double longitude) {
        ObjectNode location = NODES.objectNode().put("latitude", latitude).put("longitude", longitude);
        return media(chatId, from, replyTo, "location", location, null);
    }

    /** Makes {@code message} a reply to {@code replyTo} (if any), as Telegram shows it; whether that was the bot's. */
    private boolean replying(Chat log, String chat, ObjectNode message, Long replyTo) {
        if (replyTo == null) {
            return false;
        }
        ObjectNode original = log.messages.get(replyTo);
        if (original == null) {
            throw new IllegalArgumentException("chat " + chat + " has no message " + replyTo + " to reply to");
        }
        message.set("reply_to_message", withoutReply(original));
        return log.fromBot.contains(replyTo);
    }

    /** Telegram hands out new file paths: the old download links fail, getFile gives working ones. */
    public void expireFileLinks() {
        synchronized (lock) {
            fileLinkGeneration++;
        }
    }

    /** Every copyMessage the bot made into {@code chatId}, in order. */
    public List<Copy> copiesIn(long chatId) {
        synchronized (lock) {
            return copies.stream().filter(c -> c.chatId().equals(String.valueOf(chatId))).toList();
        }
    }

    private StoredFile storeFile(String folder, byte[] bytes, long size, String mimeType) {
        long n = fileCounter.incrementAndGet();
        StoredFile file = new StoredFile("FILE-" + folder + "-" + n + "-" + Long.toHexString(BLOCK_SIZE * n),
                "U" + folder.charAt(0) + n, folder, bytes, size, mimeType);
        synchronized (lock) {
            files.put(file.fileId(), file);
        }
        return file;
    }

    private static ObjectNode fileNode(StoredFile file) {
        return NODES.objectNode().put("file_id", file.fileId()).put("file_unique_id", file.uniqueId())
                .put("file_size", file.size());
    }

    /** A message carrying {@code field} (voice, photo, location...) instead of text, as Telegram sends it. */
    private Said media(long chatId, Person from, Long replyTo, String field, JsonNode value, String caption) {
        synchronized (lock) {
            String chat = String.valueOf(chatId);
            Chat log = chat(chat);
            long messageId = log.nextMessageId++;
            ObjectNode message = baseMessage(messageId, chat, from);
            seen(chat, from);
            message.set(field, value);
            if (caption != null) {
                message.put("caption", caption);
            }
            boolean repliesToBot = replying(log, chat, message, replyTo);
            log.messages.put(messageId, message);
            if (chatId < 0 && privacyMode && !repliesToBot) {
                Said said = new Said(messageId, chat, null);
                hidden.add(said);
                return said;
            }
            return new Said(messageId, chat, queueMessage(message));
        }
    }

    /**
     * A text in a person's private chat with the bot. Like pressing Start, it opens the chat:
     * from now on the bot may write to them.
     */
    public long privateText(Person from, String text) {
        synchronized (lock) {
            notStarted.remove(String.valueOf(from.id()));
            startedPrivately.add(String.valueOf(from.id()));
            return say(from.id(), from, text, null).messageId();
        }
    }

    /**
     * As Telegram has it, a private chat with the bot exists only once the person pressed Start (or
     * wrote to it): from now on every call for the private chat of someone who has not answers 403
     * "bot can't initiate conversation with a user". Off by default, where the test says who never
     * started the bot ({@link #neverStartedTheBot}).
     */
    public void privateChatsNeedStart() {
        synchronized (lock) {
            privateChatsNeedStart = true;
        }
    }

    /**
     * The person presses a t.me link button of the bot's message, as a Telegram app does: a link to
     * this bot with {@code ?start=<payload>} opens their private chat, and pressing Start there sends
     * {@code /start <payload>} (a payload Telegram does not accept, anything but 1-64 of A-Z a-z 0-9 _
     * -, is dropped: plain {@code /start}). From then on the bot may write to them. Returns the
     * message id of the {@code /start}.
     */
    public long pressLink(Person from, Button button) {
        String url = button.url();
        String prefix = "https://t.me/" + BOT_USERNAME;
        if (url == null || !(url.equals(prefix) || url.startsWith(prefix + "?"))) {
            throw new IllegalArgumentException("not a link to this bot: " + button);
        }
        int at = url.indexOf("start=");
        String payload = at < 0 ? "" : url.substring(at + "start=".length());
        String command = payload.matches("[A-Za-z0-9_-]{1,64}") ? "/start " + payload : "/start";
        return privateText(from, command);
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

    /**
     * Presses a button of a message the bot sent; returns the callback query id. The query carries
     * the message as it stands now (edits included, inline keyboard only).
     */
    public String press(Person from, Sent message, String data) {
        return press(from, Long.parseLong(message.chatId()), message.messageId(), data);
    }

    /** Presses a button of the bot's message {@code messageId} in the chat; returns the callback query id. */
    public String press(Person from, long chatId, long messageId, String data) {
        synchronized (lock) {
            String chat = String.valueOf(chatId);
            ObjectNode pressed = chat(chat).messages.get(messageId);
            if (pressed == null || !chat(chat).fromBot.contains(messageId)) {
                throw new IllegalArgumentException("chat " + chat + " has no message " + messageId + " of the bot");
            }
            String callbackId = "cbq-" + nextCallbackId++;
            callbacks.put(callbackId, new Callback(chat, false));
            ObjectNode query = NODES.objectNode();
            query.put("id", callbackId);
            query.set("from", user(from));
            query.put("chat_instance", "ci" + chat);
            query.put("data", data);
            query.set("message", pressed.deepCopy());
            ObjectNode update = NODES.objectNode();
            update.set("callback_query", query);
            queue(update);
            return callbackId;
        }
    }

    /**
     * A member votes in a poll the bot sent, as Telegram delivers it for a non-anonymous poll: a
     * {@code poll_answer} with the poll's id, the voter and the chosen option ids, no chat; no
     * options takes the vote back. Returns the update id.
     */
    public long vote(Person voter, Poll poll, int... optionIds) {
        synchronized (lock) {
            if (poll.anonymous()) {
                throw new IllegalStateException("an anonymous poll sends the bot no poll_answer");
            }
            if (stoppedPolls.contains(poll.pollId())) {
                throw new IllegalStateException("poll " + poll.pollId() + " is closed: Telegram takes no more votes");
            }
            ObjectNode answer = NODES.objectNode();
            answer.put("poll_id", poll.pollId());
            answer.set("user", user(voter));
            ArrayNode options = answer.putArray("option_ids");
            for (int option : optionIds) {
                options.add(option);
            }
            ObjectNode update = NODES.objectNode();
            update.set("poll_answer", answer);
            return queue(update);
        }
    }

    /** From now on the bot may not pin messages in this chat (it is no admin with that right). */
    public void botMayNotPin(long chatId) {
        synchronized (lock) {
            pinRefused.add(String.valueOf(chatId));
        }
    }

    /**
     * The group has this many members, bots included, as getChatMemberCount answers; until a test
     * says so, the fake answers that call with 400, and the bot goes on with the members it knows.
     */
    public void groupHas(long chatId, int members) {
        synchronized (lock) {
            chat(String.valueOf(chatId)).memberCount = members;
        }
    }

    /** {@code who} adds the bot to a group. */
    public void botAddedToGroup(long chatId, Person who) {
        synchronized (lock) {
            seen(String.valueOf(chatId), who);
            serviceMessage(chatId, who, message -> {
                message.putArray("new_chat_members").add(botUser());
                message.set("new_chat_member", botUser());
            });
        }
    }

    /** {@code member} joins a group (Telegram's service message, which privacy mode lets through). */
    public long memberJoined(long chatId, Person member) {
        synchronized (lock) {
            seen(String.valueOf(chatId), member);
            return serviceMessage(chatId, member, message -> {
                message.putArray("new_chat_members").add(user(member));
                message.set("new_chat_member", user(member));
            });
        }
    }

    /** {@code member} leaves a group. */
    public long memberLeft(long chatId, Person member) {
        synchronized (lock) {
            chat(String.valueOf(chatId)).standings.put(member.id(), new Standing(member, "left"));
            return serviceMessage(chatId, member, message -> {
                message.set("left_chat_member", user(member));
                message.set("left_chat_participant", user(member));
            });
        }
    }

    /** The two service messages Telegram sends when a group becomes a supergroup: old chat, then new. */
    public void groupBecameSupergroup(long oldChatId, long newChatId, Person who) {
        synchronized (lock) {
            serviceMessage(oldChatId, who, message -> message.put("migrate_to_chat_id", newChatId));
            serviceMessage(newChatId, who, message -> message.put("migrate_from_chat_id", oldChatId));
        }
    }

    /** An update that is not what the Bot API promises; returns its update id. */
    public long malformedUpdate() {
        synchronized (lock) {
            long id = nextUpdateId++;
            updates.put(id, "{\"update_id\":" + id + ",\"message\":\"not an object\"}");
            queuedAt.put(id, System.currentTimeMillis());
            lock.notifyAll();
            return id;
        }
    }

    private long serviceMessage(long chatId, Person who, java.util.function.Consumer<ObjectNode> fill) {
        String chat = String.valueOf(chatId);
        Chat log = chat(chat);
        long messageId = log.nextMessageId++;
        ObjectNode message = baseMessage(messageId, chat, who);
        fill.accept(message);
        log.messages.put(messageId, message);
        queueMessage(message);
        return messageId;
    }

    private Chat chat(String chatId) {
        return chats.computeIfAbsent(chatId, Chat::new);
    }

    /** {@code /x} or {@code /x@bot} at the start of the text, or null. */
    private static String commandOf(String text) {
        if (text.length() < 2 || text.charAt(0) != '/' || !Character.isLetter(text.charAt(1))) {
            return null;
        }
        int end = 1;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }

    private ObjectNode baseMessage(long messageId, String chatId, Person from) {
        ObjectNode message = NODES.objectNode();
        message.put("message_id", messageId);
        message.set("from", user(from));
        message.set("chat", chatNode(chatId));
        message.put("date", nowSeconds());
        return message;
    }

    private static ObjectNode withoutReply(ObjectNode message) {
        ObjectNode copy = message.deepCopy();
        copy.remove("reply_to_message");
        return copy;
    }

    private long queueMessage(ObjectNode message) {
        ObjectNode update = NODES.objectNode();
        update.set("message", message.deepCopy());
        return queue(update);
    }

    private long queue(ObjectNode update) {
        long id = nextUpdateId++;
        ObjectNode withId = NODES.objectNode();
        withId.put("update_id", id);
        withId.setAll(update);
        updates.put(id, withId.toString());
        queuedAt.put(id, System.currentTimeMillis());
        lock.notifyAll();
        return id;
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

    /**
     * From now on the calls of {@code method} (case-insensitive) get these answers, exactly as
     * written, one each in order, and the last one again for every later call: for the rare test
     * of how the bot reads an answer Telegram would not give this fake's way (a 502 page from a
     * proxy, a slow answer, a batch of raw updates). Scripted calls are recorded like any other
     * ({@link #calls(String)}, {@link #bodies(String)}), getUpdates included; nothing else about
     * the chat changes.
     */
    public void script(String method, ResponseDefinitionBuilder... answers) {
        if (answers.length == 0) {
            throw new IllegalArgumentException("script " + method + " with at least one answer");
        }
        ArrayDeque<ResponseDefinition> queue = new ArrayDeque<>();
        for (ResponseDefinitionBuilder answer : answers) {
            queue.add(answer.build());
        }
        synchronized (lock) {
            scripts.put(method.toLowerCase(Locale.ROOT), queue);
        }
    }

    private ResponseDefinition scripted(String method, JsonNode body) {
        synchronized (lock) {
            ArrayDeque<ResponseDefinition> queue = scripts.get(method.toLowerCase(Locale.ROOT));
            if (queue == null) {
                return null;
            }
            ResponseDefinition answer = queue.size() > 1 ? queue.poll() : queue.peek();
            String chatId = body.hasNonNull("chat_id") ? body.get("chat_id").asText() : null;
            calls.add(new Call(method, chatId, body, answer.getStatus(), System.currentTimeMillis()));
            return answer;
        }
    }

    /** The next {@code times} calls of {@code method} (null: any method) for the chat fail so. */
    public void failNext(String method, long chatId, int times, Failure failure) {
        synchronized (lock) {
            rules.add(new Rule(method, String.valueOf(chatId), failure, times));
        }
    }

    /**
     * From now on, the messages Telegram returns for the chat (sendMessage's and editMessageText's
     * result) carry fields of types TelegramBots does not know, as a newer Bot API's might: the
     * message is delivered all the same.
     */
    public void answersCarryNewerBotApiFields(long chatId) {
        synchronized (lock) {
            newerFields.add(String.valueOf(chatId));
        }
    }

    /** Every call for the chat fails so, from now on. */
    public void failAlways(long chatId, Failure failure) {
        failNext(null, chatId, Integer.MAX_VALUE, failure);
    }

    /** Every call of {@code method} gets {@code true}, whatever it asks: for tests of what the bot sends. */
    public void answerTrue(String method) {
        script(method, com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"ok\":true,\"result\":true}"));
    }

    // ---- what the bot did ----------------------------------------------------------------

    /** Messages Telegram accepted for the chat (sendMessage), oldest first. */
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

    /** How many messages Telegram accepted for the chat (sendMessage). */
    public int messageCount(long chatId) {
        return sentTo(chatId).size();
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

    /** A message of the chat as Telegram would return it now (edits applied, inline keyboard only). */
    public Optional<JsonNode> message(long chatId, long messageId) {
        synchronized (lock) {
            Chat chat = chats.get(String.valueOf(chatId));
            ObjectNode message = chat == null ? null : chat.messages.get(messageId);
            return Optional.ofNullable(message == null ? null : message.deepCopy());
        }
    }

    /** Every poll the bot sent to the chat, oldest first. */
    public List<Poll> pollsIn(long chatId) {
        synchronized (lock) {
            return pollsSent.stream().filter(p -> p.chatId().equals(String.valueOf(chatId))).toList();
        }
    }

    public boolean pollStopped(Poll poll) {
        synchronized (lock) {
            return stoppedPolls.contains(poll.pollId());
        }
    }

    /** The inline keyboard a message of the bot has now (after edits and a stopped poll's). */
    public List<List<Button>> keyboardOf(long chatId, long messageId) {
        synchronized (lock) {
            ObjectNode message = chat(String.valueOf(chatId)).messages.get(messageId);
            return message == null ? List.of() : buttons(message.path("reply_markup"));
        }
    }

    /** Every pin the bot made in the chat, oldest first. */
    public List<Pin> pinsIn(long chatId) {
        synchronized (lock) {
            return pins.stream().filter(p -> p.chatId().equals(String.valueOf(chatId))).toList();
        }
    }

    /** The edits Telegram accepted in the chat, oldest first. */
    public List<Edit> editsIn(long chatId) {
        String chat = String.valueOf(chatId);
        synchronized (lock) {
            return edits.stream().filter(e -> e.chatId().equals(chat)).toList();
        }
    }

    public int editCount(long chatId) {
        return editsIn(chatId).size();
    }

    /** The answers to presses of buttons under the chat's messages, oldest first. */
    public List<CallbackAnswer> callbackAnswersIn(long chatId) {
        String chat = String.valueOf(chatId);
        synchronized (lock) {
            return callbackAnswers.stream().filter(a -> a.chatId().equals(chat)).toList();
        }
    }

    public int callbackAnswerCount(long chatId) {
        return callbackAnswersIn(chatId).size();
    }

    /** What people said in the chat that privacy mode kept from the bot, oldest first. */
    public List<Said> hiddenByPrivacy(long chatId) {
        String chat = String.valueOf(chatId);
        synchronized (lock) {
            return hidden.stream().filter(s -> s.chatId().equals(chat)).toList();
        }
    }

    /** Every call the bot made (getUpdates only when scripted), oldest first. */
    public List<Call> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    /** The JSON bodies of the calls of one method, oldest first. */
    public List<JsonNode> bodies(String method) {
        return calls(method).stream().map(Call::body).toList();
    }

    /** Every call of one method (case-insensitive), failed ones included, oldest first. */
    public List<Call> calls(String method) {
        synchronized (lock) {
            return calls.stream().filter(c -> c.method().equalsIgnoreCase(method)).toList();
        }
    }

    /**
     * Every call of one method for one chat, failed ones included; an answerCallbackQuery belongs
     * to the chat of the pressed message.
     */
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

    /** How many calls the rate limits of {@link #rateLimits(RateLimits)} refused with 429. */
    public long rateLimited() {
        synchronized (lock) {
            return rateLimited;
        }
    }

    /** Of those, how many a chat's own limits refused (its per-chat bucket or a group's minute), not only the overall one. */
    public long chatRateLimited() {
        synchronized (lock) {
            return chatRateLimited;
        }
    }

    /** How many getUpdates calls the bot has made (they are not among {@link #calls(String)}). */
    public long polls() {
        synchronized (lock) {
            return polls;
        }
    }

    /** How many getUpdates answers have carried this update. */
    public int timesServed(long updateId) {
        synchronized (lock) {
            return (int) served.stream().filter(id -> id == updateId).count();
        }
    }

    /** When the update was queued, that is made available to getUpdates (epoch millis), or null. */
    public Long queuedAtMillis(long updateId) {
        synchronized (lock) {
            return queuedAt.get(updateId);
        }
    }

    /** The message ids the bot put a reaction on in the chat, one entry per successful call. */
    public List<Long> reactionsIn(long chatId) {
        return calls("setMessageReaction", chatId).stream().filter(Call::succeeded)
                .map(call -> call.body().path("message_id").asLong()).toList();
    }

    public int reactionCount(long chatId) {
        return reactionsIn(chatId).size();
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
                    .append(", updates served ").append(served.size()).append(", privacy mode ")
                    .append(privacyMode ? "on" : "off").append("\nupdates:");
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
            String prefix = "/bot" + token + "/";
            String filePrefix = "/file/bot" + token + "/";
            if (path.startsWith(filePrefix)) {
                return download(path.substring(filePrefix.length()));
            }
            if (!path.startsWith(prefix)) {
                return json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
            }
            String method = path.substring(prefix.length());
            JsonNode body = body(serveEvent.getRequest());
            ResponseDefinition scripted = scripted(method, body);
            return scripted != null ? scripted : answer(method, body);
        }

        @Override
        public String getName() {
            return "fake-telegram";
        }
    }

    /**
     * The call's parameters as JSON: the body itself, or for a multipart form (how TelegramBots
     * sends setWebhook, and Telegram accepts either) one text field per part.
     */
    private static JsonNode body(com.github.tomakehurst.wiremock.http.Request request) {
        if (!request.isMultipart()) {
            return parse(request.getBodyAsString());
        }
        ObjectNode fields = NODES.objectNode();
        for (com.github.tomakehurst.wiremock.http.Request.Part part : request.getParts()) {
            fields.put(part.getName(), part.getBody().asString());
        }
        return fields;
    }

    /** A call's outcome: 200 with a result, or a failure. */
    private record Outcome(Failure failure, String result) {
        static Outcome ok(String result) {
            return new Outcome(null, result);
        }

        static Outcome fail(Failure failure) {
            return new Outcome(failure, null);
        }
    }

    private ResponseDefinition answer(String method, JsonNode body) {
        String lower = method.toLowerCase(Locale.ROOT);
        if (lower.equals("getupdates")) {
            return json(200, getUpdates(body));
        }
        synchronized (lock) {
            long now = clock.millis();
            String chatId = body.hasNonNull("chat_id") ? body.get("chat_id").asText() : null;
            if (lower.equals("answercallbackquery")) {
                Callback callback = callbacks.get(body.path("callback_query_id").asText());
                chatId = callback == null ? null : callback.chatId();
            }
            String chat = chatId;
            Rule rule = chat == null ? null
                    : rules.stream().filter(r -> r.matches(method, chat)).findFirst().orElse(null);
            Outcome outcome;
            if (rule != null) {
                rule.remaining--;
                outcome = Outcome.fail(rule.failure);
            } else if (chatId != null && (notStarted.contains(chatId) || privateChatsNeedStart
                    && !chatId.startsWith("-") && !startedPrivately.contains(chatId))) {
                outcome = Outcome.fail(Failure.forbidden("bot can't initiate conversation with a user"));
            } else {
                outcome = perform(lower, chatId, body, now);
            }
            if (outcome.failure() != null) {
                calls.add(new Call(method, chatId, body, outcome.failure().status(), now));
                return json(outcome.failure().status(), outcome.failure().body());
            }
            calls.add(new Call(method, chatId, body, 200, now));
            String result = outcome.result();
            if (newerFields.contains(chatId) && (lower.equals("sendmessage") || lower.equals("editmessagetext"))) {
                result = withNewerFields(result);
            }
            return json(200, "{\"ok\":true,\"result\":" + result + "}");
        }
    }

    private static String withNewerFields(String message) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(message);
            node.put("link_preview_options", "auto"); // an object in today's Bot API
            node.putObject("sender_boost_count").put("level", 3); // an integer in today's Bot API
            node.putObject("hologram_2027").put("layers", 3);
            return node.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Outcome perform(String method, String chatId, JsonNode body, long now) {
        Failure invalid = switch (method) {
            case "sendmessage" -> checkSend(chatId, body);
            case "editmessagetext" -> checkEdit(chatId, body);
            case "setmessagereaction" -> chatId != null && chat(chatId).messages.containsKey(body.path("message_id")
                    .asLong(0)) ? null : Failure.badRequest("message to react not found");
            case "answercallbackquery" -> checkCallbackAnswer(body);
            case "sendpoll" -> checkPoll(chatId, body);
            case "stoppoll" -> checkStopPoll(chatId, body);
            case "pinchatmessage" -> chatId == null || !chat(chatId).messages.containsKey(body.path("message_id")
                    .asLong(0)) ? Failure.badRequest("message to pin not found")
                    : pinRefused.contains(chatId)
                    ? Failure.badRequest("not enough rights to manage pinned messages in the chat") : null;
            case "copymessage" -> chat(body.path("from_chat_id").asText()).messages
                    .containsKey(body.path("message_id").asLong(0)) ? null
                    : Failure.badRequest("message to copy not found");
            case "getfile" -> checkGetFile(body);
            default -> null;
        };
        if (invalid != null) {
            return Outcome.fail(invalid);
        }
        if (COUNTED.contains(method) && chatId != null) {
            Failure limited = takeRoom(chatId, now);
            if (limited != null) {
                rateLimited++;
                return Outcome.fail(limited);
            }
        }
        return switch (method) {
            case "sendmessage" -> Outcome.ok(sendMessage(chatId, body, now));
            case "editmessagetext" -> Outcome.ok(editMessageText(chatId, body, now));
            case "sendpoll" -> Outcome.ok(sendPoll(chatId, body, now));
            case "stoppoll" -> Outcome.ok(stopPoll(chatId, body));
            case "pinchatmessage" -> {
                pins.add(new Pin(chatId, body.path("message_id").asLong(), body.path("disable_notification")
                        .asBoolean(false), now));
                yield Outcome.ok("true");
            }
            case "answercallbackquery" -> {
                String id = body.path("callback_query_id").asText();
                callbacks.put(id, new Callback(chatId, true));
                callbackAnswers.add(new CallbackAnswer(id, chatId, body.path("text").asText(null),
                        body.path("show_alert").asBoolean(false), now));
                yield Outcome.ok("true");
            }
            case "copymessage" -> Outcome.ok(copyMessage(chatId, body, now));
            case "getfile" -> Outcome.ok(getFile(body));
            case "getchatmember" -> chatMember(chatId, body);
            case "getchatmembercount" -> chat(chatId).memberCount != null
                    ? Outcome.ok(Integer.toString(chat(chatId).memberCount))
                    : Outcome.fail(Failure.badRequest("the test did not say how many members chat " + chatId
                    + " has (FakeTelegram.groupHas)"));
            case "getme" -> {
                ObjectNode me = botUser();
                me.put("can_join_groups", true).put("can_read_all_group_messages", !privacyMode)
                        .put("supports_inline_queries", false);
                yield Outcome.ok(me.toString());
            }
            default -> Outcome.ok("true");
        };
    }

    // ---- checks, as Telegram makes them --------------------------------------------------

    /**
     * What Telegram refuses in a sendMessage or editMessageText whatever the chat holds: an empty or
     * too long text, callback data outside 1 to 64 bytes (its own words for each); null when the
     * content is fine. Shared with the benchmarks' Bot API ({@code bench/FakeBotApi}), so a bot
     * measured there is held to the same rules as in the tests.
     */
    public static Failure refusedContent(String method, JsonNode body) {
        boolean edit = method.equalsIgnoreCase("editmessagetext");
        String text = body.path("text").asText("");
        if (text.isEmpty()) {
            return Failure.badRequest(edit ? "text must be non-empty" : "message text is empty");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            return Failure.badRequest(edit ? "MESSAGE_TOO_LONG" : "message is too long");
        }
        return checkButtons(body.path("reply_markup"));
    }

    private Failure checkSend(String chatId, JsonNode body) {
        if (chatId == null) {
            return Failure.badRequest("chat_id is empty");
        }
        Failure content = refusedContent("sendmessage", body);
        if (content != null) {
            return content;
        }
        Long replyTo = replyToOf(body);
        if (replyTo != null && !chat(chatId).messages.containsKey(replyTo)
                && !body.path("reply_parameters").path("allow_sending_without_reply").asBoolean(false)
                && !body.path("allow_sending_without_reply").asBoolean(false)) {
            return Failure.badRequest("message to be replied not found");
        }
        return null;
    }

    private Failure checkPoll(String chatId, JsonNode body) {
        if (chatId == null) {
            return Failure.badRequest("chat_id is empty");
        }
        String question = body.path("question").asText("");
        if (question.isEmpty()) {
            return Failure.badRequest("poll question must be non-empty");
        }
        if (question.length() > 300) {
            return Failure.badRequest("poll question length must not exceed 300");
        }
        JsonNode options = body.path("options");
        if (!options.isArray() || options.size() < 2) {
            return Failure.badRequest("POLL_OPTIONS_TOO_FEW");
        }
        if (options.size() > 10) {
            return Failure.badRequest("POLL_OPTIONS_TOO_MUCH");
        }
        for (JsonNode option : options) {
            String text = option.isTextual() ? option.asText() : option.path("text").asText("");
            if (text.isEmpty() || text.length() > 100) {
                return Failure.badRequest("poll options length must not exceed 100");
            }
        }
        return checkButtons(body.path("reply_markup"));
    }

    private Failure checkStopPoll(String chatId, JsonNode body) {
        long messageId = body.path("message_id").asLong(0);
        ObjectNode message = chatId == null ? null : chat(chatId).messages.get(messageId);
        if (message == null || !message.has("poll") || !chat(chatId).fromBot.contains(messageId)) {
            return Failure.badRequest("message with poll to stop not found");
        }
        if (stoppedPolls.contains(message.path("poll").path("id").asText())) {
            return Failure.badRequest("poll has already been closed");
        }
        return checkButtons(body.path("reply_markup"));
    }

    private Failure checkEdit(String chatId, JsonNode body) {
        if (chatId == null || !body.hasNonNull("message_id")) {
            return Failure.badRequest("message identifier is not specified");
        }
        Chat chat = chat(chatId);
        long messageId = body.get("message_id").asLong();
        ObjectNode current = chat.messages.get(messageId);
        if (current == null) {
            return Failure.badRequest("message to edit not found");
        }
        if (!chat.fromBot.contains(messageId)) {
            return Failure.badRequest("message can't be edited");
        }
        Failure content = refusedContent("editmessagetext", body);
        if (content != null) {
            return content;
        }
        String text = body.path("text").asText("");
        JsonNode keyboard = inlineKeyboard(body.path("reply_markup"));
        if (text.equals(current.path("text").asText()) && keyboard.equals(current.path("reply_markup"))) {
            return new Failure(400, NOT_MODIFIED, null);
        }
        return null;
    }

    private Failure checkCallbackAnswer(JsonNode body) {
        Callback callback = callbacks.get(body.path("callback_query_id").asText());
        if (callback == null || callback.answered()) {
            return new Failure(400, QUERY_INVALID, null);
        }
        if (body.path("text").asText("").length() > MAX_CALLBACK_ANSWER_LENGTH) {
            return Failure.badRequest("MESSAGE_TOO_LONG");
        }
        return null;
    }

    private static Failure checkButtons(JsonNode markup) {
        for (JsonNode row : markup.path("inline_keyboard")) {
            for (JsonNode button : row) {
                if (button.has("callback_data") == button.has("url")) {
                    // Telegram wants exactly one kind per inline button (we use these two)
                    return Failure.badRequest("can't parse inline keyboard button: Text buttons are unallowed in the"
                            + " inline keyboard");
                }
                if (button.has("callback_data")) {
                    int bytes = button.path("callback_data").asText("").getBytes(StandardCharsets.UTF_8).length;
                    if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) {
                        return Failure.badRequest("BUTTON_DATA_INVALID");
                    }
                }
            }
        }
        return null;
    }

    /** Takes room in every limit for one call now, or says how long to wait (nothing taken then). */
    private Failure takeRoom(String chatId, long now) {
        RateLimits limits = rateLimits;
        if (limits == null) {
            return null;
        }
        Chat chat = chat(chatId);
        boolean group = chatId.startsWith("-");
        long overallWindowMillis = limits.overallWindow().toMillis();
        long groupWindowMillis = limits.groupWindow().toMillis();
        while (!overallWindow.isEmpty() && overallWindow.peekFirst() <= now - overallWindowMillis) {
            overallWindow.pollFirst();
        }
        while (!chat.groupWindow.isEmpty() && chat.groupWindow.peekFirst() <= now - groupWindowMillis) {
            chat.groupWindow.pollFirst();
        }
        long overallWait = overallWindow.size() >= limits.overall()
                ? overallWindow.peekFirst() + overallWindowMillis - now : 0;
        long wait = 0;
        long interval = limits.chatInterval().toMillis();
        long burstTolerance = interval * (limits.chatBurst() - 1);
        long allowedAt = chat.bucketFullAtMillis - burstTolerance;
        if (now < allowedAt) {
            wait = Math.max(wait, allowedAt - now);
        }
        if (group && chat.groupWindow.size() >= limits.perGroup()) {
            wait = Math.max(wait, chat.groupWindow.peekFirst() + groupWindowMillis - now);
        }
        if (wait > 0) {
            chatRateLimited++;
        }
        wait = Math.max(wait, overallWait);
        if (wait > 0) {
            long seconds = Math.max(1, (wait + 999) / 1000);
            return Failure.tooManyRequests((int) seconds);
        }
        overallWindow.addLast(now);
        chat.bucketFullAtMillis = Math.max(chat.bucketFullAtMillis, now) + interval;
        if (group) {
            chat.groupWindow.addLast(now);
        }
        return null;
    }

    // ---- the methods ---------------------------------------------------------------------

    private String sendMessage(String chatId, JsonNode body, long now) {
        Chat chat = chat(chatId);
        long messageId = chat.nextMessageId++;
        JsonNode markup = body.path("reply_markup");
        boolean forceReply = markup.path("force_reply").asBoolean(false);
        Long replyTo = replyToOf(body);
        if (replyTo != null && !chat.messages.containsKey(replyTo)) {
            replyTo = null; // allowed to go without the reply
        }
        String text = body.path("text").asText();
        sent.add(new Sent(messageId, chatId, text, forceReply, buttons(markup), replyTo, now));
        ObjectNode message = botMessage(messageId, chatId, now);
        if (replyTo != null) {
            message.set("reply_to_message", withoutReply(chat.messages.get(replyTo)));
        }
        message.put("text", text);
        return keptAsTheBots(chat, messageId, message, markup);
    }

    /** A message of the bot as Telegram returns it: id, sender, chat and date. */
    private ObjectNode botMessage(long messageId, String chatId, long now) {
        ObjectNode message = NODES.objectNode();
        message.put("message_id", messageId);
        message.set("from", botUser());
        message.set("chat", chatNode(chatId));
        message.put("date", now / 1000);
        return message;
    }

    /** Keeps a message the bot sent, with the inline keyboard it asked for (nothing else is echoed). */
    private String keptAsTheBots(Chat chat, long messageId, ObjectNode message, JsonNode markup) {
        JsonNode keyboard = inlineKeyboard(markup);
        if (!keyboard.isMissingNode()) {
            message.set("reply_markup", keyboard);
        }
        chat.messages.put(messageId, message);
        chat.fromBot.add(messageId);
        return message.toString();
    }

    private String sendPoll(String chatId, JsonNode body, long now) {
        Chat chat = chat(chatId);
        long messageId = chat.nextMessageId++;
        String pollId = "poll-" + messageIdBlock + "-" + nextPollId++;
        boolean anonymous = body.path("is_anonymous").asBoolean(true);
        List<String> options = new ArrayList<>();
        ObjectNode poll = NODES.objectNode();
        poll.put("id", pollId);
        poll.put("question", body.path("question").asText());
        ArrayNode outOptions = poll.putArray("options");
        for (JsonNode option : body.path("options")) {
            String text = option.isTextual() ? option.asText() : option.path("text").asText();
            options.add(text);
            outOptions.addObject().put("text", text).put("voter_count", 0);
        }
        poll.put("total_voter_count", 0).put("is_closed", false).put("is_anonymous", anonymous)
                .put("type", "regular").put("allows_multiple_answers", body.path("allows_multiple_answers")
                        .asBoolean(false));
        JsonNode markup = body.path("reply_markup");
        pollsSent.add(new Poll(messageId, chatId, pollId, body.path("question").asText(), List.copyOf(options),
                anonymous, buttons(markup), now));
        ObjectNode message = botMessage(messageId, chatId, now);
        message.set("poll", poll);
        return keptAsTheBots(chat, messageId, message, markup);
    }

    private String stopPoll(String chatId, JsonNode body) {
        ObjectNode message = chat(chatId).messages.get(body.path("message_id").asLong());
        ObjectNode poll = (ObjectNode) message.get("poll");
        poll.put("is_closed", true);
        stoppedPolls.add(poll.path("id").asText());
        JsonNode keyboard = inlineKeyboard(body.path("reply_markup"));
        if (keyboard.isMissingNode()) {
            message.remove("reply_markup");
        } else {
            message.set("reply_markup", keyboard);
        }
        return poll.toString();
    }

    private String copyMessage(String chatId, JsonNode body, long now) {
        Chat chat = chat(chatId);
        long messageId = chat.nextMessageId++;
        String fromChat = body.path("from_chat_id").asText();
        ObjectNode original = chat(fromChat).messages.get(body.path("message_id").asLong());
        ObjectNode copy = original.deepCopy();
        copy.remove(List.of("reply_to_message", "from"));
        copy.put("message_id", messageId);
        copy.set("from", botUser());
        copy.set("chat", chatNode(chatId));
        String caption = body.hasNonNull("caption") ? body.get("caption").asText() : null;
        if (caption != null) {
            copy.put("caption", caption);
        }
        chat.messages.put(messageId, copy);
        chat.fromBot.add(messageId);
        copies.add(new Copy(messageId, chatId, fromChat, body.path("message_id").asLong(), caption, now));
        return NODES.objectNode().put("message_id", messageId).toString();
    }

    private Failure checkGetFile(JsonNode body) {
        StoredFile file = files.get(body.path("file_id").asText());
        if (file == null) {
            return Failure.badRequest("invalid file_id");
        }
        return file.size() > MAX_GET_FILE_BYTES ? Failure.badRequest("file is too big") : null;
    }

    private String getFile(JsonNode body) {
        StoredFile file = files.get(body.path("file_id").asText());
        return fileNode(file).put("file_path", filePath(file)).toString();
    }

    private String filePath(StoredFile file) {
        String extension = file.mimeType().equals("audio/ogg") ? "oga" : file.mimeType().equals("image/jpeg") ? "jpg"
                : "bin";
        return file.folder() + "/file_" + fileLinkGeneration + "_" + file.uniqueId() + "." + extension;
    }

    private ResponseDefinition download(String path) {
        synchronized (lock) {
            calls.add(new Call("download", null, NODES.objectNode().put("file_path", path), 200,
                    System.currentTimeMillis()));
            for (StoredFile file : files.values()) {
                if (filePath(file).equals(path)) {
                    return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                            .withHeader("Content-Type", "application/octet-stream").withBody(file.bytes()).build();
                }
            }
            return json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        }
    }

    private String editMessageText(String chatId, JsonNode body, long now) {
        Chat chat = chat(chatId);
        long messageId = body.get("message_id").asLong();
        ObjectNode message = chat.messages.get(messageId);
        String text = body.path("text").asText();
        message.put("text", text);
        message.put("edit_date", now / 1000);
        JsonNode keyboard = inlineKeyboard(body.path("reply_markup"));
        if (keyboard.isMissingNode()) {
            message.remove("reply_markup");
        } else {
            message.set("reply_markup", keyboard);
        }
        edits.add(new Edit(messageId, chatId, text, buttons(body.path("reply_markup")), now));
        return message.toString();
    }

    /** The inline keyboard of a markup as Telegram returns it, or a missing node: nothing else is echoed. */
    private static JsonNode inlineKeyboard(JsonNode markup) {
        JsonNode rows = markup.path("inline_keyboard");
        if (!rows.isArray() || rows.isEmpty()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        ObjectNode keyboard = NODES.objectNode();
        ArrayNode outRows = keyboard.putArray("inline_keyboard");
        for (JsonNode row : rows) {
            ArrayNode outRow = outRows.addArray();
            for (JsonNode button : row) {
                ObjectNode out = outRow.addObject();
                out.put("text", button.path("text").asText());
                if (button.has("callback_data")) {
                    out.put("callback_data", button.path("callback_data").asText());
                }
                if (button.has("url")) {
                    out.put("url", button.path("url").asText());
                }
            }
        }
        return keyboard;
    }

    private static List<List<Button>> buttons(JsonNode markup) {
        List<List<Button>> buttons = new ArrayList<>();
        for (JsonNode row : markup.path("inline_keyboard")) {
            List<Button> buttonRow = new ArrayList<>();
            for (JsonNode button : row) {
                buttonRow.add(new Button(button.path("text").asText(), button.path("callback_data").asText(null),
                        button.path("url").asText(null)));
            }
            buttons.add(List.copyOf(buttonRow));
        }
        return List.copyOf(buttons);
    }

    private static Long replyToOf(JsonNode body) {
        JsonNode replyParameters = body.path("reply_parameters");
        if (replyParameters.hasNonNull("message_id")) {
            return replyParameters.get("message_id").asLong();
        }
        if (body.hasNonNull("reply_to_message_id")) {
            return body.get("reply_to_message_id").asLong();
        }
        return null;
    }

    /** Holds the call until an unconfirmed update is there or the timeout (at most a second) is up. */
    private String getUpdates(JsonNode body) {
        long offset = body.path("offset").asLong(0);
        int limit = Math.max(1, Math.min(100, body.path("limit").asInt(100)));
        long holdMillis = Math.min(MAX_HOLD_MILLIS, TimeUnit.SECONDS.toMillis(body.path("timeout").asLong(0)));
        long deadline = System.currentTimeMillis() + holdMillis;
        synchronized (lock) {
            polls++;
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
        boolean sharedSender = person.equals(GROUP_ANONYMOUS_BOT) || person.equals(CHANNEL_BOT);
        user.put("is_bot", person.id() == BOT_ID || sharedSender);
        user.put("first_name", person.firstName());
        if (sharedSender) {
            user.put("username", person.equals(CHANNEL_BOT) ? "Channel_Bot" : "GroupAnonymousBot");
        }
        return user;
    }

    private static ObjectNode botUser() {
        ObjectNode bot = user(new Person(BOT_ID, "Rembug"));
        bot.put("username", BOT_USERNAME);
        return bot;
    }

    private ObjectNode chatNode(String chatId) {
        ObjectNode chat = NODES.objectNode();
        chat.put("id", Long.parseLong(chatId));
        if (chatId.startsWith("-100")) {
            chat.put("title", "Warga " + chatId).put("type", "supergroup");
        } else if (chatId.startsWith("-")) {
            chat.put("title", "Warga " + chatId).put("type", "group");
        } else {
            chat.put("first_name", privateNames.getOrDefault(chatId, "Warga")).put("type", "private");
        }
        return chat;
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    /** A JSON text as a tree, to compare with what the bot sent ({@code {}} for none). */
    public static JsonNode parse(String json) {
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
