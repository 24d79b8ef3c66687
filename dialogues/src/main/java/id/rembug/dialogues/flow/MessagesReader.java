package id.rembug.dialogues.flow;

import static id.rembug.dialogues.flow.YamlWalker.child;
import static id.rembug.dialogues.flow.YamlWalker.quote;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** Turns a messages YAML document into {@link Messages}, or into every problem that stops it loading. */
final class MessagesReader {

    private static final String TOP_FIELD = "messages";
    private static final String MESSAGES_EXPECTED = "a mapping from message key to {id: \"...\", en: \"...\"}";
    /** Beyond this many edits a suggestion is more confusing than helpful. */
    private static final int SUGGESTION_DISTANCE = 3;

    private final YamlWalker walker;

    private MessagesReader(String source) {
        this.walker = new YamlWalker(source);
    }

    static Messages read(String yaml, String source) {
        MessagesReader reader = new MessagesReader(source);
        Optional<Map<MessageKey, Text>> texts = reader.walker
                .compose(yaml, "a mapping with one field, messages")
                .flatMap(reader::messages);
        if (reader.walker.hasProblems() || texts.isEmpty()) {
            throw new FlowLoadException("Messages file", source, reader.walker.problems());
        }
        return new Messages(texts.get());
    }

    private Optional<Map<MessageKey, Text>> messages(Node root) {
        Optional<MappingNode> top = walker.mapping(root, "", "a mapping with one field, messages");
        if (top.isEmpty()) {
            return Optional.empty();
        }
        Map<String, NodeTuple> topFields = walker.fields(top.get(), "", List.of(TOP_FIELD));
        Optional<MappingNode> mapping = walker.require(topFields, TOP_FIELD, top.get(), "", MESSAGES_EXPECTED)
                .flatMap(node -> walker.mapping(node, TOP_FIELD, MESSAGES_EXPECTED));
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        Map<MessageKey, Text> texts = new EnumMap<>(MessageKey.class);
        for (Map.Entry<String, NodeTuple> entry : walker.fields(mapping.get(), TOP_FIELD, null).entrySet()) {
            String name = entry.getKey();
            MessageKey key = MessageKey.fromYaml(name);
            if (key == null) {
                walker.problem(entry.getValue().getKeyNode(), child(TOP_FIELD, name),
                        "an unknown message key " + quote(name), knownKeyLike(name));
                continue;
            }
            texts.put(key, walker.text(entry.getValue().getValueNode(), child(TOP_FIELD, name), 0,
                    key.placeholders()));
        }
        for (MessageKey key : MessageKey.values()) {
            if (!texts.containsKey(key)) {
                walker.problem(mapping.get(), child(TOP_FIELD, key.yamlKey()), "nothing", template(key));
            }
        }
        return Optional.of(texts);
    }

    /** What a missing message should look like, placeholders included, so it can be written straight away. */
    private static String template(MessageKey key) {
        String text = "a text {id: \"...\", en: \"...\"}";
        if (key.placeholders().isEmpty()) {
            return text;
        }
        return text + " that may use " + String.join(", ", key.placeholders().stream()
                .map(name -> "{" + name + "}").toList());
    }

    private static String knownKeyLike(String name) {
        MessageKey closest = null;
        int best = Integer.MAX_VALUE;
        for (MessageKey key : MessageKey.values()) {
            int distance = editDistance(name, key.yamlKey());
            if (distance < best) {
                best = distance;
                closest = key;
            }
        }
        String expected = "a message key the engine knows (see MessageKey)";
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
