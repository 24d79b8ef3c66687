package id.rembug.bot.knowledge;

import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.Text;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The knowledge features' texts in both languages, read from {@code texts/knowledge.yaml} and
 * checked as a whole at start-up: a missing key or language, an unknown key or a placeholder
 * the text cannot fill stops the start with every problem listed, rather than showing a
 * resident a half-filled message later.
 *
 * <p>Besides {@code texts:}, the file may have {@code stage-why:}: per stage key, a short
 * explanation (id and en) of why the stage matters, for the alert of the "why" button. Each is
 * at most {@link #MAX_STAGE_WHY} characters, so that the stage's title and the {@code /baca}
 * pointer fit beside it in Telegram's 200; a stage without one gets its article's summary,
 * shortened.
 */
public final class KnowledgeTexts {

    public static final String DEFAULT_RESOURCE = "texts/knowledge.yaml";
    /** The longest "why this stage matters" text, in characters. */
    public static final int MAX_STAGE_WHY = 120;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-zA-Z]*)}");

    private final Map<KnowledgeText, Text> texts;
    private final Map<String, Text> stageWhy;

    private KnowledgeTexts(Map<KnowledgeText, Text> texts, Map<String, Text> stageWhy) {
        this.texts = new EnumMap<>(texts);
        this.stageWhy = Map.copyOf(stageWhy);
    }

    public static KnowledgeTexts loadDefault() {
        try (InputStream in = KnowledgeTexts.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + DEFAULT_RESOURCE + " on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /** Reads and checks the texts; {@code source} names the file in error messages. */
    public static KnowledgeTexts parse(String yaml, String source) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalStateException(source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("texts") instanceof Map<?, ?> entries)) {
            throw new IllegalStateException(source + " must start with 'texts:' followed by the texts");
        }
        List<String> problems = new ArrayList<>();
        Map<KnowledgeText, Text> texts = new EnumMap<>(KnowledgeText.class);
        for (KnowledgeText key : KnowledgeText.values()) {
            Object value = entries.get(key.yamlKey());
            if (value == null) {
                problems.add("text '" + key.yamlKey() + "' is missing");
                continue;
            }
            if (!(value instanceof Map<?, ?> languages)) {
                problems.add("text '" + key.yamlKey() + "' needs 'id:' and 'en:' under it");
                continue;
            }
            String id = language(languages, "id", key, problems);
            String en = language(languages, "en", key, problems);
            if (id != null && en != null) {
                texts.put(key, new Text(id, en));
            }
        }
        for (Object name : entries.keySet()) {
            boolean known = false;
            for (KnowledgeText key : KnowledgeText.values()) {
                known |= key.yamlKey().equals(name);
            }
            if (!known) {
                problems.add("unknown text '" + name + "'");
            }
        }
        Map<String, Text> stageWhy = stageWhy(top.get("stage-why"), problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + " in " + source + ":\n  " + String.join("\n  ", problems));
        }
        return new KnowledgeTexts(texts, stageWhy);
    }

    private static Map<String, Text> stageWhy(Object section, List<String> problems) {
        Map<String, Text> result = new LinkedHashMap<>();
        if (section == null) {
            return result;
        }
        if (!(section instanceof Map<?, ?> stages)) {
            problems.add("'stage-why:' needs stage keys under it, each with 'id:' and 'en:'");
            return result;
        }
        for (Map.Entry<?, ?> stage : stages.entrySet()) {
            String name = "stage-why." + stage.getKey();
            if (!(stage.getValue() instanceof Map<?, ?> languages)) {
                problems.add("'" + name + "' needs 'id:' and 'en:' under it");
                continue;
            }
            String id = plain(languages, "id", name, problems);
            String en = plain(languages, "en", name, problems);
            if (id != null && en != null) {
                result.put(String.valueOf(stage.getKey()), new Text(id, en));
            }
        }
        return result;
    }

    /** A text without placeholders that fits the "why" alert. */
    private static String plain(Map<?, ?> languages, String code, String name, List<String> problems) {
        Object value = languages.get(code);
        if (!(value instanceof String text) || text.isBlank()) {
            problems.add("'" + name + "' has no '" + code + "'");
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > MAX_STAGE_WHY) {
            problems.add("'" + name + "." + code + "' is " + stripped.length() + " characters long; keep it to "
                    + MAX_STAGE_WHY + " so that the alert fits Telegram's 200 with the title and /baca");
        }
        return stripped;
    }

    private static String language(Map<?, ?> languages, String code, KnowledgeText key, List<String> problems) {
        Object value = languages.get(code);
        if (!(value instanceof String text) || text.isBlank()) {
            problems.add("text '" + key.yamlKey() + "' has no '" + code + "'");
            return null;
        }
        Matcher placeholder = PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            if (!key.placeholders().contains(placeholder.group(1))) {
                problems.add("text '" + key.yamlKey() + "." + code + "' uses {" + placeholder.group(1) + "}; it may use "
                        + (key.placeholders().isEmpty() ? "none" : String.join(", ", key.placeholders())));
            }
        }
        return text.strip();
    }

    public String get(KnowledgeText key, Language language) {
        return texts.get(key).in(language);
    }

    public String get(KnowledgeText key, Language language, Map<String, ?> values) {
        return texts.get(key).in(language, values);
    }

    /** Why the stage matters, in a sentence or two of {@code stage-why:}; empty when the file has none for it. */
    public Optional<String> stageWhy(String stageKey, Language language) {
        return Optional.ofNullable(stageWhy.get(stageKey)).map(text -> text.in(language));
    }
}
