package id.rembug.bot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import id.rembug.bot.logging.SafeLog;
import id.rembug.bot.channel.ChatUser;
import id.rembug.bot.channel.Inbound;
import id.rembug.bot.channel.PollDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a Telegram update into the {@link Inbound} updates Rembug cares about: messages (new and
 * edited; a caption counts as the text), button presses, members joining and leaving, and a group
 * turning into a supergroup. Everything else (stickers, polls, channel posts, reactions, boosts,
 * chat member status changes, update types newer than this code...) becomes nothing, and is
 * logged with its update id and kind only.
 *
 * <p>One mapping, from the update's JSON (Jackson 2's tree model, TelegramBots' own Jackson):
 * a {@link TelegramRawUpdate} brings the JSON Telegram sent, any other {@link Update} is turned
 * back into the JSON it was bound from. Each field is read for what it should be and a field of
 * another type counts as absent, so a field the library's types reject, or one no version of them
 * knows, costs nothing as long as what Rembug needs is there.
 *
 * <p>Never throws: an update that is not what the Bot API promises yields nothing, so one odd
 * update cannot block the ones behind it.
 */
public final class TelegramUpdateTranslator {

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdateTranslator.class);
    private static final Set<String> CONVERSATION_CHATS = Set.of("private", "group", "supergroup");
    private static final List<String> MESSAGE_KINDS = List.of("message", "edited_message");
    /**
     * Media whose presence Rembug reads; a photo comes in several sizes, the last the largest. A
     * venue comes with its location too, so it is read first.
     */
    private static final List<String> MEDIA_KINDS = List.of("photo", "voice", "video_note", "video", "audio",
            "document", "venue", "location");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final long botUserId;
    private final Clock clock;
    private final PollDirectory polls;

    /**
     * @param botUserId the bot's own user id, to tell the bot joining or leaving from people
     * @param clock     when a button press happened: Telegram does not date them
     */
    public TelegramUpdateTranslator(long botUserId, Clock clock) {
        this(botUserId, clock, PollDirectory.NONE);
    }

    /** @param polls the polls we sent: a vote names only its poll, this finds its chat */
    public TelegramUpdateTranslator(long botUserId, Clock clock, PollDirectory polls) {
        this.botUserId = botUserId;
        this.clock = clock;
        this.polls = polls;
    }

    public List<Inbound> translate(Update update) {
        if (update == null || update.getUpdateId() == null) {
            log.warn("Ignoring a Telegram update without an update_id");
            return List.of();
        }
        JsonNode json;
        try {
            json = update instanceof TelegramRawUpdate raw && raw.json() != null ? raw.json() : JSON.valueToTree(update);
        } catch (RuntimeException e) {
            log.warn("Ignoring Telegram update {}: it cannot be read as JSON ({})", update.getUpdateId(),
                    e.getClass().getSimpleName());
            return List.of();
        }
        return translate(update.getUpdateId(), json);
    }

    private List<Inbound> translate(long id, JsonNode update) {
        String updateId = "tg:" + id;
        try {
            List<Inbound> inbound = new ArrayList<>(1);
            for (String kind : MESSAGE_KINDS) {
                JsonNode message = object(update, kind);
                if (message != null) {
                    inbound.addAll(fromMessage(updateId, message, "edited_message".equals(kind)));
                }
            }
            JsonNode query = object(update, "callback_query");
            if (query != null) {
                inbound.addAll(fromCallback(updateId, query));
            }
            JsonNode pollAnswer = object(update, "poll_answer");
            if (pollAnswer != null) {
                inbound.addAll(fromPollAnswer(updateId, pollAnswer));
            }
            if (inbound.isEmpty()) {
                log.debug("Telegram update {} holds nothing Rembug follows ({})", id, kinds(update));
            }
            return List.copyOf(inbound);
        } catch (RuntimeException e) {
            log.warn("Ignoring Telegram update {}: it is not shaped as the Bot API describes ({})",
                    id, SafeLog.describe(e));
            return List.of();
        }
    }

    private List<Inbound> fromMessage(String updateId, JsonNode message, boolean edited) {
        JsonNode chat = object(message, "chat");
        String chatId = id(chat, "id");
        String chatType = text(chat, "type");
        if (chatId == null || !CONVERSATION_CHATS.contains(chatType)) {
            return List.of();
        }
        Instant at = dated(message, edited);
        if (!edited) {
            Inbound service = serviceMessage(updateId, chatId, at, message);
            if (service != null) {
                return List.of(service);
            }
        }
        String text = text(message, "text");
        if (text == null) {
            text = text(message, "caption");
        }
        Inbound.Media media = media(message);
        if (text == null && media != null) {
            text = ""; // a photo without caption, a voice note, a place: an answer all the same
        }
        ChatUser from = user(object(message, "from"));
        String messageId = id(message, "message_id");
        if (text == null || from == null || messageId == null) {
            return List.of();
        }
        JsonNode replied = object(message, "reply_to_message");
        String replyTo = id(replied, "message_id");
        boolean replyToBot = String.valueOf(botUserId).equals(id(object(replied, "from"), "id"));
        ChatUser senderChat = senderChat(object(message, "sender_chat"));
        if (senderChat != null && !"private".equals(chatType)) {
            // Sent as the group (anonymous admin) or as a channel: its from is a shared bot user
            // that names nobody. A command or a reply to us is answered with a request to post
            // as oneself; other chatter is none of our business.
            boolean addressedToUs = !edited && (text.startsWith("/") || replyToBot);
            return addressedToUs ? List.of(new Inbound.PostedAsChat(updateId, chatId, at, messageId)) : List.of();
        }
        return List.of(new Inbound.Message(updateId, chatId, "private".equals(chatType), at, from, messageId, text,
                replyTo, replyToBot, edited, senderChat, id(message, "message_thread_id"), media,
                person(user(object(replied, "from")))));
    }

    /** The service messages Rembug follows, or null when this is none of them. */
    private Inbound serviceMessage(String updateId, String chatId, Instant at, JsonNode message) {
        JsonNode newMembers = message.get("new_chat_members");
        if (newMembers != null && newMembers.isArray() && !newMembers.isEmpty()) {
            List<ChatUser> members = new ArrayList<>();
            boolean botAdded = false;
            for (JsonNode member : newMembers) {
                ChatUser user = user(member);
                if (user != null) {
                    members.add(user);
                    botAdded |= isThisBot(user);
                }
            }
            if (!members.isEmpty()) {
                return new Inbound.MembersJoined(updateId, chatId, at, user(object(message, "from")), members, botAdded);
            }
        }
        ChatUser left = user(object(message, "left_chat_member"));
        if (left != null) {
            return new Inbound.MemberLeft(updateId, chatId, at, left, isThisBot(left));
        }
        String migratedTo = id(message, "migrate_to_chat_id");
        if (migratedTo != null) {
            return new Inbound.ChatMigrated(updateId, chatId, at, migratedTo);
        }
        String migratedFrom = id(message, "migrate_from_chat_id");
        if (migratedFrom != null) {
            return new Inbound.ChatMigrated(updateId, migratedFrom, at, chatId);
        }
        if (flag(message, "group_chat_created") || flag(message, "supergroup_chat_created")) {
            // Whoever creates a group with the bot in it adds the bot; Telegram sends no
            // new_chat_members for members present at creation.
            ChatUser bot = new ChatUser(String.valueOf(botUserId), String.valueOf(botUserId), true);
            return new Inbound.MembersJoined(updateId, chatId, at, user(object(message, "from")), List.of(bot), true);
        }
        return null;
    }

    private List<Inbound> fromCallback(String updateId, JsonNode query) {
        JsonNode message = object(query, "message");
        JsonNode chat = object(message, "chat");
        String chatId = id(chat, "id");
        String data = text(query, "data");
        ChatUser from = user(object(query, "from"));
        String callbackId = text(query, "id");
        String messageId = id(message, "message_id");
        // A press on an inline-mode message has no chat; Rembug never sends those.
        if (chatId == null || data == null || from == null || callbackId == null || messageId == null) {
            return List.of();
        }
        return List.of(new Inbound.ButtonPressed(updateId, chatId, "private".equals(text(chat, "type")),
                clock.instant(), from, callbackId, messageId, data));
    }

    /**
     * A vote in a non-anonymous poll: the poll's id, the voter and the chosen options (none: the
     * vote was taken back). No chat: the poll's is looked up. A vote cast as a chat (an anonymous
     * admin) names nobody and counts for nobody.
     */
    private List<Inbound> fromPollAnswer(String updateId, JsonNode answer) {
        String pollId = text(answer, "poll_id");
        ChatUser from = user(object(answer, "user"));
        JsonNode options = answer.get("option_ids");
        // a retraction has no options: the Bot API sends an empty list, and a client that leaves
        // empty lists out sends none
        if (pollId == null || from == null || from.bot() || options != null && !options.isArray()) {
            return List.of();
        }
        Optional<PollDirectory.PollTarget> target = polls.find(pollId);
        if (target.isEmpty()) {
            log.info("Ignoring a vote in poll {}, which is not one of ours or is too old", pollId);
            return List.of();
        }
        List<Integer> chosen = new ArrayList<>();
        for (JsonNode option : options == null ? List.<JsonNode>of() : options) {
            if (option.isIntegralNumber() && option.canConvertToInt()) {
                chosen.add(option.intValue());
            }
        }
        return List.of(new Inbound.PollAnswered(updateId, target.get().chatId(), clock.instant(), from,
                target.get().promptRef(), chosen));
    }

    /** When it was written (or edited); a message without a usable date is dated on arrival. */
    private Instant dated(JsonNode message, boolean edited) {
        JsonNode date = edited && message.path("edit_date").isIntegralNumber() ? message.get("edit_date")
                : message.get("date");
        if (date != null && date.isIntegralNumber() && date.canConvertToLong() && date.longValue() > 0) {
            return Instant.ofEpochSecond(date.longValue());
        }
        return clock.instant();
    }

    private boolean isThisBot(ChatUser user) {
        return user.id().equals(String.valueOf(botUserId));
    }

    /** A person or bot from a Telegram User object; null unless it has a numeric id. */
    static ChatUser user(JsonNode user) {
        String id = id(user, "id");
        if (id == null) {
            return null;
        }
        return new ChatUser(id, displayName(user, id), flag(user, "is_bot"));
    }

    /** The user when a person, else null (a bot's message names nobody staff could mean). */
    private static ChatUser person(ChatUser user) {
        return user == null || user.bot() ? null : user;
    }

    /** The chat a message was sent on behalf of, as a sender: its id and title, never a person. */
    private static ChatUser senderChat(JsonNode chat) {
        String id = id(chat, "id");
        if (id == null) {
            return null;
        }
        String title = text(chat, "title");
        return new ChatUser(id, title == null || title.isBlank() ? id : title.strip(), false);
    }

    private static Inbound.Media media(JsonNode message) {
        for (String kind : MEDIA_KINDS) {
            JsonNode media = message.get(kind);
            if (media == null || media.isNull()) {
                continue;
            }
            JsonNode file = media.isArray() && !media.isEmpty() ? media.get(media.size() - 1) : media;
            if (!file.isObject()) {
                continue;
            }
            JsonNode place = "venue".equals(kind) ? object(file, "location") : file;
            String name = "venue".equals(kind) ? text(file, "title") : text(file, "file_name");
            return new Inbound.Media(kind, text(file, "file_id"), text(file, "file_unique_id"),
                    number(file, "duration") == null ? null : number(file, "duration").intValue(),
                    number(file, "file_size"), text(file, "mime_type"), name, decimal(place, "latitude"),
                    decimal(place, "longitude"));
        }
        return null;
    }

    private static Long number(JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        return node != null && node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : null;
    }

    private static Double decimal(JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        return node != null && node.isNumber() ? node.doubleValue() : null;
    }

    private static String displayName(JsonNode user, String id) {
        String first = text(user, "first_name");
        String last = text(user, "last_name");
        String full = ((first == null ? "" : first.strip()) + " " + (last == null ? "" : last.strip())).strip();
        if (!full.isEmpty()) {
            return full;
        }
        String username = text(user, "username");
        if (username != null && !username.isBlank()) {
            return username.strip();
        }
        return id;
    }

    private static String kinds(JsonNode update) {
        List<String> kinds = new ArrayList<>();
        for (Iterator<String> names = update.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!"update_id".equals(name) && kinds.size() < 3) {
                kinds.add(name.length() > 40 ? name.substring(0, 40) : name);
            }
        }
        return kinds.isEmpty() ? "nothing" : String.join(", ", kinds);
    }

    private static JsonNode object(JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        return node != null && node.isObject() ? node : null;
    }

    private static String text(JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    /** A Telegram id: an integer that fits in a long (chat ids exceed an int). */
    private static String id(JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        return node != null && node.isIntegralNumber() && node.canConvertToLong() ? String.valueOf(node.longValue())
                : null;
    }

    private static boolean flag(JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        return node != null && node.isBoolean() && node.booleanValue();
    }
}
