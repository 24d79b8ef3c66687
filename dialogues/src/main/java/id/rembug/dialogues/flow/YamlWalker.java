package id.rembug.dialogues.flow;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Walks a composed SnakeYAML node tree (not constructed objects, so every node keeps its line)
 * and collects problems instead of stopping at the first one. Each reading method reports what
 * is wrong and hands back an empty result, so the caller carries on with the next field.
 */
final class YamlWalker {

    /** Stands in for a text that could not be read, so walking can go on; never loaded. */
    static final Text NO_TEXT = new Text("", "");

    private static final int QUOTE_LIMIT = 40;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\n]{0,40})}");

    private final String source;
    private final List<FlowProblem> problems = new ArrayList<>();

    YamlWalker(String source) {
        this.source = source;
    }

    /** The problems so far, in file order (a stable sort keeps same-line problems in walk order). */
    List<FlowProblem> problems() {
        List<FlowProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(FlowProblem::line));
        return sorted;
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    void problem(Node at, String field, String found, String expected) {
        problems.add(new FlowProblem(source, lineOf(at), field, found, expected));
    }

    /** The document's root node, or empty after reporting a syntax error or an empty file. */
    Optional<Node> compose(String yaml, String expectedDocument) {
        try {
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
            if (root == null) {
                problems.add(new FlowProblem(source, 1, "", "an empty file", expectedDocument));
            }
            return Optional.ofNullable(root);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getContext() == null ? e.getProblem() : e.getContext() + ", " + e.getProblem();
            problems.add(new FlowProblem(source, mark == null ? 1 : mark.getLine() + 1, "",
                    "broken YAML (" + oneLine(what) + ")",
                    "valid YAML: check the indentation (spaces, never tabs), colons and quotes on this line or the one above"));
        } catch (YAMLException e) {
            problems.add(new FlowProblem(source, 1, "", "broken YAML (" + oneLine(e.getMessage()) + ")",
                    "valid YAML"));
        }
        return Optional.empty();
    }

    Optional<MappingNode> mapping(Node node, String field, String expected) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(mapping);
        }
        problem(node, field, describe(node), expected);
        return Optional.empty();
    }

    Optional<SequenceNode> sequence(Node node, String field, String expected) {
        if (node instanceof SequenceNode sequence) {
            return Optional.of(sequence);
        }
        problem(node, field, describe(node), expected);
        return Optional.empty();
    }

    /** A scalar's text; {@code ~} and an empty value count as nothing. */
    Optional<String> scalar(Node node, String field, String expected) {
        if (node instanceof ScalarNode scalar && !isNull(scalar)) {
            return Optional.of(scalar.getValue());
        }
        problem(node, field, describe(node), expected);
        return Optional.empty();
    }

    /**
     * The fields of a mapping by name, reporting non-text names, repeated names and, when
     * {@code allowed} is given, names outside it (typos such as {@code qourum}).
     */
    Map<String, NodeTuple> fields(MappingNode mapping, String path, List<String> allowed) {
        Map<String, NodeTuple> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode keyScalar) || isNull(keyScalar)) {
                problem(keyNode, path, describe(keyNode) + " as a field name",
                        allowed == null ? "a plain field name" : "one of " + String.join(", ", allowed));
                continue;
            }
            String name = keyScalar.getValue();
            if (allowed != null && !allowed.contains(name)) {
                problem(keyNode, child(path, name), "an unknown field " + quote(name),
                        "one of " + String.join(", ", allowed));
                continue;
            }
            NodeTuple first = fields.putIfAbsent(name, tuple);
            if (first != null) {
                problem(keyNode, child(path, name),
                        "a second " + quote(name) + " (the first is on line " + lineOf(first.getKeyNode()) + ")",
                        "each field once");
            }
        }
        return fields;
    }

    /** A required field's value, or empty after reporting it missing at the parent's line. */
    Optional<Node> require(Map<String, NodeTuple> fields, String name, MappingNode parent, String path,
                           String expected) {
        NodeTuple tuple = fields.get(name);
        if (tuple == null) {
            problem(parent, child(path, name), "nothing", expected);
            return Optional.empty();
        }
        return Optional.of(tuple.getValueNode());
    }

    Optional<Node> optional(Map<String, NodeTuple> fields, String name) {
        return Optional.ofNullable(fields.get(name)).map(NodeTuple::getValueNode);
    }

    /** A key matching {@code pattern}, or empty after reporting why not. */
    Optional<String> key(Node node, String field, Pattern pattern, String expected) {
        Optional<String> value = scalar(node, field, expected);
        if (value.isPresent() && !pattern.matcher(value.get()).matches()) {
            problem(node, field, quote(value.get()), expected);
            return Optional.empty();
        }
        return value;
    }

    /** A whole number from {@code min} to {@code max} inclusive. */
    OptionalInt integer(Node node, String field, int min, int max) {
        String expected = "a whole number from " + min + " to " + max;
        Optional<String> value = scalar(node, field, expected);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        String digits = value.get().trim();
        // Nine digits fit an int; anything longer is out of range anyway.
        if (!digits.matches("[+-]?[0-9]{1,9}")) {
            problem(node, field, quote(value.get()), expected);
            return OptionalInt.empty();
        }
        int number = Integer.parseInt(digits);
        if (number < min || number > max) {
            problem(node, field, quote(value.get()), expected);
            return OptionalInt.empty();
        }
        return OptionalInt.of(number);
    }

    /**
     * A text in Indonesian and English and any other language, {@code {id: ..., en: ..., jv: ...}},
     * each no longer than {@code maxLength} characters (0 for no limit). When {@code placeholders}
     * is given, every {@code {name}} in it must be one of them.
     */
    Text text(Node node, String field, int maxLength, List<String> placeholders) {
        Optional<MappingNode> mapping = mapping(node, field,
                "a text in Indonesian and English, like {id: \"...\", en: \"...\"}");
        if (mapping.isEmpty()) {
            return NO_TEXT;
        }
        Map<String, NodeTuple> languages = languages(mapping.get(), field);
        Map<Language, String> texts = new LinkedHashMap<>();
        boolean complete = true;
        for (Language required : Language.values()) {
            String text = language(languages, required, Language.ID.equals(required) ? "an Indonesian text" : "an English text",
                    mapping.get(), field, maxLength, placeholders);
            complete &= text != null;
            texts.put(required, text);
        }
        for (String code : languages.keySet()) {
            Language language = Language.of(code);
            if (!texts.containsKey(language)) {
                String text = language(languages, language, "a text", mapping.get(), field, maxLength, placeholders);
                if (text != null) {
                    texts.put(language, text);
                }
            }
        }
        return complete ? new Text(texts) : NO_TEXT;
    }

    /** One text for every language (a plain string), e.g. instructions to a language model. */
    Text oneText(Node node, String field, List<String> placeholders) {
        Optional<String> value = scalar(node, field, "a text");
        if (value.isEmpty() || value.get().isBlank()) {
            if (value.isPresent()) {
                problem(node, field, "a blank text", "a text");
            }
            return NO_TEXT;
        }
        checkPlaceholders(node, field, value.get(), placeholders);
        return new Text(value.get().strip(), value.get().strip());
    }

    /** A list of plain words. */
    List<String> scalars(Node node, String field) {
        List<String> values = new ArrayList<>();
        sequence(node, field, "a list of words, like [jawa, javanese]").ifPresent(sequence -> {
            for (Node item : sequence.getValue()) {
                scalar(item, field, "a word").ifPresent(word -> values.add(word.strip().toLowerCase(java.util.Locale.ROOT)));
            }
        });
        return values;
    }

    /** Reports each language's text that leaves out a placeholder it must use. */
    void requirePlaceholders(Node node, String field, Text text, List<String> required) {
        for (Language language : text.languages()) {
            for (String name : required) {
                if (!text.in(language).contains("{" + name + "}")) {
                    problem(node, child(field, language.code()), "a text without {" + name + "}",
                            "a text that uses {" + name + "}");
                }
            }
        }
    }

    private Map<String, NodeTuple> languages(MappingNode mapping, String field) {
        Map<String, NodeTuple> languages = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> entry : fields(mapping, field, null).entrySet()) {
            if (Language.isCode(entry.getKey())) {
                languages.put(entry.getKey(), entry.getValue());
            } else {
                problem(entry.getValue().getKeyNode(), child(field, entry.getKey()),
                        "an unknown language " + quote(entry.getKey()),
                        "a language code: id (Bahasa Indonesia), en (English), or a regional one like jv");
            }
        }
        return languages;
    }

    private String language(Map<String, NodeTuple> languages, Language language, String expected,
                            MappingNode parent, String field, int maxLength, List<String> placeholders) {
        String path = child(field, language.code());
        Optional<Node> node = require(languages, language.code(), parent, field, expected);
        if (node.isEmpty()) {
            return null;
        }
        Optional<String> value = scalar(node.get(), path, expected);
        if (value.isEmpty()) {
            return null;
        }
        String text = value.get();
        if (text.isBlank()) {
            problem(node.get(), path, "a blank text", expected);
            return null;
        }
        int length = text.codePointCount(0, text.length());
        if (maxLength > 0 && length > maxLength) {
            problem(node.get(), path, "a text of " + length + " characters", "at most " + maxLength + " characters");
        }
        if (placeholders != null) {
            checkPlaceholders(node.get(), path, text, placeholders);
        }
        return text;
    }

    private void checkPlaceholders(Node node, String path, String text, List<String> allowed) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!allowed.contains(matcher.group(1))) {
                problem(node, path, "the placeholder " + matcher.group(), allowed.isEmpty()
                        ? "no placeholders in this message"
                        : "one of " + String.join(", ", allowed.stream().map(name -> "{" + name + "}").toList()));
            }
        }
    }

    /** Reports each repeated key, pointing at the first one. */
    static final class UniqueKeys {
        private final Map<String, Integer> firstLines = new LinkedHashMap<>();

        boolean firstTime(String key, Node at) {
            return firstLines.putIfAbsent(key, lineOf(at)) == null;
        }

        int firstLine(String key) {
            return firstLines.get(key);
        }
    }

    static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static String index(String path, int index) {
        return path + "[" + index + "]";
    }

    static int lineOf(Node node) {
        return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof ScalarNode scalar && !isNull(scalar)) {
            return quote(scalar.getValue());
        }
        return "nothing";
    }

    /** A value as staff typed it, cut short so one problem stays one readable line. */
    static String quote(String value) {
        String flat = oneLine(value);
        if (flat.codePointCount(0, flat.length()) > QUOTE_LIMIT) {
            flat = flat.substring(0, flat.offsetByCodePoints(0, QUOTE_LIMIT)) + "...";
        }
        return "'" + flat + "'";
    }

    private static String oneLine(String value) {
        return value == null ? "" : value.strip().replace("\r", "").replace("\n", "\\n");
    }

    private static boolean isNull(ScalarNode scalar) {
        return Tag.NULL.equals(scalar.getTag());
    }
}
