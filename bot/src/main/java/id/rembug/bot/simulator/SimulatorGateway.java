package id.rembug.bot.simulator;

import id.rembug.bot.channel.ChatGateway;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.channel.SendResult;
import org.springframework.dao.DataAccessException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The bot's side of the simulator: what the dispatcher "sends" to a simulated chat is written to
 * that chat's log in Redis, where the page shows it. It answers the way Telegram would where it
 * matters for the method: a persona who has not started the bot cannot be written to privately,
 * and a group the bot is not in cannot be written to at all.
 */
public class SimulatorGateway implements ChatGateway {

    static final String NEVER_STARTED = "user never started the bot";
    static final String NOT_A_MEMBER = "bot is not a member of the group chat";
    static final String CHAT_NOT_FOUND = "chat not found";

    /** Telegram's limits, kept here too so a message the real bot could not send fails here as well. */
    static final int MAX_TEXT = Outgoing.MAX_TEXT_LENGTH;

    private final SimulatorStore store;
    private final Clock clock;

    public SimulatorGateway(SimulatorStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public boolean handles(String chatId) {
        return chatId != null && chatId.startsWith("sim-");
    }

    /** The simulator models no group roles: everyone in a simulated group may lead it. */
    @Override
    public Standing standing(String groupChatId, String userId) {
        return Standing.LEADS;
    }

    @Override
    public SendResult send(Outgoing message) {
        try {
            return switch (message.kind()) {
                case TEXT -> sendText(message);
                case EDIT -> editText(message);
                case REACTION -> react(message);
                case CALLBACK_ANSWER -> answerCallback(message);
                // the simulator has no polls (votes go by buttons there) and shows no pins
                case POLL, STOP_POLL -> new SendResult.Rejected("the simulator has no polls");
                case PIN -> message.replyToMessageId() == null ? new SendResult.Rejected("nothing to pin")
                        : new SendResult.Sent(message.replyToMessageId());
                case COPY -> copy(message);
            };
        } catch (DataAccessException e) {
            // Redis stands in for the platform here: a hiccup is worth retrying, like a 5xx.
            return new SendResult.Transient("simulator store unavailable: " + e.getMessage());
        }
    }

    private SendResult sendText(Outgoing message) {
        String chatId = message.chatId();
        SendResult refused = refusedText(message);
        if (refused != null) {
            return refused;
        }
        String messageId = store.nextMessageId(chatId);
        store.append(chatId, new ChatRecord(messageId, ChatRecord.FROM_BOT, null, message.text(), message.buttons(),
                message.forceReply(), message.replyToMessageId(), null, clock.instant()));
        return new SendResult.Sent(messageId);
    }

    /** The dispatcher put the simulator's id of the message to change in {@code replyToMessageId}. */
    private SendResult editText(Outgoing message) {
        String chatId = message.chatId();
        SendResult refused = refusedText(message);
        if (refused != null) {
            return refused;
        }
        if (message.replyToMessageId() == null || store.message(chatId, message.replyToMessageId()).isEmpty()) {
            return new SendResult.Rejected("message to edit not found");
        }
        store.edit(chatId, message.replyToMessageId(), message.text());
        return new SendResult.Sent(message.replyToMessageId());
    }

    /** The simulator's chats hold text only: a copy repeats the original's text under the new caption. */
    private SendResult copy(Outgoing message) {
        SendResult refusal = refusal(message.chatId());
        if (refusal != null) {
            return refusal;
        }
        Outgoing.CopyOf copyOf = message.copyOf();
        Optional<ChatRecord> original = copyOf == null ? Optional.empty()
                : store.message(copyOf.fromChatId(), copyOf.messageId());
        if (original.isEmpty()) {
            return new SendResult.Rejected("message to copy not found");
        }
        String text = message.text() == null || message.text().isBlank() ? original.get().text()
                : message.text() + "\n" + original.get().text();
        String messageId = store.nextMessageId(message.chatId());
        store.append(message.chatId(), new ChatRecord(messageId, ChatRecord.FROM_BOT, null, text, List.of(), false,
                null, null, clock.instant()));
        return new SendResult.Sent(messageId);
    }

    private SendResult react(Outgoing message) {
        String chatId = message.chatId();
        SendResult refusal = refusal(chatId);
        if (refusal != null) {
            return refusal;
        }
        if (message.replyToMessageId() == null || message.reaction() == null) {
            return new SendResult.Rejected("a reaction needs a message id and an emoji");
        }
        store.react(chatId, message.replyToMessageId(), message.reaction());
        return new SendResult.Sent(message.replyToMessageId());
    }

    private SendResult answerCallback(Outgoing message) {
        // Telegram answers a button press without looking at the chat: no membership check.
        if (message.text() != null && !message.text().isBlank()) {
            store.toast(message.chatId(), new SimulatorStore.Toast(message.text(), clock.instant(), message.alert()));
        }
        return new SendResult.Sent(message.callbackId());
    }

    /** Why this text may not go to its chat (the bot may not write there, or the text is bad), or null. */
    private SendResult refusedText(Outgoing message) {
        SendResult refusal = refusal(message.chatId());
        return refusal != null ? refusal : invalidText(message);
    }

    /** What Telegram would answer with 400 Bad Request for this text message, or null. */
    private static SendResult invalidText(Outgoing message) {
        if (message.text() == null || message.text().isBlank()) {
            return new SendResult.Rejected("message text is empty");
        }
        if (message.text().length() > MAX_TEXT) {
            return new SendResult.Rejected("message is too long");
        }
        boolean badButton = message.buttons().stream().flatMap(List::stream).anyMatch(button ->
                button.label() == null || button.label().isBlank() || button.callbackData() == null
                        || button.callbackData().isEmpty()
                        || button.callbackData().getBytes(StandardCharsets.UTF_8).length > Outgoing.MAX_CALLBACK_DATA_BYTES);
        return badButton ? new SendResult.Rejected("BUTTON_DATA_INVALID") : null;
    }

    /** Why the bot may not write to this chat now, or null when it may. */
    private SendResult refusal(String chatId) {
        if (chatId.startsWith(SimGroup.ID_PREFIX)) {
            var group = store.group(chatId);
            if (group.isEmpty()) {
                return new SendResult.Rejected(CHAT_NOT_FOUND);
            }
            return group.get().botInGroup() ? null : new SendResult.Forbidden(NOT_A_MEMBER);
        }
        if (chatId.startsWith(Persona.ID_PREFIX)) {
            if (store.persona(chatId).isEmpty()) {
                return new SendResult.Rejected(CHAT_NOT_FOUND);
            }
            return store.started(chatId) ? null : new SendResult.Forbidden(NEVER_STARTED);
        }
        return new SendResult.Rejected(CHAT_NOT_FOUND);
    }
}
