package id.rembug.dialogues.flow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A product text in every language it is written in: always Bahasa Indonesia and English, and any
 * regional language the files add. A language the text lacks gets the Indonesian text, never a key.
 */
public final class Text {

    private final Map<Language, String> byLanguage;

    public Text(String id, String en) {
        this(Map.of(Language.ID, Objects.requireNonNull(id, "id"), Language.EN, Objects.requireNonNull(en, "en")));
    }

    public Text(Map<Language, String> byLanguage) {
        if (!byLanguage.containsKey(Language.ID) || !byLanguage.containsKey(Language.EN)) {
            throw new IllegalArgumentException("a text needs Indonesian and English, got " + byLanguage.keySet());
        }
        Map<Language, String> ordered = new LinkedHashMap<>();
        ordered.put(Language.ID, byLanguage.get(Language.ID));
        ordered.put(Language.EN, byLanguage.get(Language.EN));
        ordered.putAll(byLanguage);
        this.byLanguage = java.util.Collections.unmodifiableMap(ordered);
    }

    /** Reads the stored form, {@code {"id": "...", "en": "...", ...}}. */
    @JsonCreator
    static Text fromJson(Map<String, String> stored) {
        Map<Language, String> byLanguage = new LinkedHashMap<>();
        stored.forEach((code, text) -> byLanguage.put(Language.of(code), text));
        return new Text(byLanguage);
    }

    @JsonValue
    Map<String, String> toJson() {
        Map<String, String> stored = new LinkedHashMap<>();
        byLanguage.forEach((language, text) -> stored.put(language.code(), text));
        return stored;
    }

    public String id() {
        return byLanguage.get(Language.ID);
    }

    public String en() {
        return byLanguage.get(Language.EN);
    }

    /** The languages this text is written in. */
    public Set<Language> languages() {
        return byLanguage.keySet();
    }

    public boolean has(Language language) {
        return byLanguage.containsKey(language);
    }

    public String in(Language language) {
        String text = byLanguage.get(language);
        return text != null ? text : id();
    }

    /**
     * Fills {@code {name}} placeholders. Unknown placeholders stay visible so a typo in a
     * flow file shows up in the simulator instead of silently disappearing.
     */
    public String in(Language language, Map<String, ?> values) {
        return fill(in(language), values);
    }

    /** The same text with {@code {name}} filled in each language from {@code value}, e.g. the flow's form of address. */
    public Text filled(String name, Text value) {
        Map<Language, String> result = new LinkedHashMap<>();
        byLanguage.forEach((language, text) -> result.put(language, fill(text, Map.of(name, value.in(language)))));
        return new Text(result);
    }

    public static String fill(String template, Map<String, ?> values) {
        if (values.isEmpty() || template.indexOf('{') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int close = template.indexOf('}', i);
                if (close > i) {
                    String name = template.substring(i + 1, close);
                    if (values.containsKey(name)) {
                        out.append(values.get(name));
                        i = close + 1;
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Text text && text.byLanguage.equals(byLanguage);
    }

    @Override
    public int hashCode() {
        return byLanguage.hashCode();
    }

    @Override
    public String toString() {
        return "Text" + byLanguage;
    }
}
