package id.rembug.dialogues.flow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A language a text is written in, by its code ({@code id}, {@code en}, {@code jv}...). Languages
 * are data: which ones a group may switch to, and what they are called, is declared in the
 * messages file ({@link Languages}); a text in a language it lacks falls back to Bahasa Indonesia.
 */
public record Language(String code) {

    /** Two or three lowercase letters (ISO 639), what Telegram calls {@code language_code} too. */
    private static final Pattern CODE = Pattern.compile("[a-z]{2,3}");
    // After CODE: the constructor checks against it.
    public static final Language ID = new Language("id");
    public static final Language EN = new Language("en");

    public Language {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a language code is two or three lowercase letters, not '" + code + "'");
        }
    }

    /** Reads a stored code; states stored before languages were data hold {@code "ID"} or {@code "EN"}. */
    @JsonCreator
    public static Language of(String code) {
        String normalised = code.trim().toLowerCase(Locale.ROOT);
        // the same instance for the two every text has, so a stray == still holds; compare with equals
        return normalised.equals(ID.code) ? ID : normalised.equals(EN.code) ? EN : new Language(normalised);
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    /** The languages every text must be complete in: Indonesian first, English second. */
    public static List<Language> values() {
        return List.of(ID, EN);
    }

    /**
     * The language a code or common name stands for, among the two every text has; the messages
     * file's {@link Languages} knows the others.
     */
    public static Optional<Language> fromCode(String code) {
        return Languages.BUILT_IN.find(code);
    }

    static boolean isCode(String value) {
        return value != null && CODE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return code;
    }
}
