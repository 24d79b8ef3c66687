package id.rembug.bot.knowledge.llm;

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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model's instructions, from {@code texts/llm-prompts.yaml}, checked at start-up like every
 * other text file: each prompt present and using only its placeholders.
 */
public final class LlmPrompts {

    public static final String DEFAULT_RESOURCE = "texts/llm-prompts.yaml";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    /** The prompts and the placeholders each may use. */
    public enum Key {
        SUMMARY_SYSTEM("summary-system", "language", "tag"),
        SUMMARY_REQUEST("summary-request"),
        ANSWER_SYSTEM("answer-system", "language", "tag", "articlesTag"),
        ANSWER_REQUEST("answer-request");

        final String yamlKey;
        final List<String> placeholders;

        Key(String yamlKey, String... placeholders) {
            this.yamlKey = yamlKey;
            this.placeholders = List.of(placeholders);
        }
    }

    private final Map<Key, String> prompts;

    private LlmPrompts(Map<Key, String> prompts) {
        this.prompts = new EnumMap<>(prompts);
    }

    public static LlmPrompts loadDefault() {
        try (InputStream in = LlmPrompts.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + DEFAULT_RESOURCE + " on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    public static LlmPrompts parse(String yaml, String source) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalStateException(source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("prompts") instanceof Map<?, ?> entries)) {
            throw new IllegalStateException(source + " must start with 'prompts:' followed by the prompts");
        }
        List<String> problems = new ArrayList<>();
        Map<Key, String> prompts = new EnumMap<>(Key.class);
        for (Key key : Key.values()) {
            if (!(entries.get(key.yamlKey) instanceof String text) || text.isBlank()) {
                problems.add("prompt '" + key.yamlKey + "' is missing or empty");
                continue;
            }
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                if (!key.placeholders.contains(placeholder.group(1))) {
                    problems.add("prompt '" + key.yamlKey + "' uses {" + placeholder.group(1) + "}; it may use "
                            + (key.placeholders.isEmpty() ? "none" : String.join(", ", key.placeholders)));
                }
            }
            for (String needed : key.placeholders) {
                // The system prompts must name the data block's tag, or the model cannot tell data from instructions.
                if (!text.contains("{" + needed + "}")) {
                    problems.add("prompt '" + key.yamlKey + "' must use {" + needed + "}");
                }
            }
            prompts.put(key, text.strip());
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + " in " + source + ":\n  " + String.join("\n  ", problems));
        }
        return new LlmPrompts(prompts);
    }

    /** The prompt with its placeholders filled; values are our own words (language names, tags). */
    public String get(Key key, Map<String, ?> values) {
        return Text.fill(prompts.get(key), values);
    }

    /** The language's name as the model should read it in "answer in {language}". */
    public static String languageName(Language language) {
        return language == Language.EN ? "English" : "Bahasa Indonesia";
    }
}
