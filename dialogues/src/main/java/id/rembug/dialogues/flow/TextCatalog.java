package id.rembug.dialogues.flow;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One text file, loaded: a text for every key of {@code K}, in Indonesian and English and in any
 * regional language the file has. Read by {@link TextFiles}; the one way every text of Rembug is
 * looked up, by the engine and the bot alike.
 */
public class TextCatalog<K extends Enum<K> & TextKey> {

    private final Class<K> keys;
    private final Map<K, Text> texts;
    private final Languages languages;

    public TextCatalog(Class<K> keys, Map<K, Text> texts, Languages languages) {
        for (K key : keys.getEnumConstants()) {
            if (!texts.containsKey(key)) {
                throw new IllegalArgumentException("text '" + key.yamlKey() + "' is missing");
            }
        }
        this.keys = keys;
        this.texts = new EnumMap<>(texts);
        this.languages = languages;
    }

    protected TextCatalog(TextCatalog<K> other) {
        this(other.keys, other.texts, other.languages);
    }

    public Text text(K key) {
        return texts.get(key);
    }

    public String get(K key, Language language) {
        return texts.get(key).in(language);
    }

    public String get(K key, Language language, Map<String, ?> values) {
        return texts.get(key).in(language, values);
    }

    /** Every text in {@code language} by its key as the file writes it, for a page template ({@code t['page-title']}). */
    public Map<String, String> words(Language language) {
        Map<String, String> words = new java.util.LinkedHashMap<>();
        texts.forEach((key, text) -> words.put(key.yamlKey(), text.in(language)));
        return java.util.Collections.unmodifiableMap(words);
    }

    /** The languages the file declares (Indonesian and English when it declares none). */
    public Languages languages() {
        return languages;
    }

    /** The keys whose text is not written in {@code language} and falls back to Indonesian. */
    public List<K> missingIn(Language language) {
        List<K> missing = new ArrayList<>();
        for (K key : keys.getEnumConstants()) {
            if (!texts.get(key).has(language)) {
                missing.add(key);
            }
        }
        return missing;
    }

    /** Every language some text of the file is written in. */
    public java.util.Set<Language> languagesWritten() {
        java.util.Set<Language> written = new java.util.LinkedHashSet<>();
        texts.values().forEach(text -> written.addAll(text.languages()));
        return written;
    }

    /** Every text with {@code {name}} filled by {@code value} in each language. */
    protected Map<K, Text> filledTexts(String name, Text value) {
        Map<K, Text> filled = new EnumMap<>(keys);
        texts.forEach((key, text) -> filled.put(key, text.filled(name, value)));
        return filled;
    }

    protected Class<K> keys() {
        return keys;
    }
}
