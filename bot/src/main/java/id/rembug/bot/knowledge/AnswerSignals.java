package id.rembug.bot.knowledge;

import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.StageSummary;
import id.rembug.dialogues.flow.PromptKind;
import id.rembug.dialogues.flow.TextFiles;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds signs of conflict and of missing resources in a stage's answers, with the word lists of
 * {@code texts/signals.yaml} (which explains the rules to staff). Deterministic and cheap: whole
 * words and phrases after lower-casing, squeezing letters typed three or more times, and reading
 * informal spellings as the standard word; a match right after a negator ("tidak pernah
 * bertengkar") does not count, nor a missing-resource phrase right before a word that makes it
 * good news ("tidak ada masalah").
 *
 * <p>Only typed answers (text, list, goal) are read for words: a button's key is not the
 * resident's words, so chosen buttons count only when the file names them under {@code choices}.
 */
public final class AnswerSignals {

    public static final String DEFAULT_RESOURCE = "texts/signals.yaml";
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}'-]+");
    private static final Pattern REPEATED_LETTERS = Pattern.compile("(\\p{L})\\1{2,}");
    private static final Pattern CHOICE_FORM = Pattern.compile("[^.=\\s]+\\.[^.=\\s]+=[^=\\s]+");
    /** How many words after a missing-resource phrase may turn it into good news. */
    private static final int NOT_BEFORE_WINDOW = 2;

    /** One list of a signal: its phrases as word sequences and the buttons that count. */
    private record Rule(Signal signal, List<List<String>> phrases, Set<String> choices, Set<String> notBefore) {
    }

    private final Map<String, String> spellings;
    private final List<List<String>> negators;
    private final Map<Signal, Rule> rules;
    private final List<String> choiceTriggers;

    private AnswerSignals(Map<String, String> spellings, List<List<String>> negators, Map<Signal, Rule> rules) {
        this.spellings = Map.copyOf(spellings);
        this.negators = List.copyOf(negators);
        this.rules = new EnumMap<>(Signal.class);
        this.rules.putAll(rules);
        List<String> triggers = new ArrayList<>();
        rules.values().forEach(rule -> triggers.addAll(rule.choices()));
        this.choiceTriggers = List.copyOf(new LinkedHashSet<>(triggers));
    }

    public static AnswerSignals loadDefault() {
        return parse(TextFiles.readResource(DEFAULT_RESOURCE, "Answer signals"), DEFAULT_RESOURCE);
    }

    /** Reads a signals file; {@code source} names it in error messages. */
    public static AnswerSignals parse(String yaml, String source) {
        Map<?, ?> root;
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new IllegalStateException(source + " must hold the fields spellings, negators, "
                        + Signal.CONFLICT.yamlKey() + " and " + Signal.MISSING_RESOURCE.yamlKey());
            }
            root = map;
        } catch (YAMLException e) {
            throw new IllegalStateException(source + " is not valid YAML: " + e.getMessage(), e);
        }
        Map<String, String> spellings = new HashMap<>();
        if (root.get("spellings") instanceof Map<?, ?> map) {
            map.forEach((standard, variants) -> {
                for (String variant : strings(variants, source, "spellings." + standard)) {
                    spellings.put(normaliseWord(variant), normaliseWord(String.valueOf(standard)));
                }
            });
        }
        AnswerSignals bare = new AnswerSignals(spellings, List.of(), Map.of());
        List<List<String>> negators = strings(root.get("negators"), source, "negators").stream()
                .map(bare::words).filter(words -> !words.isEmpty()).toList();
        Map<Signal, Rule> rules = new EnumMap<>(Signal.class);
        for (Signal signal : Signal.values()) {
            if (!(root.get(signal.yamlKey()) instanceof Map<?, ?> section)) {
                throw new IllegalStateException(source + ": '" + signal.yamlKey() + ":' with its 'words:' is missing");
            }
            List<List<String>> phrases = strings(section.get("words"), source, signal.yamlKey() + ".words").stream()
                    .map(bare::words).filter(words -> !words.isEmpty()).toList();
            if (phrases.isEmpty()) {
                throw new IllegalStateException(source + ": '" + signal.yamlKey() + ".words' is empty");
            }
            Set<String> choices = new LinkedHashSet<>();
            for (String choice : strings(section.get("choices"), source, signal.yamlKey() + ".choices")) {
                if (!CHOICE_FORM.matcher(choice).matches()) {
                    throw new IllegalStateException(source + ": '" + choice + "' in " + signal.yamlKey()
                            + ".choices must be written stage.question=choice, e.g. sumber.hambatan=belum-ada");
                }
                choices.add(choice.strip());
            }
            Set<String> notBefore = new LinkedHashSet<>();
            for (String word : strings(section.get("not-before"), source, signal.yamlKey() + ".not-before")) {
                notBefore.addAll(bare.words(word));
            }
            rules.put(signal, new Rule(signal, phrases, choices, notBefore));
        }
        return new AnswerSignals(spellings, negators, rules);
    }

    private static List<String> strings(Object value, String source, String field) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<String> words = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof Boolean) {
                    // YAML reads a bare no/yes/on/off as true or false, which would silently drop "no".
                    throw new IllegalStateException(source + ": a word in '" + field + "' was read as " + item
                            + "; put quotes around no, yes, on and off, e.g. \"no\"");
                }
                if (item != null) {
                    words.add(String.valueOf(item));
                }
            }
            return words;
        }
        if (value instanceof String single) {
            return List.of(single);
        }
        throw new IllegalStateException(source + ": '" + field + "' must be a list of words");
    }

    /** The buttons that count, written {@code stage.question=choice}, for checking against a flow. */
    public List<String> choiceTriggers() {
        return choiceTriggers;
    }

    /** Every sign in the summary's answers, in the order of the prompts and answers, one per answer and signal. */
    public List<SignalEvidence> find(StageSummary summary) {
        List<SignalEvidence> found = new ArrayList<>();
        for (StageSummary.PromptAnswers prompt : summary.prompts()) {
            for (Answer answer : prompt.answers()) {
                evidence(answer, found);
            }
        }
        return found;
    }

    /** The first phrase of the signal's list found in a text, as listed; empty when none counts. */
    public Optional<String> firstMatch(Signal signal, String text) {
        return firstMatch(rules.get(signal), words(text));
    }

    /** Adds the answer's signs, in the signals' order: a chosen button the file names, or a phrase among typed words. */
    private void evidence(Answer answer, List<SignalEvidence> found) {
        if (answer.kind() == PromptKind.SCALE) {
            return;
        }
        if (answer.kind() == PromptKind.CHOICE) {
            String trigger = answer.stageKey() + "." + answer.promptKey() + "=" + answer.value();
            for (Rule rule : rules.values()) {
                if (rule.choices().contains(trigger)) {
                    found.add(new SignalEvidence(rule.signal(), answer.stageKey(), answer.promptKey(), answer.value(),
                            true, answer.shownName(null)));
                }
            }
            return;
        }
        // read into words once, for every signal
        List<String> words = words(answer.items().isEmpty() ? answer.value() : String.join("\n", answer.items()));
        for (Rule rule : rules.values()) {
            firstMatch(rule, words).ifPresent(phrase -> found.add(new SignalEvidence(rule.signal(), answer.stageKey(),
                    answer.promptKey(), phrase, false, answer.shownName(null))));
        }
    }

    private Optional<String> firstMatch(Rule rule, List<String> words) {
        for (int at = 0; at < words.size(); at++) {
            for (List<String> phrase : rule.phrases()) {
                if (startsWith(words, at, phrase) && !negated(words, at) && !goodNews(rule, words, at + phrase.size())) {
                    return Optional.of(String.join(" ", phrase));
                }
            }
        }
        return Optional.empty();
    }

    private boolean negated(List<String> words, int at) {
        for (List<String> negator : negators) {
            int start = at - negator.size();
            if (start >= 0 && startsWith(words, start, negator)) {
                return true;
            }
        }
        return false;
    }

    /** "tidak ada masalah", "tidak ada yang ribut": the phrase is followed by words that undo it. */
    private boolean goodNews(Rule rule, List<String> words, int after) {
        Rule conflict = rules.get(Signal.CONFLICT);
        for (int i = after; i < Math.min(words.size(), after + NOT_BEFORE_WINDOW); i++) {
            if (rule.notBefore().contains(words.get(i))) {
                return true;
            }
            if (rule.signal() != Signal.CONFLICT) {
                for (List<String> phrase : conflict.phrases()) {
                    if (startsWith(words, i, phrase)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean startsWith(List<String> words, int at, List<String> phrase) {
        if (at + phrase.size() > words.size()) {
            return false;
        }
        for (int i = 0; i < phrase.size(); i++) {
            if (!words.get(at + i).equals(phrase.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The text as standard lower-case words, so that a list phrase and an answer compare equal. */
    List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String cleaned = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
        List<String> words = new ArrayList<>();
        for (String raw : NON_WORD.split(cleaned)) {
            String word = normaliseWord(raw);
            if (!word.isEmpty()) {
                words.add(spellings.getOrDefault(word, word));
            }
        }
        return words;
    }

    private static boolean isMark(char c) {
        return c == '\'' || c == '-';
    }

    private static String normaliseWord(String raw) {
        String word = raw.toLowerCase(Locale.ROOT).strip();
        // Hyphens and apostrophes belong inside words ("apa-apa", "don't"), not around them.
        int start = 0;
        int end = word.length();
        while (start < end && isMark(word.charAt(start))) {
            start++;
        }
        while (end > start && isMark(word.charAt(end - 1))) {
            end--;
        }
        word = word.substring(start, end);
        return hasLetterTypedThrice(word) ? REPEATED_LETTERS.matcher(word).replaceAll("$1") : word;
    }

    /** Whether REPEATED_LETTERS has anything to squeeze: most words have not, and the pattern's back-reference is slow. */
    private static boolean hasLetterTypedThrice(String word) {
        int run = 0;
        int previous = -1;
        for (int i = 0; i < word.length(); ) {
            int c = word.codePointAt(i);
            run = c == previous ? run + 1 : 1;
            if (run == 3 && Character.isLetter(c)) {
                return true;
            }
            previous = c;
            i += Character.charCount(c);
        }
        return false;
    }
}
