package id.rembug.bot.knowledge;

import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.Text;
import id.rembug.dialogues.flow.TextCatalog;
import id.rembug.dialogues.flow.TextFiles;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The knowledge features' texts, read from {@code texts/knowledge.yaml} by the one text loader
 * ({@link TextFiles}) and checked as a whole at start-up: a missing key or language, an unknown key or a placeholder
 * the text cannot fill stops the start with every problem listed, rather than showing a
 * resident a half-filled message later.
 *
 * <p>Besides {@code texts:}, the file may have {@code stage-why:}: per stage key, a short
 * explanation (id and en) of why the stage matters, for the alert of the "why" button. Each is
 * at most {@link #MAX_STAGE_WHY} characters, so that the stage's title and the {@code /baca}
 * pointer fit beside it in Telegram's 200; a stage without one gets its article's summary,
 * shortened.
 */
public final class KnowledgeTexts extends TextCatalog<KnowledgeText> {

    public static final String DEFAULT_RESOURCE = "texts/knowledge.yaml";
    /** The longest "why this stage matters" text, in characters. */
    public static final int MAX_STAGE_WHY = 120;

    private final Map<String, Text> stageWhy;

    private KnowledgeTexts(TextCatalog<KnowledgeText> texts, Map<String, Text> stageWhy) {
        super(texts);
        this.stageWhy = Map.copyOf(stageWhy);
    }

    public static KnowledgeTexts loadDefault() {
        return parse(TextFiles.readResource(DEFAULT_RESOURCE, LAYOUT.fileKind()), DEFAULT_RESOURCE);
    }

    /** How {@code texts/knowledge.yaml} is laid out: the texts, and the stages' "why" beside them. */
    private static final TextFiles.Layout LAYOUT =
            new TextFiles.Layout("Knowledge texts", "texts", List.of("stage-why"), false, List.of());

    /** Reads and checks the texts; {@code source} names the file in error messages. */
    public static KnowledgeTexts parse(String yaml, String source) {
        TextCatalog<KnowledgeText> texts = TextFiles.parse(KnowledgeText.class, yaml, source, LAYOUT);
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        List<String> problems = new ArrayList<>();
        Map<String, Text> stageWhy = stageWhy(((Map<?, ?>) root).get("stage-why"), problems);
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

    /** Why the stage matters, in a sentence or two of {@code stage-why:}; empty when the file has none for it. */
    public Optional<String> stageWhy(String stageKey, Language language) {
        return Optional.ofNullable(stageWhy.get(stageKey)).map(text -> text.in(language));
    }
}
