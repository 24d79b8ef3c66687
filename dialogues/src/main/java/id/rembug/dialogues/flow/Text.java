package id.rembug.dialogues.flow;

import java.util.Map;
import java.util.Objects;

/** A product text in Bahasa Indonesia and English. */
public record Text(String id, String en) {

    public Text {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(en, "en");
    }

    public String in(Language language) {
        return language == Language.EN ? en : id;
    }

    /**
     * Fills {@code {name}} placeholders. Unknown placeholders stay visible so a typo in a
     * flow file shows up in the simulator instead of silently disappearing.
     */
    public String in(Language language, Map<String, ?> values) {
        return fill(in(language), values);
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
}
