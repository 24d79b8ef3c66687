package id.rembug.bot.channel;

/** What became of one attempt to deliver an {@link Outgoing} message. */
public sealed interface SendResult {

    /**
     * Delivered; {@code messageId} is the platform's id of the message. A text sent in several
     * parts reports its last part, the one carrying the buttons or the reply request (the message
     * people answer); a reaction reports the message it sits on; a callback answer its callback id.
     * A poll also reports the platform's id of the poll ({@code pollId}), which votes name; null otherwise.
     */
    record Sent(String messageId, String pollId) implements SendResult {

        public Sent(String messageId) {
            this(messageId, null);
        }
    }

    /** Too many requests: try again after this many seconds (Telegram's 429 retry_after). */
    record RetryAfter(int seconds) implements SendResult {
    }

    /** The group became a supergroup: send to {@code newChatId} from now on. */
    record Migrated(String newChatId) implements SendResult {
    }

    /** The bot may not write here (removed from the group, or the user never started it). */
    record Forbidden(String reason) implements SendResult {
    }

    /** A server error or time-out: worth retrying with backoff. */
    record Transient(String reason) implements SendResult {
    }

    /** The platform refused the message itself (bad request): retrying will not help. */
    record Rejected(String reason) implements SendResult {
    }
}
