package id.rembug.bot.telegram;

import id.rembug.bot.channel.ChatUser;
import id.rembug.bot.channel.Inbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Turns a Telegram {@link Update} into the {@link Inbound} updates Rembug cares about: text
 * messages (new and edited), button presses, members joining and leaving, and a group turning
 * into a supergroup. A message sent on behalf of a chat ({@code sender_chat}: an anonymous admin,
 * a channel) is no person's: see {@link Inbound.PostedAsChat}. Everything else (photos, stickers, polls, channel posts, inline queries...)
 * becomes nothing.
 *
 * <p>Never throws: an update that is not what the Bot API promises is logged with its id and
 * yields nothing, so one odd update cannot block the ones behind it.
 */
public final class TelegramUpdateTranslator {

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdateTranslator.class);
    private static final Set<String> CONVERSATION_CHATS = Set.of("private", "group", "supergroup");

    private final long botUserId;
    private final Clock clock;

    /**
     * @param botUserId the bot's own user id, to tell the bot joining or leaving from people
     * @param clock     when a button press happened: Telegram does not date them
     */
    public TelegramUpdateTranslator(long botUserId, Clock clock) {
        this.botUserId = botUserId;
        this.clock = clock;
    }

    public List<Inbound> translate(Update update) {
        if (update == null || update.getUpdateId() == null) {
            log.warn("Ignoring a Telegram update without an update_id");
            return List.of();
        }
        String updateId = "tg:" + update.getUpdateId();
        try {
            if (update.getMessage() != null) {
                return fromMessage(updateId, update.getMessage(), false);
            }
            if (update.getEditedMessage() != null) {
                return fromMessage(updateId, update.getEditedMessage(), true);
            }
            if (update.getCallbackQuery() != null) {
                return fromCallback(updateId, update.getCallbackQuery());
            }
            return List.of();
        } catch (RuntimeException e) {
            log.warn("Ignoring Telegram update {}: it is not shaped as the Bot API describes ({})",
                    update.getUpdateId(), e.toString());
            return List.of();
        }
    }

    private List<Inbound> fromMessage(String updateId, Message message, boolean edited) {
        Chat chat = message.getChat();
        if (chat == null || chat.getId() == null || !CONVERSATION_CHATS.contains(chat.getType())) {
            return List.of();
        }
        String chatId = String.valueOf(chat.getId());
        Instant at = Instant.ofEpochSecond(edited && message.getEditDate() != null
                ? message.getEditDate() : message.getDate());
        if (!edited) {
            var service = serviceMessage(updateId, chatId, at, message);
            if (service != null) {
                return List.of(service);
            }
        }
        if (message.getText() == null || message.getFrom() == null) {
            return List.of();
        }
        String replyTo = message.getReplyToMessage() == null || message.getReplyToMessage().getMessageId() == null
                ? null : String.valueOf(message.getReplyToMessage().getMessageId());
        boolean replyToBot = message.getReplyToMessage() != null && message.getReplyToMessage().getFrom() != null
                && message.getReplyToMessage().getFrom().getId() != null
                && message.getReplyToMessage().getFrom().getId() == botUserId;
        if (message.getSenderChat() != null && !"private".equals(chat.getType())) {
            // Sent as the group (anonymous admin) or as a channel: its from is a shared bot user
            // that names nobody. A command or a reply to us is answered with a request to post
            // as oneself; other chatter is none of our business.
            boolean addressedToUs = !edited && (message.getText().startsWith("/") || replyToBot);
            return addressedToUs ? List.of(new Inbound.PostedAsChat(updateId, chatId, at,
                    String.valueOf(message.getMessageId()))) : List.of();
        }
        return List.of(new Inbound.Message(updateId, chatId, "private".equals(chat.getType()), at,
                user(message.getFrom()), String.valueOf(message.getMessageId()), message.getText(), replyTo,
                replyToBot, edited));
    }

    /** The service messages Rembug follows, or null when this is none of them. */
    private Inbound serviceMessage(String updateId, String chatId, Instant at, Message message) {
        if (message.getNewChatMembers() != null && !message.getNewChatMembers().isEmpty()) {
            List<ChatUser> members = message.getNewChatMembers().stream().map(TelegramUpdateTranslator::user).toList();
            boolean botAdded = message.getNewChatMembers().stream().anyMatch(this::isThisBot);
            return new Inbound.MembersJoined(updateId, chatId, at, userOrNull(message.getFrom()), members, botAdded);
        }
        if (message.getLeftChatMember() != null) {
            User left = message.getLeftChatMember();
            return new Inbound.MemberLeft(updateId, chatId, at, user(left), isThisBot(left));
        }
        if (message.getMigrateToChatId() != null) {
            return new Inbound.ChatMigrated(updateId, chatId, at, String.valueOf(message.getMigrateToChatId()));
        }
        if (message.getMigrateFromChatId() != null) {
            return new Inbound.ChatMigrated(updateId, String.valueOf(message.getMigrateFromChatId()), at, chatId);
        }
        if (Boolean.TRUE.equals(message.getGroupchatCreated()) || Boolean.TRUE.equals(message.getSuperGroupCreated())) {
            // Whoever creates a group with the bot in it adds the bot; Telegram sends no
            // new_chat_members for members present at creation.
            ChatUser bot = new ChatUser(String.valueOf(botUserId), String.valueOf(botUserId), true);
            return new Inbound.MembersJoined(updateId, chatId, at, userOrNull(message.getFrom()), List.of(bot), true);
        }
        return null;
    }

    private List<Inbound> fromCallback(String updateId, CallbackQuery query) {
        MaybeInaccessibleMessage message = query.getMessage();
        // A press on an inline-mode message has no chat; Rembug never sends those.
        if (message == null || message.getChat() == null || message.getChat().getId() == null
                || query.getData() == null || query.getFrom() == null) {
            return List.of();
        }
        Chat chat = message.getChat();
        return List.of(new Inbound.ButtonPressed(updateId, String.valueOf(chat.getId()), "private".equals(chat.getType()),
                clock.instant(), user(query.getFrom()), query.getId(), String.valueOf(message.getMessageId()),
                query.getData()));
    }

    private boolean isThisBot(User user) {
        return user.getId() != null && user.getId() == botUserId;
    }

    private static ChatUser userOrNull(User user) {
        return user == null ? null : user(user);
    }

    static ChatUser user(User user) {
        String id = String.valueOf(user.getId());
        return new ChatUser(id, displayName(user, id), Boolean.TRUE.equals(user.getIsBot()));
    }

    private static String displayName(User user, String id) {
        String first = user.getFirstName() == null ? "" : user.getFirstName().strip();
        String last = user.getLastName() == null ? "" : user.getLastName().strip();
        String full = (first + " " + last).strip();
        if (!full.isEmpty()) {
            return full;
        }
        if (user.getUserName() != null && !user.getUserName().isBlank()) {
            return user.getUserName().strip();
        }
        return id;
    }
}
