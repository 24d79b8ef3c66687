package id.rembug.bot.knowledge;

import java.util.Objects;

/**
 * A button under a knowledge reply that opens one article, as {@code /baca <articleId>} would.
 * Platform-neutral: the channel turns it into its own kind of button (for Telegram, callback
 * data such as {@code r|<articleId>}, at most 4 + 40 bytes).
 */
public record ReplyButton(String label, String articleId) {

    public ReplyButton {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(articleId, "articleId");
    }
}
