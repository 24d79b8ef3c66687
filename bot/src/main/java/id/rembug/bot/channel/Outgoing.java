package id.rembug.bot.channel;

import java.time.Instant;
import java.util.List;

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
 * @param copyOf     for {@link Kind#COPY}: the person's message to copy here ({@code text} is then
 *                   the copy's caption, or null to keep the original's)
 */
public record Outgoing(String id, Kind kind, Lane lane, String chatId, String groupId, String text,
                       List<List<OutButton>> buttons, boolean forceReply, String replyToMessageId,
                       String promptRef, String reaction, String callbackId, Instant createdAt,
                       String editOf, boolean alert, boolean lasting, CopyOf copyOf) {

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

    public Outgoing {
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
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
    public record OutButton(String label, String callbackData) {
    }

    /** A text message in {@code lane}, without buttons, reply or prompt. */
    public static Outgoing text(String id, Lane lane, String chatId, String groupId, String text, Instant at) {
        return new Outgoing(id, Kind.TEXT, lane, chatId, groupId, text, List.of(), false, null, null, null, null, at,
                null, false, false, null);
    }

    /** Replaces the text of our earlier message {@code editOf}, keeping {@code buttons} under it. */
    public static Outgoing edit(String id, String chatId, String groupId, String editOf, String text,
                                List<List<OutButton>> buttons, Instant at) {
        return new Outgoing(id, Kind.EDIT, Lane.CONVERSATION, chatId, groupId, text, buttons, false, null, null, null,
                null, at, editOf, false, false, null);
    }

    public static Outgoing reaction(String id, String chatId, String groupId, String messageId, String emoji,
                                    Instant at) {
        return new Outgoing(id, Kind.REACTION, Lane.CONVERSATION, chatId, groupId, null, List.of(), false, messageId,
                null, emoji, null, at, null, false, false, null);
    }

    /** The answer to a button press: a toast, or with {@code alert} a dialog. */
    public static Outgoing callbackAnswer(String id, String chatId, String groupId, String callbackId, String text,
                                          boolean alert, Instant at) {
        return new Outgoing(id, Kind.CALLBACK_ANSWER, Lane.CONVERSATION, chatId, groupId, text, List.of(), false, null,
                null, null, callbackId, at, null, alert, false, null);
    }

    /**
     * A copy of the message {@code messageId} of chat {@code fromChatId} into {@code chatId},
     * with {@code caption} in place of its own (null keeps it; some kinds, a video note or a place,
     * take none).
     */
    public static Outgoing copy(String id, String chatId, String groupId, String fromChatId, String messageId,
                                String caption, Instant at) {
        return new Outgoing(id, Kind.COPY, Lane.CONVERSATION, chatId, groupId, caption, List.of(), false, null, null,
                null, null, at, null, false, false, new CopyOf(fromChatId, messageId));
    }

    /** This edit as content that must arrive ({@link #lasting}), not progress that may be skipped. */
    public Outgoing asLasting() {
        return new Outgoing(id, kind, lane, chatId, groupId, text, buttons, forceReply, replyToMessageId, promptRef,
                reaction, callbackId, createdAt, editOf, alert, true, copyOf);
    }

    public Outgoing withButtons(List<List<OutButton>> newButtons) {
        return new Outgoing(id, kind, lane, chatId, groupId, text, newButtons, forceReply, replyToMessageId, promptRef,
                reaction, callbackId, createdAt, editOf, alert, lasting, copyOf);
    }

    /** The same message under another id (one merged from several keeps the first one's). */
    public Outgoing withId(String newId) {
        return new Outgoing(newId, kind, lane, chatId, groupId, text, buttons, forceReply, replyToMessageId, promptRef,
                reaction, callbackId, createdAt, editOf, alert, lasting, copyOf);
    }

    public Outgoing withText(String newText) {
        return new Outgoing(id, kind, lane, chatId, groupId, newText, buttons, forceReply, replyToMessageId, promptRef,
                reaction, callbackId, createdAt, editOf, alert, lasting, copyOf);
    }

    /** Asks the client to open a reply to this message. */
    public Outgoing forcingReply(boolean force) {
        return new Outgoing(id, kind, lane, chatId, groupId, text, buttons, force, replyToMessageId, promptRef,
                reaction, callbackId, createdAt, editOf, alert, lasting, copyOf);
    }

    public Outgoing replyingTo(String messageId) {
        return new Outgoing(id, kind, lane, chatId, groupId, text, buttons, forceReply, messageId, promptRef,
                reaction, callbackId, createdAt, editOf, alert, lasting, copyOf);
    }

    /** Marks the message as asking the prompt {@code stage|round|index}. */
    public Outgoing asking(String ref) {
        return new Outgoing(id, kind, lane, chatId, groupId, text, buttons, forceReply, replyToMessageId, ref,
                reaction, callbackId, createdAt, editOf, alert, lasting, copyOf);
    }

    /** The same message addressed to another chat (the group became a supergroup). */
    public Outgoing addressedTo(String newChatId) {
        return newChatId.equals(chatId) ? this : new Outgoing(id, kind, lane, newChatId, groupId, text, buttons,
                forceReply, replyToMessageId, promptRef, reaction, callbackId, createdAt, editOf, alert, lasting, copyOf);
    }
}
