package id.rembug.bot.dashboard;

import id.rembug.dialogues.flow.Language;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The dashboard's own words, from {@code texts/dashboard_<lang>.properties} (UTF-8). Kept apart from
 * Spring's message source so the dashboard's wording changes nothing elsewhere in the app.
 */
@Component
public class DashboardTexts {

    private final Map<Language, Map<String, String>> texts = new java.util.HashMap<>();

    public DashboardTexts() {
        for (Language language : Language.values()) {
            texts.put(language, load("texts/dashboard_" + language.code() + ".properties"));
        }
    }

    /** The dashboard is for staff and facilitators, in Indonesian or English; other languages get Indonesian. */
    public Map<String, String> all(Language language) {
        return texts.getOrDefault(language, texts.get(Language.ID));
    }

    public String get(Language language, String key, Object... values) {
        String text = all(language).get(key);
        if (text == null) {
            throw new IllegalArgumentException("no dashboard text " + key);
        }
        return values.length == 0 ? text : new MessageFormat(text.replace("'", "''")).format(values);
    }

    static Map<String, String> load(String resource) {
        try (InputStream in = DashboardTexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> map = new TreeMap<>();
            properties.forEach((k, v) -> map.put((String) k, (String) v));
            return Map.copyOf(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
