package id.rembug.dialogues.flow;

import java.util.Locale;
import java.util.Optional;

/** The languages every product text is written in. Indonesian comes first. */
public enum Language {
    ID("id"),
    EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalised = code.trim().toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.code.equals(normalised)) {
                return Optional.of(language);
            }
        }
        if (normalised.equals("indonesia") || normalised.equals("bahasa") || normalised.equals("in")) {
            return Optional.of(ID);
        }
        if (normalised.equals("english") || normalised.equals("inggris")) {
            return Optional.of(EN);
        }
        return Optional.empty();
    }
}
