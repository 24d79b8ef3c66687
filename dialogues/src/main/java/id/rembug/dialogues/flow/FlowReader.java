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

    private static final List<String> FLOW_FIELDS = List.of("id", "title", "address", "default-quorum", "phases");
    private static final List<String> PHASE_FIELDS = List.of("key", "title", "method_name", "auto_advance", "check_in", "stages");
    private static final List<String> STAGE_FIELDS = List.of("key", "title", "method_name", "purpose", "intro",
            "closing", "quorum", "auto_advance", "prompts");
    private static final List<String> PROMPT_FIELDS = List.of("key", "kind", "text", "choices", "decision", "plan", "accepts",
            "private", "show_names");
    private static final List<String> CHOICE_FIELDS = List.of("key", "label");

    private static final String TEXT_EXPECTED = "a text in Indonesian and English (and any regional language), like {id: \"...\", en: \"...\"}";

    /** A whole number and a unit, written the way people say it: 30m, 12h, 2d, 1w. */
    private static final Pattern WAIT = Pattern.compile("(-?)([0-9]{1,9})([mhdw])");
    private static final String NEVER = "never";
    private static final String AUTO_ADVANCE_EXPECTED =
            "never, or a wait in minutes, hours, days or weeks like 30m, 12h, 1d, 1w";
    private static final String AUTO_ADVANCE_POSITIVE_EXPECTED =
            "a wait longer than zero like 30m or 1d, or never to wait for the facilitator however long it takes";

    private static final String CHECK_IN_EXPECTED =
            "never, or how often to check in on the plan, like 1w or 14d";
    private static final String PLAN_EXPECTED = "true (its answers become proposed actions of the plan) or false";

    private final String source;
    private final YamlWalker walker;
    /** Stage keys name stages in stored group state and button data, so they are unique flow-wide. */
    private final YamlWalker.UniqueKeys stageKeys = new YamlWalker.UniqueKeys();
    private final YamlWalker.UniqueKeys phaseKeys = new YamlWalker.UniqueKeys();
    private int defaultQuorum = FlowLoader.DEFAULT_QUORUM;
    /** Written into each text's {@code {address}} as it is read. */
    private Text address = Flow.DEFAULT_ADDRESS;

    /** The stage whose prompts are being read, for the references they make. */
    private String stageBeingRead = "";
    /** Prompt texts that quote earlier answers: checked once every stage is known. */
    private final List<Quoting> quoting = new ArrayList<>();

    /** A prompt's text with references in it, where it was written. */
    private record Quoting(String stageKey, String promptKey, Node textNode, String path, Text text) {
    }

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
        walker.optional(fields, "address").ifPresent(node -> address = walker.text(node, "address", 0, List.of()));
        Text title = walker.require(fields, "title", mapping.get(), "", TEXT_EXPECTED)
                .map(node -> walker.text(node, "title", 0, null))
                .orElse(YamlWalker.NO_TEXT);
        walker.optional(fields, "default-quorum").ifPresent(node ->
                walker.integer(node, "default-quorum", FlowLoader.MIN_QUORUM, FlowLoader.MAX_QUORUM)
                        .ifPresent(quorum -> defaultQuorum = quorum));
        List<Phase> phases = walker.require(fields, "phases", mapping.get(), "", "a list of phases")
                .map(this::phases)
                .orElse(List.of());
        Flow flow = Flow.of(id, source, title, address, phases);
        quoting.forEach(q -> checkReferences(flow, q));
        return Optional.of(flow);
    }

    /**
     * Each {@code {stage.prompt}} in a prompt's text must name a prompt the group was asked before
     * this one (in an earlier stage, or earlier in the same stage), and both languages must quote
     * the same ones: the engine fills them in when it asks.
     */
    private void checkReferences(Flow flow, Quoting q) {
        String field = child(q.path(), "text");
        String example = "a reference to an earlier answer or decision, written {stage.prompt} like {arah.tujuan}";
        for (String written : List.of(q.text().id(), q.text().en())) {
            Matcher braces = References.BRACES.matcher(written);
            while (braces.find()) {
                if (!References.REFERENCE.matcher(braces.group()).matches()) {
                    walker.problem(q.textNode(), field, "the placeholder " + braces.group(), example);
                }
            }
        }
        Text onlyId = new Text(q.text().id(), "");
        Text onlyEn = new Text("", q.text().en());
        if (!new java.util.HashSet<>(References.in(onlyId)).equals(new java.util.HashSet<>(References.in(onlyEn)))) {
            walker.problem(q.textNode(), field, "id quoting " + References.in(onlyId) + " but en quoting "
                    + References.in(onlyEn), "the same references in both languages");
        }
        int here = flow.indexOf(q.stageKey());
        if (here < 0 || flow.stage(here).indexOf(q.promptKey()) < 0) {
            return; // its own key could not be read: reported already
        }
        int herePrompt = flow.stage(here).indexOf(q.promptKey());
        for (String reference : References.in(q.text())) {
            String stageKey = reference.substring(0, reference.indexOf('.'));
            String promptKey = reference.substring(reference.indexOf('.') + 1);
            int there = flow.indexOf(stageKey);
            List<String> earlierStages = flow.stages().subList(0, here + 1).stream().map(Stage::key).toList();
            if (there < 0) {
                walker.problem(q.textNode(), field, "{" + reference + "}, a stage " + quote(stageKey)
                        + " the flow does not have", "a stage asked before this prompt: one of "
                        + String.join(", ", earlierStages));
                continue;
            }
            Stage stage = flow.stage(there);
            int therePrompt = stage.indexOf(promptKey);
            if (therePrompt < 0) {
                walker.problem(q.textNode(), field, "{" + reference + "}, a prompt " + quote(promptKey)
                        + " stage " + stageKey + " does not have", "one of its prompts: "
                        + String.join(", ", stage.prompts().stream().map(Prompt::key).toList()));
            } else if (there > here || there == here && therePrompt >= herePrompt) {
                walker.problem(q.textNode(), field, "{" + reference + "}, a prompt asked after this one",
                        "a prompt asked before this one (move the quote to a later prompt, or quote an earlier answer)");
            } else if (stage.prompts().get(therePrompt).privately()) {
                walker.problem(q.textNode(), field, "{" + reference + "}, a private question",
                        "a question answered in the group (private answers are never shown to the group)");
            }
        }
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
        return new Phase(phase.key(), title, phasePace, stages, optionalText(phase, "method_name").orElse(title),
                checkIn(phase));
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
        stageBeingRead = stage.key();
        // Resolved here, so the engine reads one value per stage and never looks at the phase.
        AutoAdvance pace = autoAdvance(stage).orElse(phasePace);
        List<Prompt> prompts = walker.require(fields, "prompts", stage.mapping(), path, "a list of prompts")
                .map(promptsNode -> prompts(promptsNode, child(path, "prompts")))
                .orElse(List.of());
        return new Stage(stage.key(), phaseKey, title, purpose, intro, closing, quorum, pace, prompts,
                optionalText(stage, "method_name").orElse(title));
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
            return waitOf(node, field, value.get(), AUTO_ADVANCE_EXPECTED, AUTO_ADVANCE_POSITIVE_EXPECTED)
                    .map(AutoAdvance::after);
        });
    }

    /** The phase's {@code check_in}: how often the bot asks how the plan is going; null for never. */
    private Duration checkIn(Entry phase) {
        String field = child(phase.path(), "check_in");
        return walker.optional(phase.fields(), "check_in")
                .flatMap(node -> walker.scalar(node, field, CHECK_IN_EXPECTED).flatMap(value ->
                        value.strip().equals(NEVER) ? Optional.empty()
                                : waitOf(node, field, value, CHECK_IN_EXPECTED, CHECK_IN_EXPECTED)))
                .orElse(null);
    }

    /** A wait written the way people say it (30m, 12h, 2d, 1w), longer than zero. */
    private Optional<Duration> waitOf(Node node, String field, String written, String expected,
                                      String positiveExpected) {
        Matcher wait = WAIT.matcher(written.strip());
        if (!wait.matches()) {
            walker.problem(node, field, quote(written), expected);
            return Optional.empty();
        }
        long amount = Long.parseLong(wait.group(2));
        // Someone writing "0m" or "-1d" probably means "never", so the problem says how to write it.
        if (!wait.group(1).isEmpty() || amount == 0) {
            walker.problem(node, field, quote(written), positiveExpected);
            return Optional.empty();
        }
        Duration unit = switch (wait.group(3)) {
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            case "d" -> Duration.ofDays(1);
            default -> Duration.ofDays(7);
        };
        return Optional.of(unit.multipliedBy(amount));
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
        Node textNode = prompt.fields().containsKey("text") ? prompt.fields().get("text").getValueNode() : prompt.mapping();
        if (text.id().indexOf('{') >= 0 || text.en().indexOf('{') >= 0) {
            quoting.add(new Quoting(stageBeingRead, prompt.key(), textNode, path, text));
        }
        boolean plan = flag(prompt, "plan", PLAN_EXPECTED);
        boolean decision = decision(prompt, kind);
        boolean privately = privately(prompt, kind, decision);
        boolean showNames = flag(prompt, "show_names",
                "true (the facilitator sees who wrote each private answer) or false (without names, the default)");
        if (showNames && !privately) {
            walker.problem(prompt.fields().get("show_names").getValueNode(), child(path, "show_names"),
                    "show_names on a question asked in the group", "show_names only beside private: true"
                            + " (answers given in the group already carry their writer's name)");
        }
        return new Prompt(prompt.key(), kind, text, choices, decision, plan,
                accepts(prompt.fields(), path, kind), privately, showNames);
    }

    /**
     * {@code private: true}: a sensitive question each member answers in their private chat with the
     * bot, in words; so only a text or list prompt, and not a decision (the group votes on those in
     * the open).
     */
    private boolean privately(Entry prompt, PromptKind kind, boolean decision) {
        boolean privately = flag(prompt, "private",
                "true (asked in each member's private chat with the bot) or false (asked in the group, the default)");
        if (!privately) {
            return false;
        }
        Node node = prompt.fields().get("private").getValueNode();
        String field = child(prompt.path(), "private");
        if (kind != null && kind != PromptKind.TEXT && kind != PromptKind.LIST) {
            walker.problem(node, field, "private on a " + kind.yamlName() + " prompt",
                    "private only on a text or list prompt (a private answer is written in the private chat)");
            return false;
        }
        if (decision) {
            walker.problem(node, field, "private on a decision",
                    "private: false, or no decision (the group votes on a decision's answers in the open)");
            return false;
        }
        if (prompt.fields().containsKey("accepts")) {
            walker.problem(node, field, "private beside accepts",
                    "no accepts: a private answer is written in words");
            return false;
        }
        return true;
    }

    /** An optional {@code true}/{@code false} field of a prompt; false when absent or wrong (reported). */
    private boolean flag(Entry prompt, String name, String expected) {
        String field = child(prompt.path(), name);
        return walker.optional(prompt.fields(), name)
                .flatMap(node -> walker.scalar(node, field, expected).flatMap(value -> {
                    String written = value.strip();
                    if (!written.equals("true") && !written.equals("false")) {
                        walker.problem(node, field, quote(value), expected);
                        return Optional.empty();
                    }
                    return Optional.of(Boolean.parseBoolean(written));
                }))
                .orElse(false);
    }

    /** {@code decision: true}: the group votes on the answers; only typed answers can be candidates. */
    private boolean decision(Entry prompt, PromptKind kind) {
        boolean decision = flag(prompt, "decision", "true or false");
        if (decision && kind != null && !kind.isTyped()) {
            walker.problem(prompt.fields().get("decision").getValueNode(), child(prompt.path(), "decision"),
                    "a decision on a " + kind.yamlName() + " prompt",
                    "a decision only on a text, list or goal prompt (its answers are the candidates;"
                            + " a " + kind.yamlName() + " prompt is already a vote)");
            return false;
        }
        return decision;
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
                .map(node -> addressed(walker.text(node, child(entry.path(), name), maxLength, null)))
                .orElse(YamlWalker.NO_TEXT);
    }

    private Optional<Text> optionalText(Entry entry, String name) {
        return walker.optional(entry.fields(), name)
                .map(node -> addressed(walker.text(node, child(entry.path(), name), 0, null)));
    }

    private Text addressed(Text text) {
        return text == YamlWalker.NO_TEXT ? text : text.filled(Flow.ADDRESS, address);
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
