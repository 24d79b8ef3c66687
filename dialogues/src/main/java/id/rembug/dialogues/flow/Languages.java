package id.rembug.dialogues.flow;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages a group may switch to with {@code /bahasa}, as the messages file declares them
 * under {@code languages:}. Indonesian and English are always there (every text has them); a
 * regional language is added by declaring it here and writing its texts in the flow and message
 * files, and texts it lacks are shown in Bahasa Indonesia.
 */
public record Languages(List<Spoken> all) {

    /** What a messages file without {@code languages:} means: the two languages every text has. */
    public static final Languages BUILT_IN = new Languages(List.of(
            new Spoken(Language.ID, "Bahasa Indonesia", List.of("indonesia", "bahasa", "in", "ind"), "id"),
            new Spoken(Language.EN, "English", List.of("english", "inggris", "eng"), "en")));

    /**
     * One language a group may choose.
     *
     * @param name         how the language calls itself, shown in {@code /bahasa} answers
     * @param words        other things people type for it after {@code /bahasa} ({@code jawa})
     * @param telegramCode the {@code language_code} Telegram uses for it (setMyCommands)
     */
    public record Spoken(Language language, String name, List<String> words, String telegramCode) {
        public Spoken {
            words = List.copyOf(words);
        }
    }

    public Languages {
        all = List.copyOf(all);
    }

    public List<Language> codes() {
        return all.stream().map(Spoken::language).toList();
    }

    public boolean contains(Language language) {
        return all.stream().anyMatch(spoken -> spoken.language().equals(language));
    }

    /** The languages beyond Indonesian and English, whose missing texts fall back to Indonesian. */
    public List<Spoken> regional() {
        return all.stream().filter(spoken -> !Language.values().contains(spoken.language())).toList();
    }

    /** The language someone meant by a code or a name ({@code jv}, {@code jawa}, {@code Basa Jawa}). */
    public Optional<Language> find(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String normalised = typed.trim().toLowerCase(Locale.ROOT);
        for (Spoken spoken : all) {
            if (spoken.language().code().equals(normalised) || spoken.words().contains(normalised)
                    || spoken.name().toLowerCase(Locale.ROOT).equals(normalised)) {
                return Optional.of(spoken.language());
            }
        }
        return Optional.empty();
    }

    /** The codes to offer, e.g. {@code id, en, jv}. */
    public String offered() {
        return String.join(", ", codes().stream().map(Language::code).toList());
    }
}
