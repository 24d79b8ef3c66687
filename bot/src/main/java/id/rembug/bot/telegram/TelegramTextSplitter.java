package id.rembug.bot.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into parts Telegram accepts (at most 4096 characters, counted in UTF-16 units as
 * Telegram counts them). Cuts where a reader would: at the last line break that fits, else at
 * the last space, else hard, never inside a surrogate pair. The break at a cut and trailing
 * whitespace are dropped (Telegram drops trailing whitespace anyway).
 */
public final class TelegramTextSplitter {

    public static final int MAX_MESSAGE_LENGTH = 4096;

    private TelegramTextSplitter() {
    }

    public static List<String> split(String text) {
        return split(text, MAX_MESSAGE_LENGTH);
    }

    static List<String> split(String text, int limit) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > limit) {
            int cut = rest.lastIndexOf('\n', limit);
            int skip = 1;
            if (cut <= 0) {
                cut = rest.lastIndexOf(' ', limit);
            }
            if (cut <= 0) {
                cut = Character.isHighSurrogate(rest.charAt(limit - 1)) ? limit - 1 : limit;
                skip = 0;
            }
            String part = rest.substring(0, cut).stripTrailing();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            rest = rest.substring(cut + skip);
        }
        if (!rest.isBlank() || parts.isEmpty()) {
            parts.add(rest.stripTrailing());
        }
        return parts;
    }
}
