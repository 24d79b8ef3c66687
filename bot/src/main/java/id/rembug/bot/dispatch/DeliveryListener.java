package id.rembug.bot.dispatch;

import id.rembug.bot.channel.Outgoing;

import java.util.List;

/**
 * Told what became of outgoing messages. Every bean of this type is called by the dispatcher
 * after the outcome is committed in Redis, on the dispatcher's worker thread, so keep it quick.
 * A notification is best effort: an instance that dies between the commit and the call does not
 * repeat it; the delivery record ({@link DispatchKeys#delivery(String)}) is the durable truth.
 * An exception thrown here is logged and changes nothing.
 *
 * <p>The {@link Outgoing} passed is the message as it was addressed when sent: after a group
 * migrated, its {@code chatId} is the new id.
 */
public interface DeliveryListener {

    /** Delivered; {@code platformMessageId} is the platform's id of the message. */
    default void onSent(Outgoing message, String platformMessageId) {
    }

    /** Given up: rejected by the platform, out of retries, no gateway, or the chat forbids the bot. */
    default void onFailed(Outgoing message, String reason) {
    }

    /**
     * The platform said the bot may not write to this chat. Called once, with every message that
     * was pending for the chat (both lanes, the one just tried included), all marked failed.
     */
    default void onForbidden(String chatId, String reason, List<Outgoing> dropped) {
    }

    /**
     * Not tried: the chat was marked forbidden before ({@link #onForbidden}), so a message written
     * for it since is failed at once. The same as {@link #onFailed} unless a listener wants these
     * apart (one that keeps a person's messages until they start the bot keeps these too).
     */
    default void onWithheld(Outgoing message, String reason) {
        onFailed(message, reason);
    }

    /** A group became a supergroup; its pending messages now go to {@code newChatId}. */
    default void onMigrated(String oldChatId, String newChatId) {
    }
}
