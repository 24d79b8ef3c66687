package id.rembug.dialogues.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Checks the words of a flow and the engine's messages against rules staff keep in a YAML file
 * ({@code flows/text-lint.yaml}): how long each kind of text may be, which forms of address a
 * flow may use (and that its texts use no other), and jargon with the plain words to say instead.
 * Each finding says where the text is, what is wrong and what to write; the build fails on any.
 */
public final class TextLint {

    public static final String DEFAULT_RESOURCE = "flows/text-lint.yaml";

    /** The kinds of text the rules can name, as the file writes them. */
    public static final List<String> KINDS =
            List.of("title", "intro", "closing", "purpose", "prompt", "choice", "message", "facilitator");

    private final Map<String, Integer> maxLength;
    private final Set<String> noJargonKinds;
    private final List<String> allowedAddress;
    private final List<String> addressForms;
    private final Map<String, String> jargon;
    private final Set<String> facilitatorMessages;

    private TextLint(Map<String, Integer> maxLength, Set<String> noJargonKinds, List<String> allowedAddress,
                     List<String> addressForms, Map<String, String> jargon, Set<String> facilitatorMessages) {
        this.maxLength = maxLength;
        this.noJargonKinds = noJargonKinds;
        this.allowedAddress = allowedAddress;
        this.addressForms = addressForms;
        this.jargon = jargon;
        this.facilitatorMessages = facilitatorMessages;
    }

    public static TextLint loadDefault() {
        return parse(FlowLoader.readResource(DEFAULT_RESOURCE, "Text lint file"),
                FlowLoader.resourceSource(DEFAULT_RESOURCE));
    }

    /** Reads the rules; a rule it cannot read is reported with what to write instead. */
    public static TextLint parse(String yaml, String source) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalStateException(source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new IllegalStateException(source + " must be a mapping with max_length, address and jargon");
        }
        List<String> problems = new ArrayList<>();
        Map<String, Integer> maxLength = new LinkedHashMap<>();
        map(top.get("max_length"), "max_length", problems).forEach((kind, value) -> {
            if (!KINDS.contains(kind)) {
                problems.add("max_length." + kind + ": not a kind of text; use one of " + String.join(", ", KINDS));
            } else if (!(value instanceof Integer number) || number < 1) {
                problems.add("max_length." + kind + ": write a number of characters, like 120");
            } else {
                maxLength.put(kind, number);
            }
        });
        Map<String, Object> address = map(top.get("address"), "address", problems);
        List<String> allowed = words(address.get("allowed"), "address.allowed", problems);
        List<String> forms = words(address.get("forms"), "address.forms", problems);
        Map<String, String> jargon = new LinkedHashMap<>();
        map(top.get("jargon"), "jargon", problems).forEach((word, plain) -> {
            if (!(plain instanceof String suggestion) || suggestion.isBlank()) {
                problems.add("jargon." + word + ": write the plain words to use instead, in quotes");
            } else {
                jargon.put(word.toLowerCase(Locale.ROOT), suggestion);
            }
        });
        List<String> noJargon = words(top.get("jargon_allowed_in"), "jargon_allowed_in", problems);
        for (String kind : noJargon) {
            if (!KINDS.contains(kind)) {
                problems.add("jargon_allowed_in: '" + kind + "' is not a kind of text; use one of " + String.join(", ", KINDS));
            }
        }
        List<String> facilitator = words(top.get("facilitator_messages"), "facilitator_messages", problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.size() + " problem(s) in " + source + ":\n  "
                    + String.join("\n  ", problems));
        }
        return new TextLint(maxLength, Set.copyOf(noJargon), allowed, forms, jargon, Set.copyOf(facilitator));
    }

    /** Every finding in the flow and the messages (already addressed), one readable line each. */
    public List<String> check(Flow flow, Messages messages) {
        List<String> findings = new ArrayList<>();
        String address = flow.address().id();
        if (!allowedAddress.isEmpty() && !allowedAddress.contains(address)) {
            findings.add(flow.source() + " address: '" + address + "' is not an allowed form of address; use one of "
                    + String.join(", ", allowedAddress));
        }
        for (Phase phase : flow.phases()) {
            text(findings, flow.source() + " phase " + phase.key() + " title", "title", phase.title(), address);
        }
        for (Stage stage : flow.stages()) {
            String at = flow.source() + " stage " + stage.key();
            text(findings, at + " title", "title", stage.title(), address);
            text(findings, at + " purpose", "purpose", stage.purpose(), address);
            text(findings, at + " intro", "intro", stage.intro(), address);
            text(findings, at + " closing", "closing", stage.closing(), address);
            for (Prompt prompt : stage.prompts()) {
                text(findings, at + " prompt " + prompt.key(), "prompt", prompt.text(), address);
                for (Choice choice : prompt.choices()) {
                    text(findings, at + " prompt " + prompt.key() + " choice " + choice.key(), "choice",
                            choice.label(), address);
                }
            }
        }
        for (MessageKey key : MessageKey.values()) {
            String kind = facilitatorMessages.contains(key.yamlKey()) ? "facilitator" : "message";
            text(findings, "messages " + key.yamlKey(), kind, messages.text(key), address);
        }
        return findings;
    }

    private void text(List<String> findings, String at, String kind, Text text, String address) {
        for (Language language : text.languages()) {
            String written = text.in(language);
            String where = at + " (" + language.code() + ")";
            Integer max = maxLength.get(kind);
            int length = written.codePointCount(0, written.length());
            if (max != null && length > max) {
                findings.add(where + ": " + length + " characters, at most " + max + " for a " + kind
                        + ". Shorten it: \"" + cut(written) + "\"");
            }
            if (!language.equals(Language.ID)) {
                continue;
            }
            for (String form : addressForms) {
                if (!form.equalsIgnoreCase(address) && !address.contains(form) && contains(written, form)) {
                    findings.add(where + ": says '" + form + "', but this flow addresses the group as '" + address
                            + "'. Write {address} instead.");
                }
            }
            if (noJargonKinds.contains(kind)) {
                continue;
            }
            jargon.forEach((word, plain) -> {
                if (contains(written, word)) {
                    findings.add(where + ": '" + word + "' is hard to understand. Say instead: " + plain);
                }
            });
        }
    }

    /** A whole word or phrase, any case ("Anda" is not found in "Andaikan"). */
    private static boolean contains(String text, String phrase) {
        Matcher matcher = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
        return matcher.find();
    }

    private static String cut(String text) {
        String flat = text.replace("\n", " ");
        return flat.length() > 60 ? flat.substring(0, 60) + "..." : flat;
    }

    private static Map<String, Object> map(Object value, String field, List<String> problems) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(field + ": write it as names with values under it");
            return result;
        }
        map.forEach((key, item) -> result.put(String.valueOf(key), item));
        return result;
    }

    private static List<String> words(Object value, String field, List<String> problems) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            problems.add(field + ": write a list, like [\"Bapak/Ibu\", \"Anda\"]");
            return List.of();
        }
        return list.stream().map(String::valueOf).toList();
    }
}
