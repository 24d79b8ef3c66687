package id.rembug.dialogues.flow;

import static id.rembug.dialogues.flow.YamlWalker.child;
import static id.rembug.dialogues.flow.YamlWalker.index;
import static id.rembug.dialogues.flow.YamlWalker.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Turns a flow YAML document into a {@link Flow}, or into every problem that stops it loading. */
final class FlowReader {

    private static final Pattern FLOW_ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final String FLOW_ID_EXPECTED =
            "an id of lowercase letters, digits and dashes, starting with a letter, at most 40 characters";
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,19}");
    private static final String KEY_EXPECTED = "a key of lowercase letters, digits and dashes, starting with a"
            + " letter, at most 20 characters (keys go into Telegram button data)";

    private static final List<String> FLOW_FIELDS = List.of("id", "title", "default-quorum", "phases");
    private static final List<String> PHASE_FIELDS = List.of("key", "title", "stages");
    private static final List<String> STAGE_FIELDS =
            List.of("key", "title", "purpose", "intro", "closing", "quorum", "prompts");
    private static final List<String> PROMPT_FIELDS = List.of("key", "kind", "text", "choices");
    private static final List<String> CHOICE_FIELDS = List.of("key", "label");

    private static final String TEXT_EXPECTED = "a text in both languages, like {id: \"...\", en: \"...\"}";

    private final String source;
    private final YamlWalker walker;
    /** Stage keys name stages in stored group state and button data, so they are unique flow-wide. */
    private final YamlWalker.UniqueKeys stageKeys = new YamlWalker.UniqueKeys();
    private final YamlWalker.UniqueKeys phaseKeys = new YamlWalker.UniqueKeys();
    private int defaultQuorum = FlowLoader.DEFAULT_QUORUM;

    private FlowReader(String source) {
        this.source = source;
        this.walker = new YamlWalker(source);
    }

    static Flow read(String yaml, String source) {
        FlowReader reader = new FlowReader(source);
        Optional<Flow> flow = reader.walker
                .compose(yaml, "a flow with " + String.join(", ", FLOW_FIELDS))
                .flatMap(reader::flow);
        if (reader.walker.hasProblems() || flow.isEmpty()) {
            throw new FlowLoadException("Flow file", source, reader.walker.problems());
        }
        return flow.get();
    }

    private Optional<Flow> flow(Node root) {
        Optional<MappingNode> mapping = walker.mapping(root, "",
                "a flow: a mapping with " + String.join(", ", FLOW_FIELDS));
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        Map<String, NodeTuple> fields = walker.fields(mapping.get(), "", FLOW_FIELDS);
        String id = walker.require(fields, "id", mapping.get(), "", FLOW_ID_EXPECTED)
                .flatMap(node -> walker.key(node, "id", FLOW_ID, FLOW_ID_EXPECTED))
                .orElse("");
        Text title = walker.require(fields, "title", mapping.get(), "", TEXT_EXPECTED)
                .map(node -> walker.text(node, "title", 0, null))
                .orElse(YamlWalker.NO_TEXT);
        walker.optional(fields, "default-quorum").ifPresent(node ->
                walker.integer(node, "default-quorum", FlowLoader.MIN_QUORUM, FlowLoader.MAX_QUORUM)
                        .ifPresent(quorum -> defaultQuorum = quorum));
        List<Phase> phases = walker.require(fields, "phases", mapping.get(), "", "a list of phases")
                .map(this::phases)
                .orElse(List.of());
        return Optional.of(Flow.of(id, source, title, phases));
    }

    private List<Phase> phases(Node node) {
        List<Phase> phases = new ArrayList<>();
        Optional<SequenceNode> sequence = walker.sequence(node, "phases", "a list of phases");
        if (sequence.isEmpty()) {
            return phases;
        }
        if (sequence.get().getValue().isEmpty()) {
            walker.problem(node, "phases", "an empty list", "at least one phase");
        }
        List<Node> items = sequence.get().getValue();
        for (int i = 0; i < items.size(); i++) {
            phase(items.get(i), index("phases", i)).ifPresent(phases::add);
        }
        return phases;
    }

    private Optional<Phase> phase(Node node, String path) {
        Optional<MappingNode> mapping = walker.mapping(node, path,
                "a phase: a mapping with " + String.join(", ", PHASE_FIELDS));
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        Map<String, NodeTuple> fields = walker.fields(mapping.get(), path, PHASE_FIELDS);
        String key = requiredKey(fields, mapping.get(), path).orElse("");
        unique(phaseKeys, key, fields, path,
                "a phase key used by no other phase");
        Text title = requiredText(fields, "title", mapping.get(), path, 0);
        String stagesPath = child(path, "stages");
        List<Stage> stages = new ArrayList<>();
        walker.require(fields, "stages", mapping.get(), path, "a list of stages")
                .flatMap(stagesNode -> walker.sequence(stagesNode, stagesPath, "a list of stages"))
                .ifPresent(sequence -> {
                    if (sequence.getValue().isEmpty()) {
                        walker.problem(sequence, stagesPath, "an empty list", "at least one stage");
                    }
                    List<Node> items = sequence.getValue();
                    for (int i = 0; i < items.size(); i++) {
                        stage(items.get(i), index(stagesPath, i), key).ifPresent(stages::add);
                    }
                });
        return Optional.of(new Phase(key, title, stages));
    }

    private Optional<Stage> stage(Node node, String path, String phaseKey) {
        Optional<MappingNode> mapping = walker.mapping(node, path,
                "a stage: a mapping with " + String.join(", ", STAGE_FIELDS));
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        Map<String, NodeTuple> fields = walker.fields(mapping.get(), path, STAGE_FIELDS);
        String key = requiredKey(fields, mapping.get(), path).orElse("");
        unique(stageKeys, key, fields, path,
                "a stage key used by no other stage in the whole flow");
        Text title = requiredText(fields, "title", mapping.get(), path, 0);
        Text purpose = requiredText(fields, "purpose", mapping.get(), path, FlowLoader.MAX_PURPOSE_LENGTH);
        Text intro = requiredText(fields, "intro", mapping.get(), path, FlowLoader.MAX_INTRO_LENGTH);
        Text closing = requiredText(fields, "closing", mapping.get(), path, FlowLoader.MAX_CLOSING_LENGTH);
        int quorum = walker.optional(fields, "quorum")
                .flatMap(quorumNode -> {
                    var value = walker.integer(quorumNode, child(path, "quorum"),
                            FlowLoader.MIN_QUORUM, FlowLoader.MAX_QUORUM);
                    return value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty();
                })
                .orElse(defaultQuorum);
        List<Prompt> prompts = walker.require(fields, "prompts", mapping.get(), path, "a list of prompts")
                .map(promptsNode -> prompts(promptsNode, child(path, "prompts")))
                .orElse(List.of());
        return Optional.of(new Stage(key, phaseKey, title, purpose, intro, closing, quorum, prompts));
    }

    private List<Prompt> prompts(Node node, String path) {
        List<Prompt> prompts = new ArrayList<>();
        Optional<SequenceNode> sequence = walker.sequence(node, path, "a list of prompts");
        if (sequence.isEmpty()) {
            return prompts;
        }
        List<Node> items = sequence.get().getValue();
        String expectedCount = "1 to " + FlowLoader.MAX_PROMPTS + " prompts";
        if (items.isEmpty()) {
            walker.problem(node, path, "an empty list", expectedCount);
        } else if (items.size() > FlowLoader.MAX_PROMPTS) {
            walker.problem(node, path, items.size() + " prompts",
                    expectedCount + " (split the stage so a group is not asked too much at once)");
        }
        YamlWalker.UniqueKeys promptKeys = new YamlWalker.UniqueKeys();
        for (int i = 0; i < items.size(); i++) {
            prompt(items.get(i), index(path, i), promptKeys).ifPresent(prompts::add);
        }
        return prompts;
    }

    private Optional<Prompt> prompt(Node node, String path, YamlWalker.UniqueKeys promptKeys) {
        Optional<MappingNode> mapping = walker.mapping(node, path,
                "a prompt: a mapping with " + String.join(", ", PROMPT_FIELDS));
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        Map<String, NodeTuple> fields = walker.fields(mapping.get(), path, PROMPT_FIELDS);
        String key = requiredKey(fields, mapping.get(), path).orElse("");
        unique(promptKeys, key, fields, path,
                "a prompt key used by no other prompt in this stage");
        String kindsExpected = "one of " + PromptKind.allowedNames();
        PromptKind kind = walker.require(fields, "kind", mapping.get(), path, kindsExpected)
                .flatMap(kindNode -> {
                    Optional<String> name = walker.scalar(kindNode, child(path, "kind"), kindsExpected);
                    PromptKind known = name.map(PromptKind::fromYaml).orElse(null);
                    if (name.isPresent() && known == null) {
                        walker.problem(kindNode, child(path, "kind"), quote(name.get()), kindsExpected);
                    }
                    return Optional.ofNullable(known);
                })
                .orElse(null);
        Text text = requiredText(fields, "text", mapping.get(), path, FlowLoader.MAX_PROMPT_LENGTH);
        List<Choice> choices = choices(fields, mapping.get(), path, kind);
        return Optional.of(new Prompt(key, kind, text, choices));
    }

    private List<Choice> choices(Map<String, NodeTuple> fields, MappingNode prompt, String promptPath,
                                 PromptKind kind) {
        String path = child(promptPath, "choices");
        String expectedCount = FlowLoader.MIN_CHOICES + " to " + FlowLoader.MAX_CHOICES + " choices";
        Optional<Node> node = walker.optional(fields, "choices");
        if (kind == PromptKind.CHOICE && node.isEmpty()) {
            walker.problem(prompt, path, "nothing", expectedCount + " for a choice prompt");
        }
        if (kind != null && kind != PromptKind.CHOICE && node.isPresent()) {
            walker.problem(node.get(), path, "choices on a " + kind.yamlName() + " prompt",
                    "no choices: only a prompt of kind choice has buttons");
        }
        List<Choice> choices = new ArrayList<>();
        Optional<SequenceNode> sequence = node.flatMap(n -> walker.sequence(n, path, "a list of choices"));
        if (sequence.isEmpty()) {
            return choices;
        }
        List<Node> items = sequence.get().getValue();
        if (kind == PromptKind.CHOICE
                && (items.size() < FlowLoader.MIN_CHOICES || items.size() > FlowLoader.MAX_CHOICES)) {
            walker.problem(sequence.get(), path, items.size() + (items.size() == 1 ? " choice" : " choices"),
                    expectedCount);
        }
        YamlWalker.UniqueKeys choiceKeys = new YamlWalker.UniqueKeys();
        for (int i = 0; i < items.size(); i++) {
            choice(items.get(i), index(path, i), choiceKeys).ifPresent(choices::add);
        }
        return choices;
    }

    private Optional<Choice> choice(Node node, String path, YamlWalker.UniqueKeys choiceKeys) {
        Optional<MappingNode> mapping = walker.mapping(node, path,
                "a choice: a mapping with " + String.join(", ", CHOICE_FIELDS));
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        Map<String, NodeTuple> fields = walker.fields(mapping.get(), path, CHOICE_FIELDS);
        String key = requiredKey(fields, mapping.get(), path).orElse("");
        unique(choiceKeys, key, fields, path,
                "a choice key used by no other choice of this prompt");
        Text label = requiredText(fields, "label", mapping.get(), path, FlowLoader.MAX_CHOICE_LABEL_LENGTH);
        return Optional.of(new Choice(key, label));
    }

    private Optional<String> requiredKey(Map<String, NodeTuple> fields, MappingNode parent, String path) {
        return walker.require(fields, "key", parent, path, KEY_EXPECTED)
                .flatMap(node -> walker.key(node, child(path, "key"), KEY, KEY_EXPECTED));
    }

    private Text requiredText(Map<String, NodeTuple> fields, String name, MappingNode parent, String path,
                              int maxLength) {
        return walker.require(fields, name, parent, path, TEXT_EXPECTED)
                .map(node -> walker.text(node, child(path, name), maxLength, null))
                .orElse(YamlWalker.NO_TEXT);
    }

    /** A key that could not be read is already reported; only a readable one can be a repeat. */
    private void unique(YamlWalker.UniqueKeys keys, String key, Map<String, NodeTuple> fields, String path,
                        String expected) {
        if (key.isEmpty()) {
            return;
        }
        Node at = fields.get("key").getValueNode();
        if (!keys.firstTime(key, at)) {
            walker.problem(at, child(path, "key"),
                    quote(key) + " again (first used on line " + keys.firstLine(key) + ")", expected);
        }
    }
}
