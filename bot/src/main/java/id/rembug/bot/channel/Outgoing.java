package id.rembug.bot.channel;

import java.time.Instant;
import java.util.List;

/**
 * A message Rembug owes a chat, platform-neutral. Written to the outbox in the same atomic
 * commit as the state change that caused it; the dispatcher sends it exactly once.
 *
 * @param id        unique and deterministic (derived from the inbox entry and position), so a
 *                  replayed commit cannot create a second copy
 * @param groupId   the group this message is about (for reports), may equal chatId
 * @param forceReply ask the client to open a reply to this message (how typed answers reach the
 *                  bot under Telegram's privacy mode)
 * @param promptRef {@code stage.round.prompt} when the message asks a prompt, so replies to it
 *                  can be matched to the prompt; null otherwise
 * @param reaction  for {@link Kind#REACTION}: the emoji to put on {@code replyToMessageId}
 * @param callbackId for {@link Kind#CALLBACK_ANSWER}: the button press being answered
 */
public record Outgoing(String id, Kind kind, Lane lane, String chatId, String groupId, String text,
                       List<List<OutButton>> buttons, boolean forceReply, String replyToMessageId,
                       String promptRef, String reaction, String callbackId, Instant createdAt) {

    public Outgoing {
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
    }

    public enum Kind {
        /** A text message, maybe with buttons. */
        TEXT,
        /** An emoji reaction on a member's message: a light acknowledgement. */
        REACTION,
        /** The answer to a button press (the small toast); not rate limited. */
        CALLBACK_ANSWER
    }

    /** Conversations go first; a large broadcast never queues a reply behind it. */
    public enum Lane { CONVERSATION, BROADCAST }

    /** An inline button: its label and the callback data (at most 64 bytes). */
    public record OutButton(String label, String callbackData) {
    }
}
