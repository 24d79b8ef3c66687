package id.rembug.knowledge;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one article file: YAML front matter between two {@code ---} lines, then a
 * {@code ## id} and a {@code ## en} section. Collects every problem it can find instead of
 * stopping at the first, so one build run shows the editor all there is to fix.
 */
final class ArticleParser {

    static final Pattern ID_PATTERN = Pattern.compile("^[a-z][a-z0-9-]{0,39}$");
    static final List<String> FIELDS = List.of("id", "title", "summary", "stages", "roles", "tags");
    /** Fields an article may leave out. */
    static final List<String> OPTIONAL_FIELDS = List.of("tip", "questions");
    private static final List<String> LANGUAGES = List.of("id", "en");
    /**
     * A level-2 heading of one word is a language section. Longer headings ("## Langkah praktis")
     * stay part of the text; a one-word heading in any other language ("## eng") is a mistake
     * worth reporting rather than silently swallowing the English text into the Indonesian.
     */
    private static final Pattern LANGUAGE_HEADING = Pattern.compile("^##\\s+(\\S+)\\s*$");
    private static final String DELIMITER = "---";

    /** The outcome for one file: the article when it is valid, and the problems found. */
    record Result(Optional<Article> article, int idLine, List<ArticleProblem> problems) {
    }

    private final String file;
    private final List<ArticleProblem> problems = new ArrayList<>();

    private ArticleParser(String file) {
        this.file = file;
    }

    static Result parse(String file, String content) {
        return new ArticleParser(file).parse(content);
    }

    private Result parse(String content) {
        String[] lines = normalise(content).split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals(DELIMITER)) {
            problem(1, "the file must start with a line '---' followed by the front matter fields "
                    + String.join(", ", FIELDS));
            return new Result(Optional.empty(), 1, problems);
        }
        int close = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals(DELIMITER)) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            problem(1, "the front matter is not closed: put a line '---' after its last field");
            return new Result(Optional.empty(), 1, problems);
        }
        StringBuilder yaml = new StringBuilder();
        for (int i = 1; i < close; i++) {
            yaml.append(lines[i]).append('\n');
        }
        FrontMatter front = readFrontMatter(yaml.toString(), close + 1);
        Map<String, Body> sections = readSections(lines, close + 1);

        if (!problems.isEmpty() || front == null) {
            return new Result(Optional.empty(), front == null ? 1 : front.idLine, problems);
        }
        Article article = new Article(front.id, front.title, front.summary,
                new Text(sections.get("id").text, sections.get("en").text),
                front.stages, front.roles, front.tags, file, front.tip, front.questions);
        return new Result(Optional.of(article), front.idLine, problems);
    }

    private static String normalise(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private record FrontMatter(String id, int idLine, Text title, Text summary,
                               List<String> stages, List<String> roles, List<String> tags, Text tip,
                               List<String> questions) {
    }

    /** Front matter starts on file line 2, so a YAML mark line (0-based) maps to line + 2. */
    private static int fileLine(Node node) {
        return node.getStartMark().getLine() + 2;
    }

    private FrontMatter readFrontMatter(String yamlText, int closingLine) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yamlText));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 2 : 1;
            problem(line, "the front matter is not valid YAML: " + e.getProblem());
            return null;
        } catch (YAMLException e) {
            problem(1, "the front matter is not valid YAML: " + e.getMessage());
            return null;
        }
        if (!(root instanceof MappingNode mapping)) {
            problem(root == null ? closingLine : fileLine(root),
                    "the front matter must be fields written as 'name: value' ("
                            + String.join(", ", FIELDS) + ")");
            return null;
        }
        Map<String, NodeTuple> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problem(fileLine(tuple.getKeyNode()), "a field name must be a plain word");
                continue;
            }
            String name = key.getValue();
            if (!FIELDS.contains(name) && !OPTIONAL_FIELDS.contains(name)) {
                problem(fileLine(key), "unknown field '" + name + "'; the fields are " + String.join(", ", FIELDS)
                        + " and, optionally, " + String.join(", ", OPTIONAL_FIELDS));
            } else if (fields.containsKey(name)) {
                problem(fileLine(key), "field '" + name + "' is given twice");
            } else {
                fields.put(name, tuple);
            }
        }
        int firstLine = 2;
        for (String name : FIELDS) {
            if (!fields.containsKey(name)) {
                problem(firstLine, "missing field '" + name + "'");
            }
        }
        String id = readId(fields.get("id"));
        int idLine = fields.containsKey("id") ? fileLine(fields.get("id").getKeyNode()) : firstLine;
        Text title = readText(fields.get("title"));
        Text summary = readText(fields.get("summary"));
        List<String> stages = readList(fields.get("stages"), Set.copyOf(MethodVocabulary.STAGES), "stage");
        List<String> roles = readList(fields.get("roles"), Set.copyOf(MethodVocabulary.ROLES), "role");
        List<String> tags = readList(fields.get("tags"), null, "tag");
        Text tip = readText(fields.get("tip"));
        List<String> questions = readList(fields.get("questions"), null, "question");
        return new FrontMatter(id, idLine, title, summary, stages, roles, tags, tip, questions);
    }

    private String readId(NodeTuple tuple) {
        if (tuple == null) {
            return null;
        }
        Node value = tuple.getValueNode();
        if (!(value instanceof ScalarNode scalar) || !ID_PATTERN.matcher(scalar.getValue()).matches()) {
            String shown = value instanceof ScalarNode scalar ? "'" + scalar.getValue() + "'" : "a list or group";
            problem(fileLine(tuple.getKeyNode()), "bad id " + shown
                    + ": use 1-40 lower-case letters, digits and '-', starting with a letter, e.g. tahap-arah");
            return null;
        }
        return scalar.getValue();
    }

    /** A field holding one text per language, written as {@code id:} and {@code en:} under it. */
    private Text readText(NodeTuple tuple) {
        if (tuple == null) {
            return null;
        }
        String name = ((ScalarNode) tuple.getKeyNode()).getValue();
        int line = fileLine(tuple.getKeyNode());
        if (!(tuple.getValueNode() instanceof MappingNode mapping)) {
            problem(line, "'" + name + "' needs two lines under it: 'id: ...' (Bahasa Indonesia) and 'en: ...' (English)");
            return null;
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (NodeTuple languageTuple : mapping.getValue()) {
            String language = languageTuple.getKeyNode() instanceof ScalarNode key ? key.getValue() : "?";
            int languageLine = fileLine(languageTuple.getKeyNode());
            if (!LANGUAGES.contains(language)) {
                problem(languageLine, "'" + name + "' has an unknown language '" + language + "'; use id and en");
            } else if (!(languageTuple.getValueNode() instanceof ScalarNode value) || value.getValue().isBlank()) {
                problem(languageLine, "'" + name + "." + language + "' is empty");
            } else {
                texts.put(language, value.getValue().strip());
            }
        }
        for (String language : LANGUAGES) {
            if (!texts.containsKey(language) && mapping.getValue().stream()
                    .noneMatch(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(language))) {
                problem(line, "'" + name + "' has no '" + language + "' text");
            }
        }
        return texts.size() == LANGUAGES.size() ? new Text(texts.get("id"), texts.get("en")) : null;
    }

    /**
     * A list field. An empty value and a single word are accepted too, because that is how
     * people naturally write "none" and "just this one".
     */
    private List<String> readList(NodeTuple tuple, Set<String> allowed, String what) {
        if (tuple == null) {
            return List.of();
        }
        Node value = tuple.getValueNode();
        List<Node> items;
        if (value instanceof SequenceNode sequence) {
            items = sequence.getValue();
        } else if (value instanceof ScalarNode scalar) {
            items = scalar.getValue().isBlank() ? List.of() : List.of(scalar);
        } else {
            problem(fileLine(tuple.getKeyNode()), "'" + ((ScalarNode) tuple.getKeyNode()).getValue()
                    + "' must be a list such as [a, b] or empty []");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Node item : items) {
            if (!(item instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                problem(fileLine(item), "an empty or nested " + what + " in the list");
                continue;
            }
            String word = scalar.getValue().strip();
            if (allowed != null && !allowed.contains(word)) {
                problem(fileLine(item), "unknown " + what + " '" + word + "'; known: "
                        + String.join(", ", what.equals("stage") ? MethodVocabulary.STAGES : MethodVocabulary.ROLES));
                continue;
            }
            values.add(word);
        }
        return values;
    }

    private static final class Body {
        final int headingLine;
        final StringBuilder lines = new StringBuilder();
        String text;

        Body(int headingLine) {
            this.headingLine = headingLine;
        }
    }

    /** Splits what follows the front matter into its language sections. */
    private Map<String, Body> readSections(String[] lines, int bodyStartIndex) {
        Map<String, Body> sections = new LinkedHashMap<>();
        Body current = null;
        boolean reportedStrayText = false;
        for (int i = bodyStartIndex; i < lines.length; i++) {
            String line = lines[i];
            Matcher heading = LANGUAGE_HEADING.matcher(line.strip());
            if (heading.matches()) {
                String language = heading.group(1).toLowerCase(Locale.ROOT);
                if (!LANGUAGES.contains(language)) {
                    problem(i + 1, "unknown language section '## " + heading.group(1) + "'; use '## id' and '## en'");
                    current = null;
                    reportedStrayText = true;
                } else if (sections.containsKey(language)) {
                    problem(i + 1, "section '## " + language + "' appears twice");
                    current = null;
                    reportedStrayText = true;
                } else {
                    current = new Body(i + 1);
                    sections.put(language, current);
                }
                continue;
            }
            if (current == null) {
                if (!line.isBlank() && !reportedStrayText) {
                    problem(i + 1, "text outside a language section: start the text with '## id' or '## en'");
                    reportedStrayText = true;
                }
                continue;
            }
            current.lines.append(line).append('\n');
        }
        for (String language : LANGUAGES) {
            Body body = sections.get(language);
            if (body == null) {
                problem(Math.min(bodyStartIndex + 1, lines.length), "missing language section '## " + language + "'");
            } else {
                body.text = body.lines.toString().strip();
                if (body.text.isEmpty()) {
                    problem(body.headingLine, "section '## " + language + "' is empty");
                }
            }
        }
        return sections;
    }

    private void problem(int line, String message) {
        problems.add(new ArticleProblem(file, line, message));
    }
}
