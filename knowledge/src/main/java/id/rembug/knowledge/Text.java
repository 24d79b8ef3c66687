package id.rembug.knowledge;

import java.util.Locale;
import java.util.Objects;

/**
 * A piece of article text in Bahasa Indonesia and English.
 *
 * <p>Kept separate from the dialogues module's text type on purpose: the knowledge base
 * must stand on its own so either module can change without the other.
 */
public record Text(String id, String en) {

    public Text {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(en, "en");
    }

    /**
     * The text in the language with this code ("id" or "en", region suffixes such as
     * "en-GB" allowed). Anything else falls back to Indonesian, the product's first language.
     */
    public String in(String languageCode) {
        if (languageCode == null) {
            return id;
        }
        String code = languageCode.trim().toLowerCase(Locale.ROOT);
        return code.equals("en") || code.startsWith("en-") || code.startsWith("en_") ? en : id;
    }
}
