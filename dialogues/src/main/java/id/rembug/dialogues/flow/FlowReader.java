package id.rembug.dialogues.flow;

import static id.rembug.dialogues.flow.YamlWalker.child;
import static id.rembug.dialogues.flow.YamlWalker.index;
import static id.rembug.dialogues.flow.YamlWalker.quote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
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
    private static final List<String> PHASE_FIELDS = List.of("key", "title", "auto_advance", "stages");
    private static final List<String> STAGE_FIELDS =
            List.of("key", "title", "purpose", "intro", "closing", "quorum", "auto_advance", "prompts");
    private static final List<String> PROMPT_FIELDS = List.of("key", "kind", "text", "choices", "accepts");
    private static final List<String> CHOICE_FIELDS = List.of("key", "label");

    private static final String TEXT_EXPECTED = "a text in both languages, like {id: \"...\", en: \"...\"}";

    /** A whole number and a unit, written the way people say it: 30m, 12h, 2d, 1w. */
    private static final Pattern WAIT = Pattern.compile("(-?)([0-9]{1,9})([mhdw])");
    private static final String NEVER = "never";
    private static final String AUTO_ADVANCE_EXPECTED =
            "never, or a wait in minutes, hours, days or weeks like 30m, 12h, 1d, 1w";
    private static final String AUTO_ADVANCE_POSITIVE_EXPECTED =
            "a wait longer than zero like 30m or 1d, or never to wait for the facilitator however long it takes";

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
        Optional<SequenceNode> sequence = walker.sequence(node, "phases", "a list of phases");
        if (sequence.isEmpty()) {
            return List.of();
        }
        if (sequence.get().getValue().isEmpty()) {
            walker.problem(node, "phases", "an empty list", "at least one phase");
        }
        return each(sequence.get(), "phases", this::phase);
    }

    private Optional<Phase> phase(Node node, String path) {
        return entry(node, path, "a phase", PHASE_FIELDS, phaseKeys, "a phase key used by no other phase")
                .map(this::phase);
    }

    private Phase phase(Entry phase) {
        Text title = requiredText(phase, "title", 0);
        AutoAdvance phasePace = autoAdvance(phase).orElse(AutoAdvance.INHERIT);
        String stagesPath = child(phase.path(), "stages");
        List<Stage> stages = walker
                .require(phase.fields(), "stages", phase.mapping(), phase.path(), "a list of stages")
                .flatMap(stagesNode -> walker.sequence(stagesNode, stagesPath, "a list of stages"))
                .map(sequence -> {
                    if (sequence.getValue().isEmpty()) {
                        walker.problem(sequence, stagesPath, "an empty list", "at least one stage");
                    }
                    return each(sequence, stagesPath, (node, path) -> stage(node, path, phase.key(), phasePace));
                })
                .orElse(List.of());
        return new Phase(phase.key(), title, phasePace, stages);
    }

    private Optional<Stage> stage(Node node, String path, String phaseKey, AutoAdvance phasePace) {
        return entry(node, path, "a stage", STAGE_FIELDS, stageKeys,
                "a stage key used by no other stage in the whole flow")
                .map(stage -> stage(stage, phaseKey, phasePace));
    }

    private Stage stage(Entry stage, String phaseKey, AutoAdvance phasePace) {
        String path = stage.path();
        Map<String, NodeTuple> fields = stage.fields();
        Text title = requiredText(stage, "title", 0);
        Text purpose = requiredText(stage, "purpose", FlowLoader.MAX_PURPOSE_LENGTH);
        Text intro = requiredText(stage, "intro", FlowLoader.MAX_INTRO_LENGTH);
        Text closing = requiredText(stage, "closing", FlowLoader.MAX_CLOSING_LENGTH);
        int quorum = walker.optional(fields, "quorum")
                .flatMap(quorumNode -> {
                    var value = walker.integer(quorumNode, child(path, "quorum"),
                            FlowLoader.MIN_QUORUM, FlowLoader.MAX_QUORUM);
                    return value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty();
                })
                .orElse(defaultQuorum);
        // Resolved here, so the engine reads one value per stage and never looks at the phase.
        AutoAdvance pace = autoAdvance(stage).orElse(phasePace);
        List<Prompt> prompts = walker.require(fields, "prompts", stage.mapping(), path, "a list of prompts")
                .map(promptsNode -> prompts(promptsNode, child(path, "prompts")))
                .orElse(List.of());
        return new Stage(stage.key(), phaseKey, title, purpose, intro, closing, quorum, pace, prompts);
    }

    /**
     * The {@code auto_advance} of a phase or stage: empty when it is absent, and also when it
     * cannot be read (then it is reported, and the flow does not load anyway).
     */
    private Optional<AutoAdvance> autoAdvance(Entry entry) {
        String field = child(entry.path(), "auto_advance");
        return walker.optional(entry.fields(), "auto_advance").flatMap(node -> {
            Optional<String> value = walker.scalar(node, field, AUTO_ADVANCE_EXPECTED);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            String written = value.get().strip();
            if (written.equals(NEVER)) {
                return Optional.of(AutoAdvance.NEVER);
            }
            Matcher wait = WAIT.matcher(written);
            if (!wait.matches()) {
                walker.problem(node, field, quote(value.get()), AUTO_ADVANCE_EXPECTED);
                return Optional.empty();
            }
            long amount = Long.parseLong(wait.group(2));
            // Someone writing "0m" or "-1d" probably means "do not move on by itself" (the bot's own
            // setting takes 0 for that), so the problem says how to write it here.
            if (!wait.group(1).isEmpty() || amount == 0) {
                walker.problem(node, field, quote(value.get()), AUTO_ADVANCE_POSITIVE_EXPECTED);
                return Optional.empty();
            }
            Duration unit = switch (wait.group(3)) {
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                case "d" -> Duration.ofDays(1);
                default -> Duration.ofDays(7);
            };
            return Optional.of(AutoAdvance.after(unit.multipliedBy(amount)));
        });
    }

    private List<Prompt> prompts(Node node, String path) {
        Optional<SequenceNode> sequence = walker.sequence(node, path, "a list of prompts");
        if (sequence.isEmpty()) {
            return List.of();
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
        return each(sequence.get(), path, (promptNode, promptPath) ->
                entry(promptNode, promptPath, "a prompt", PROMPT_FIELDS, promptKeys,
                        "a prompt key used by no other prompt in this stage")
                        .map(this::prompt));
    }

    private Prompt prompt(Entry prompt) {
        String path = prompt.path();
        String kindsExpected = "one of " + PromptKind.allowedNames();
        PromptKind kind = walker.require(prompt.fields(), "kind", prompt.mapping(), path, kindsExpected)
                .flatMap(kindNode -> {
                    Optional<String> name = walker.scalar(kindNode, child(path, "kind"), kindsExpected);
                    PromptKind known = name.map(PromptKind::fromYaml).orElse(null);
                    if (name.isPresent() && known == null) {
                        walker.problem(kindNode, child(path, "kind"), quote(name.get()), kindsExpected);
                    }
                    return Optional.ofNullable(known);
                })
                .orElse(null);
        Text text = requiredText(prompt, "text", FlowLoader.MAX_PROMPT_LENGTH);
        List<Choice> choices = choices(prompt.fields(), prompt.mapping(), path, kind);
        return new Prompt(prompt.key(), kind, text, choices, accepts(prompt.fields(), path, kind));
    }

    /**
     * What besides words answers the prompt ({@code accepts: [photo, voice, location]}): only a
     * prompt answered by a reply (text or list) can take media; a button or a goal cannot.
     */
    private Set<MediaKind> accepts(Map<String, NodeTuple> fields, String promptPath, PromptKind kind) {
        String path = child(promptPath, "accepts");
        String expected = "a list of what a reply may carry besides text: " + MediaKind.allowedNames();
        Optional<Node> node = walker.optional(fields, "accepts");
        if (node.isEmpty()) {
            return Set.of();
        }
        if (kind != null && kind != PromptKind.TEXT && kind != PromptKind.LIST) {
            walker.problem(node.get(), path, "accepts on a " + kind.yamlName() + " prompt",
                    "no accepts: only text and list prompts take photos, voice notes or places");
        }
        Optional<SequenceNode> sequence = walker.sequence(node.get(), path, expected);
        if (sequence.isEmpty()) {
            return Set.of();
        }
        Set<MediaKind> kinds = EnumSet.noneOf(MediaKind.class);
        List<Node> items = sequence.get().getValue();
        for (int i = 0; i < items.size(); i++) {
            String itemPath = index(path, i);
            Optional<String> name = walker.scalar(items.get(i), itemPath, "one of " + MediaKind.allowedNames());
            MediaKind media = name.map(MediaKind::fromYaml).orElse(null);
            if (name.isPresent() && media == null) {
                walker.problem(items.get(i), itemPath, quote(name.get()), "one of " + MediaKind.allowedNames());
            } else if (media != null && !kinds.add(media)) {
                walker.problem(items.get(i), itemPath, "a second " + quote(name.get()), "each kind once");
            }
        }
        return kinds;
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
        Optional<SequenceNode> sequence = node.flatMap(n -> walker.sequence(n, path, "a list of choices"));
        if (sequence.isEmpty()) {
            return List.of();
        }
        List<Node> items = sequence.get().getValue();
        if (kind == PromptKind.CHOICE
                && (items.size() < FlowLoader.MIN_CHOICES || items.size() > FlowLoader.MAX_CHOICES)) {
            walker.problem(sequence.get(), path, items.size() + (items.size() == 1 ? " choice" : " choices"),
                    expectedCount);
        }
        YamlWalker.UniqueKeys choiceKeys = new YamlWalker.UniqueKeys();
        return each(sequence.get(), path, (choiceNode, choicePath) ->
                entry(choiceNode, choicePath, "a choice", CHOICE_FIELDS, choiceKeys,
                        "a choice key used by no other choice of this prompt")
                        .map(choice -> new Choice(choice.key(),
                                requiredText(choice, "label", FlowLoader.MAX_CHOICE_LABEL_LENGTH))));
    }

    /**
     * A phase, stage, prompt or choice as read so far: its mapping, its fields and its key ("" when
     * the key could not be read, which is already reported).
     */
    private record Entry(MappingNode mapping, Map<String, NodeTuple> fields, String path, String key) {
    }

    /**
     * Reads the mapping every keyed entry is, with its allowed fields and its key, and reports a key
     * already used among {@code keys}; empty when the node is no mapping (reported too).
     */
    private Optional<Entry> entry(Node node, String path, String what, List<String> allowedFields,
                                  YamlWalker.UniqueKeys keys, String uniqueExpected) {
        Optional<MappingNode> mapping = walker.mapping(node, path,
                what + ": a mapping with " + String.join(", ", allowedFields));
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        Map<String, NodeTuple> fields = walker.fields(mapping.get(), path, allowedFields);
        String key = walker.require(fields, "key", mapping.get(), path, KEY_EXPECTED)
                .flatMap(keyNode -> walker.key(keyNode, child(path, "key"), KEY, KEY_EXPECTED))
                .orElse("");
        unique(keys, key, fields, path, uniqueExpected);
        return Optional.of(new Entry(mapping.get(), fields, path, key));
    }

    /** Reads every item of a list, keeping those that could be read. */
    private static <T> List<T> each(SequenceNode sequence, String path, BiFunction<Node, String, Optional<T>> item) {
        List<T> read = new ArrayList<>();
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
            item.apply(items.get(i), index(path, i)).ifPresent(read::add);
        }
        return read;
    }

    private Text requiredText(Entry entry, String name, int maxLength) {
        return walker.require(entry.fields(), name, entry.mapping(), entry.path(), TEXT_EXPECTED)
                .map(node -> walker.text(node, child(entry.path(), name), maxLength, null))
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
