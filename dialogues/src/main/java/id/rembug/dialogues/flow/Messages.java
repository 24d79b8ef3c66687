package id.rembug.dialogues.flow;

import java.util.EnumMap;
import java.util.Map;

/** The engine's own texts, validated at load so every key exists in both languages. */
public final class Messages {

    private final Map<MessageKey, Text> texts;

    public Messages(Map<MessageKey, Text> texts) {
        for (MessageKey key : MessageKey.values()) {
            if (!texts.containsKey(key)) {
                throw new IllegalArgumentException("message '" + key.yamlKey() + "' is missing");
            }
        }
        this.texts = new EnumMap<>(texts);
    }

    public Text text(MessageKey key) {
        return texts.get(key);
    }

    public String get(MessageKey key, Language language) {
        return texts.get(key).in(language);
    }

    public String get(MessageKey key, Language language, Map<String, ?> values) {
        return texts.get(key).in(language, values);
    }
}
