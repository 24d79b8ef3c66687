package id.rembug.dialogues.flow;

import static id.rembug.dialogues.flow.YamlWalker.child;
import static id.rembug.dialogues.flow.YamlWalker.quote;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The one loader of text files ({@code flows/messages.yaml}, {@code texts/*.yaml}): a mapping
 * from key to {@code {id: "...", en: "...", jv: "..."}}, keyed by an enum implementing
 * {@link TextKey}. Nothing half-valid loads: a missing key, a missing Indonesian or English text,
 * an unknown key (with the nearest known one suggested) or a placeholder the code does not fill is
 * collected with its line and thrown together as a {@link FlowLoadException}.
 */
public final class TextFiles {

    /** Beyond this many edits a suggestion is more confusing than helpful. */
    private static final int SUGGESTION_DISTANCE = 3;
    private static final String LANGUAGES_FIELD = "languages";
    private static final List<String> LANGUAGE_FIELDS = List.of("name", "words", "telegram");

    /**
     * How one kind of text file is laid out.
     *
     * @param fileKind      how problems name it, e.g. {@code Messages file}
     * @param topField      the field holding the texts: {@code messages}, {@code texts}, {@code prompts}
     * @param otherFields   further top-level fields its own reader handles (ignored here)
     * @param oneText       whether a text may be a single string, the same in every language
     *                      (instructions to a language model)
     * @param everywhere    placeholders every text of the file may use besides its key's own
     *                      ({@code address}, the flow's form of address)
     */
    public record Layout(String fileKind, String topField, List<String> otherFields, boolean oneText,
                         List<String> everywhere) {

        public Layout {
            otherFields = List.copyOf(otherFields);
            everywhere = List.copyOf(everywhere);
        }

        /** Texts in languages under {@code topField}, with no other top-level field. */
        public static Layout of(String fileKind, String topField) {
            return new Layout(fileKind, topField, List.of(), false, List.of());
        }
    }

    private TextFiles() {
    }

    /** A file on the classpath as UTF-8; a missing or unreadable one is a {@link FlowLoadException} naming it. */
    public static String readResource(String resource, String fileKind) {
        return FlowLoader.readResource(resource, fileKind);
    }

    public static <K extends Enum<K> & TextKey> TextCatalog<K> loadResource(Class<K> keys, String resource,
                                                                           Layout layout) {
        return parse(keys, FlowLoader.readResource(resource, layout.fileKind()), FlowLoader.resourceSource(resource),
                layout);
    }

    /** Reads and checks a text file; {@code source} names it in problems. */
    public static <K extends Enum<K> & TextKey> TextCatalog<K> parse(Class<K> keys, String yaml, String source,
                                                                    Layout layout) {
        YamlWalker walker = new YamlWalker(source);
        List<String> topFields = new ArrayList<>();
        topFields.add(layout.topField());
        topFields.add(LANGUAGES_FIELD);
        topFields.addAll(layout.otherFields());
        String documentExpected = "a mapping with " + String.join(", ", topFields);
        Optional<MappingNode> top = walker.compose(yaml, documentExpected)
                .flatMap(root -> walker.mapping(root, "", documentExpected));
        Map<K, Text> texts = new EnumMap<>(keys);
        Languages languages = Languages.BUILT_IN;
        if (top.isPresent()) {
            Map<String, NodeTuple> fields = walker.fields(top.get(), "", topFields);
            languages = walker.optional(fields, LANGUAGES_FIELD).map(node -> languages(walker, node))
                    .orElse(Languages.BUILT_IN);
            String expected = "a mapping from text key to {id: \"...\", en: \"...\"}";
            Optional<MappingNode> mapping = walker.require(fields, layout.topField(), top.get(), "", expected)
                    .flatMap(node -> walker.mapping(node, layout.topField(), expected));
            mapping.ifPresent(m -> texts.putAll(texts(walker, keys, m, layout)));
        }
        if (walker.hasProblems() || top.isEmpty()) {
            throw new FlowLoadException(layout.fileKind(), source, walker.problems());
        }
        return new TextCatalog<>(keys, texts, languages);
    }

    private static <K extends Enum<K> & TextKey> Map<K, Text> texts(YamlWalker walker, Class<K> keys,
                                                                     MappingNode mapping, Layout layout) {
        String top = layout.topField();
        Map<K, Text> texts = new EnumMap<>(keys);
        for (Map.Entry<String, NodeTuple> entry : walker.fields(mapping, top, null).entrySet()) {
            String name = entry.getKey();
            K key = key(keys, name);
            if (key == null) {
                walker.problem(entry.getValue().getKeyNode(), child(top, name),
                        "an unknown text key " + quote(name), knownKeyLike(keys, name));
                continue;
            }
            List<String> placeholders = new ArrayList<>(key.placeholders());
            placeholders.addAll(layout.everywhere());
            Node value = entry.getValue().getValueNode();
            String path = child(top, name);
            Text text = layout.oneText() && value instanceof ScalarNode
                    ? walker.oneText(value, path, placeholders)
                    : walker.text(value, path, 0, placeholders);
            walker.requirePlaceholders(value, path, text, key.required());
            texts.put(key, text);
        }
        for (K key : keys.getEnumConstants()) {
            if (!texts.containsKey(key)) {
                walker.problem(mapping, child(top, key.yamlKey()), "nothing", template(key));
            }
        }
        return texts;
    }

    private static Languages languages(YamlWalker walker, Node node) {
        String expected = "per language code a mapping with name, and optionally words and telegram";
        Optional<MappingNode> mapping = walker.mapping(node, LANGUAGES_FIELD, expected);
        if (mapping.isEmpty()) {
            return Languages.BUILT_IN;
        }
        List<Languages.Spoken> all = new ArrayList<>();
        for (Map.Entry<String, NodeTuple> entry : walker.fields(mapping.get(), LANGUAGES_FIELD, null).entrySet()) {
            String code = entry.getKey();
            String path = child(LANGUAGES_FIELD, code);
            if (!Language.isCode(code)) {
                walker.problem(entry.getValue().getKeyNode(), path, quote(code),
                        "a language code of two or three lowercase letters, like jv or su");
                continue;
            }
            Optional<MappingNode> fields = walker.mapping(entry.getValue().getValueNode(), path, expected);
            if (fields.isEmpty()) {
                continue;
            }
            Map<String, NodeTuple> values = walker.fields(fields.get(), path, LANGUAGE_FIELDS);
            String name = walker.require(values, "name", fields.get(), path, "the language's own name, like Basa Jawa")
                    .flatMap(n -> walker.scalar(n, child(path, "name"), "the language's own name")).orElse(code);
            List<String> words = walker.optional(values, "words")
                    .map(n -> walker.scalars(n, child(path, "words"))).orElse(List.of());
            String telegram = walker.optional(values, "telegram")
                    .flatMap(n -> walker.scalar(n, child(path, "telegram"), "Telegram's language_code, like jv"))
                    .orElse(code);
            all.add(new Languages.Spoken(Language.of(code), name, words, telegram));
        }
        for (Language needed : Language.values()) {
            if (all.stream().noneMatch(spoken -> spoken.language().equals(needed))) {
                walker.problem(mapping.get(), child(LANGUAGES_FIELD, needed.code()), "nothing",
                        "every text file has Indonesian (id) and English (en): declare both");
            }
        }
        return new Languages(all);
    }

    private static <K extends Enum<K> & TextKey> K key(Class<K> keys, String name) {
        for (K key : keys.getEnumConstants()) {
            if (key.yamlKey().equals(name)) {
                return key;
            }
        }
        return null;
    }

    /** What a missing text should look like, placeholders included, so it can be written straight away. */
    private static String template(TextKey key) {
        String text = "a text {id: \"...\", en: \"...\"}";
        if (key.placeholders().isEmpty()) {
            return text;
        }
        return text + " that may use " + String.join(", ", key.placeholders().stream()
                .map(name -> "{" + name + "}").toList());
    }

    private static <K extends Enum<K> & TextKey> String knownKeyLike(Class<K> keys, String name) {
        K closest = null;
        int best = Integer.MAX_VALUE;
        for (K key : keys.getEnumConstants()) {
            int distance = editDistance(name, key.yamlKey());
            if (distance < best) {
                best = distance;
                closest = key;
            }
        }
        String expected = "a text key the code knows (see " + keys.getSimpleName() + ")";
        return best <= SUGGESTION_DISTANCE ? expected + "; did you mean '" + closest.yamlKey() + "'?" : expected;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
