package id.rembug.bot.broadcast;

import id.rembug.dialogues.flow.Language;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The broadcast texts in both languages ({@code texts/broadcast.yaml}), checked at start-up: a
 * key without both languages stops the start rather than showing a group a blank.
 */
public final class BroadcastTexts {

    static final String RESOURCE = "texts/broadcast.yaml";

    private final Map<String, Map<Language, String>> texts;

    private BroadcastTexts(Map<String, Map<Language, String>> texts) {
        this.texts = texts;
    }

    public static BroadcastTexts load() {
        try (InputStream in = BroadcastTexts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the classpath");
            }
            Object root = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!(root instanceof Map<?, ?> top) || !(top.get("texts") instanceof Map<?, ?> entries)) {
                throw new IllegalStateException(RESOURCE + " must start with 'texts:'");
            }
            Map<String, Map<Language, String>> texts = new HashMap<>();
            List<String> problems = new ArrayList<>();
            entries.forEach((key, value) -> {
                Map<Language, String> byLanguage = new HashMap<>();
                for (Language language : Language.values()) {
                    Object text = value instanceof Map<?, ?> m ? m.get(language.code()) : null;
                    if (text == null || text.toString().isBlank()) {
                        problems.add(key + " has no '" + language.code() + "' text");
                    } else {
                        byLanguage.put(language, text.toString());
                    }
                }
                texts.put(key.toString(), byLanguage);
            });
            if (!problems.isEmpty()) {
                throw new IllegalStateException(RESOURCE + ": " + String.join("; ", problems));
            }
            return new BroadcastTexts(texts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public String get(String key, Language language) {
        return get(key, language, Map.of());
    }

    public String get(String key, Language language, Map<String, ?> values) {
        Map<Language, String> byLanguage = texts.get(key);
        if (byLanguage == null) {
            throw new IllegalArgumentException("no broadcast text '" + key + "'");
        }
        String text = byLanguage.get(language);
        for (Map.Entry<String, ?> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", String.valueOf(value.getValue()));
        }
        return text;
    }
}
