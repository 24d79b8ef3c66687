package id.rembug.bot.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * A ready-to-send answer: plain text (no Markdown) and buttons, one per row. One message: the
 * longest article is well under Telegram's 4096 characters, and the gateway splits anything
 * longer.
 */
public record Reply(String text, List<ReplyButton> buttons) {

    public Reply {
        Objects.requireNonNull(text, "text");
        buttons = List.copyOf(buttons);
    }

    public static Reply text(String text) {
        return new Reply(text, List.of());
    }
}
