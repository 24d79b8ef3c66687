package id.rembug.bot.simulator;

/**
 * What a typed message replies to. Telegram's ForceReply opens a reply to the bot's question on
 * its own, so by default a message replies to the chat's last bot message that asked for one.
 */
public sealed interface ReplyChoice {

    /** Reply to the last bot message that asked for a reply, if there is one. */
    record Auto() implements ReplyChoice {
    }

    /** Not a reply (the person closed the reply bar). */
    record None() implements ReplyChoice {
    }

    record To(String messageId) implements ReplyChoice {
    }

    ReplyChoice AUTO = new Auto();
    ReplyChoice NONE = new None();

    /**
     * The form/JSON parameter: absent means {@link Auto}, {@code none} or empty means
     * {@link None}, anything else is a message id.
     */
    static ReplyChoice parse(String value) {
        if (value == null) {
            return AUTO;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("none")) {
            return NONE;
        }
        if (trimmed.equalsIgnoreCase("auto")) {
            return AUTO;
        }
        return new To(trimmed);
    }
}
