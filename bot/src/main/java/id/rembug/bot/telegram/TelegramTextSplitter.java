package id.rembug.bot.telegram;

import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.channel.TextCuts;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into parts Telegram accepts (at most 4096 characters, counted in UTF-16 units as
 * Telegram counts them). Cuts where a reader would pause: at the last paragraph break that
 * fits, else the last line break, else the last sentence end, each in the second half of the
 * part so that no message is wasted on a short one; else at the last space; only a single word
 * longer than a message is cut hard, and never inside a surrogate pair (see
 * {@link TextCuts#splitPoint}). The whitespace at a cut and trailing whitespace are dropped
 * (Telegram drops them anyway).
 */
public final class TelegramTextSplitter {

    public static final int MAX_MESSAGE_LENGTH = Outgoing.MAX_TEXT_LENGTH;

    private TelegramTextSplitter() {
    }

    public static List<String> split(String text) {
        return split(text, MAX_MESSAGE_LENGTH);
    }

    static List<String> split(String text, int limit) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > limit) {
            int cut = TextCuts.splitPoint(rest, limit);
            String part = rest.substring(0, cut).stripTrailing();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            rest = TextCuts.skipBreak(rest.substring(cut));
        }
        if (!rest.isBlank() || parts.isEmpty()) {
            parts.add(rest.stripTrailing());
        }
        return parts;
    }
}
