package id.rembug.bot.channel;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * A message Rembug owes a chat, platform-neutral. Written to the outbox in the same atomic
 * commit as the state change that caused it; the dispatcher sends it exactly once.
 *
 * <p>Build one with the factory of its kind ({@link #text}, {@link #edit}, {@link #reaction},
 * {@link #callbackAnswer}) and the {@code with...} methods, not positionally.
 *
 * @param id         unique and deterministic (derived from the inbox entry and position), so a
 *                   replayed commit cannot create a second copy
 * @param groupId    the group this message is about (for reports), may equal chatId
 * @param forceReply ask the client to open a reply to this message (how typed answers reach the
 *                   bot under Telegram's privacy mode)
 * @param promptRef  {@code stage|round|prompt} when the message asks a prompt, so replies to it
 *                   can be matched to the prompt; null otherwise
 * @param reaction   for {@link Kind#REACTION}: the emoji to put on {@code replyToMessageId}
 * @param callbackId for {@link Kind#CALLBACK_ANSWER}: the button press being answered
 * @param editOf     for {@link Kind#EDIT}: the id of our earlier outgoing message whose text this
 *                   replaces (the platform's message id is looked up when the edit is sent)
 * @param alert      for {@link Kind#CALLBACK_ANSWER}: show the text as a dialog the person closes,
 *                   not a toast that fades (for explanations worth reading)
 * @param lasting    for {@link Kind#EDIT}: the edit carries content (the model's answer in place of
 *                   the deterministic one), not progress, so it never gives way to later messages
 *                   and is never skipped; it waits its turn like a message
 * @param options    for {@link Kind#POLL}: the answer options ({@code text} is the question); empty
 *                   for every other kind
 * @param copyOf     for {@link Kind#COPY}: the person's message to copy here ({@code text} is then
 *                   the copy's caption, or null to keep the original's)
 */
public record Outgoing(String id, Kind kind, Lane lane, String chatId, String groupId, String text,
                       List<List<OutButton>> buttons, boolean forceReply, String replyToMessageId,
                       String promptRef, String reaction, String callbackId, Instant createdAt,
                       String editOf, boolean alert, boolean lasting, List<String> options,
                       CopyOf copyOf) {

    /**
     * The longest text a callback answer (toast or alert) may have: Telegram's 200 characters,
     * counted here in UTF-16 units, which is never fewer. Gateways shorten longer ones at a
     * sentence or word boundary ({@link TextCuts#shorten}); write texts that fit.
     */
    public static final int MAX_CALLBACK_ANSWER_LENGTH = 200;

    /**
     * The longest text one message may have: Telegram's 4096 characters (UTF-16 units, as
     * Telegram counts them). Gateways send a longer text in several messages.
     */
    public static final int MAX_TEXT_LENGTH = 4096;

    /** The most bytes (UTF-8) a button's callback data may have: Telegram's 64. */
    public static final int MAX_CALLBACK_DATA_BYTES = 64;

    public Outgoing {
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
        options = options == null ? List.of() : List.copyOf(options);
    }

    public enum Kind {
        /** A text message, maybe with buttons. */
        TEXT,
        /**
         * A new text (and the same inline buttons) for a message we sent earlier: progress shown
         * without a new message in the chat. A later edit of the same message supersedes it.
         */
        EDIT,
        /** An emoji reaction on a member's message: a light acknowledgement. */
        REACTION,
        /** The answer to a button press (the small toast); not rate limited. */
        CALLBACK_ANSWER,
        /**
         * A poll ({@code text} the question, {@code options} the answers), non-anonymous so each
         * member's vote is known, with {@code buttons} under it; counts as a message.
         */
        POLL,
        /**
         * Ends the poll we sent as {@code editOf} (the platform shows the final count), putting
         * {@code buttons} under it; counts like an edit.
         */
        STOP_POLL,
        /** Pins our earlier message {@code editOf} in the chat; counts as a message (Telegram says it in the chat). */
        PIN,
        /**
         * A person's message (a photo, a voice note, a place) copied into this chat, as the
         * platform's copy: the facilitator sees and plays it where they read the summary.
         */
        COPY
    }

    /** Which message a {@link Kind#COPY} copies: its chat and its id there. */
    public record CopyOf(String fromChatId, String messageId) {
    }

    /** Conversations go first; a large broadcast never queues a reply behind it. */
    public enum Lane { CONVERSATION, BROADCAST }

    /** An inline button: its label and the callback data (at most 64 bytes). */
    /**
     * An inline button: pressing it sends {@code callbackData} back; or, with {@code startPayload},
     * it opens the presser's private chat with the bot and starts it with that payload (Telegram: a
     * t.me deep link, {@code /start <payload>}). Such a button also carries its payload as callback
     * data ({@link #START_PREFIX}), for channels without links (the simulator).
     */
    public record OutButton(String label, String callbackData, String startPayload) {

        /** What a private-chat button's callback data starts with, before its start payload. */
        public static final String START_PREFIX = "start:";

        /** A button whose press comes back as {@code callbackData}. */
        public OutButton(String label, String callbackData) {
            this(label, callbackData, null);
        }

        /** A button that opens the presser's private chat with the bot, started with {@code payload}. */
        public static OutButton startingPrivateChat(String label, String payload) {
            return new OutButton(label, START_PREFIX + payload, payload);
        }
    }

    /** A text message in {@code lane}, without buttons, reply or prompt. */
    public static Outgoing text(String id, Lane lane, String chatId, String groupId, String text, Instant at) {
        return Draft.start(id, Kind.TEXT, lane, chatId, groupId, at, draft -> draft.text = text);
    }

    /** Replaces the text of our earlier message {@code editOf}, keeping {@code buttons} under it. */
    public static Outgoing edit(String id, String chatId, String groupId, String editOf, String text,
                                List<List<OutButton>> buttons, Instant at) {
        return Draft.start(id, Kind.EDIT, Lane.CONVERSATION, chatId, groupId, at, draft -> {
            draft.editOf = editOf;
            draft.text = text;
            draft.buttons = buttons;
        });
    }

    public static Outgoing reaction(String id, String chatId, String groupId, String messageId, String emoji,
                                    Instant at) {
        return Draft.start(id, Kind.REACTION, Lane.CONVERSATION, chatId, groupId, at, draft -> {
            draft.replyToMessageId = messageId;
            draft.reaction = emoji;
        });
    }

    /** The answer to a button press: a toast, or with {@code alert} a dialog. */
    public static Outgoing callbackAnswer(String id, String chatId, String groupId, String callbackId, String text,
                                          boolean alert, Instant at) {
        return Draft.start(id, Kind.CALLBACK_ANSWER, Lane.CONVERSATION, chatId, groupId, at, draft -> {
            draft.callbackId = callbackId;
            draft.text = text;
            draft.alert = alert;
        });
    }

    /** A non-anonymous poll of one answer each, with {@code buttons} under it. */
    public static Outgoing poll(String id, String chatId, String groupId, String question, List<String> options,
                                List<List<OutButton>> buttons, Instant at) {
        return Draft.start(id, Kind.POLL, Lane.CONVERSATION, chatId, groupId, at, draft -> {
            draft.text = question;
            draft.options = options;
            draft.buttons = buttons;
        });
    }

    /** Ends our poll {@code pollOf} and puts {@code buttons} under it. */
    public static Outgoing stopPoll(String id, String chatId, String groupId, String pollOf,
                                    List<List<OutButton>> buttons, Instant at) {
        return Draft.start(id, Kind.STOP_POLL, Lane.CONVERSATION, chatId, groupId, at, draft -> {
            draft.editOf = pollOf;
            draft.buttons = buttons;
        });
    }

    /** A copy of a person's message from {@code fromChatId}, captioned (null: the original's caption). */
    public static Outgoing copy(String id, String chatId, String groupId, String fromChatId, String messageId,
                                String caption, Instant at) {
        return Draft.start(id, Kind.COPY, Lane.CONVERSATION, chatId, groupId, at, draft -> {
            draft.text = caption;
            draft.copyOf = new CopyOf(fromChatId, messageId);
        });
    }

    /** Pins our earlier message {@code messageOf}. */
    public static Outgoing pin(String id, String chatId, String groupId, String messageOf, Instant at) {
        return Draft.start(id, Kind.PIN, Lane.CONVERSATION, chatId, groupId, at, draft -> draft.editOf = messageOf);
    }

    /**
     * Whether sending this puts a message of ours in the chat, one a member can reply to (a text, a
     * poll, a copy). An edit, a pin, a reaction or a button's answer changes or answers what is there.
     */
    public boolean postsMessage() {
        return kind == Kind.TEXT || kind == Kind.POLL || kind == Kind.COPY;
    }

    /** Whether this names our earlier message by {@code editOf}, which must be delivered before it goes. */
    public boolean refersToEarlier() {
        return kind == Kind.EDIT || kind == Kind.STOP_POLL || kind == Kind.PIN;
    }

    /** This edit as content that must arrive ({@link #lasting}), not progress that may be skipped. */
    public Outgoing asLasting() {
        return changed(draft -> draft.lasting = true);
    }

    public Outgoing withButtons(List<List<OutButton>> newButtons) {
        return changed(draft -> draft.buttons = newButtons);
    }

    /** The same message under another id (one merged from several keeps the first one's). */
    public Outgoing withId(String newId) {
        return changed(draft -> draft.id = newId);
    }

    public Outgoing withText(String newText) {
        return changed(draft -> draft.text = newText);
    }

    /** Asks the client to open a reply to this message. */
    public Outgoing forcingReply(boolean force) {
        return changed(draft -> draft.forceReply = force);
    }

    public Outgoing replyingTo(String messageId) {
        return changed(draft -> draft.replyToMessageId = messageId);
    }

    /** Marks the message as asking the prompt {@code stage|round|index}. */
    public Outgoing asking(String ref) {
        return changed(draft -> draft.promptRef = ref);
    }

    /** The same message addressed to another chat (the group became a supergroup). */
    public Outgoing addressedTo(String newChatId) {
        return newChatId.equals(chatId) ? this : changed(draft -> draft.chatId = newChatId);
    }

    private Outgoing changed(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.build();
    }

    /**
     * The one place that calls the canonical constructor: the factories and {@code with...}
     * methods name the fields they set, and a new field is added here once.
     */
    private static final class Draft {
        private String id;
        private final Kind kind;
        private final Lane lane;
        private String chatId;
        private final String groupId;
        private String text;
        private List<List<OutButton>> buttons = List.of();
        private boolean forceReply;
        private String replyToMessageId;
        private String promptRef;
        private String reaction;
        private String callbackId;
        private final Instant createdAt;
        private String editOf;
        private boolean alert;
        private boolean lasting;
        private List<String> options = List.of();
        private CopyOf copyOf;

        private Draft(String id, Kind kind, Lane lane, String chatId, String groupId, Instant createdAt) {
            this.id = id;
            this.kind = kind;
            this.lane = lane;
            this.chatId = chatId;
            this.groupId = groupId;
            this.createdAt = createdAt;
        }

        private Draft(Outgoing message) {
            this(message.id, message.kind, message.lane, message.chatId, message.groupId, message.createdAt);
            text = message.text;
            buttons = message.buttons;
            forceReply = message.forceReply;
            replyToMessageId = message.replyToMessageId;
            promptRef = message.promptRef;
            reaction = message.reaction;
            callbackId = message.callbackId;
            editOf = message.editOf;
            alert = message.alert;
            lasting = message.lasting;
            options = message.options;
            copyOf = message.copyOf;
        }

        private static Outgoing start(String id, Kind kind, Lane lane, String chatId, String groupId, Instant at,
                                      Consumer<Draft> fields) {
            Draft draft = new Draft(id, kind, lane, chatId, groupId, at);
            fields.accept(draft);
            return draft.build();
        }

        private Outgoing build() {
            return new Outgoing(id, kind, lane, chatId, groupId, text, buttons, forceReply, replyToMessageId,
                    promptRef, reaction, callbackId, createdAt, editOf, alert, lasting, options, copyOf);
        }
    }
}
