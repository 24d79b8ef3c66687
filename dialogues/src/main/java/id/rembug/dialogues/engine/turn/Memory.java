package id.rembug.dialogues.engine.turn;

import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.Decision;

import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.Prompt;
import id.rembug.dialogues.flow.PromptKind;
import id.rembug.dialogues.flow.Stage;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Memory across stages: what a later prompt quotes with {@code {stage.prompt}}. An agreed decision
 * is remembered when it is confirmed; the answers of any other quoted prompt when its stage
 * closes, in a line short enough to sit inside a question. Only quoted prompts are kept.
 */
public final class Memory {

    /** A quote longer than this is cut: it sits inside a question read on a phone. */
    static final int MAX_QUOTE_LENGTH = 160;
    private static final int MAX_ITEMS = 5;

    private Memory() {
    }

    /** Keeps the quoted prompts of the closing stage from its answers, unless the group agreed on one. */
    public static void stageClosed(Turn turn) {
        Stage stage = turn.currentStage();
        Set<String> quoted = turn.quoted();
        List<Answer> answers = turn.state().answers;
        Map<String, String> memory = turn.state().memory;
        List<Decision> decisions = turn.state().decisions;
        int round = turn.state().round;
        Language language = turn.state().language;
        for (Prompt prompt : stage.prompts()) {
            String reference = stage.key() + "." + prompt.key();
            if (!quoted.contains(reference)) {
                continue;
            }
            boolean agreed = decisions.stream().anyMatch(d -> d.confirmed() && d.reference().equals(reference)
                    && d.round() == round);
            if (agreed) {
                continue;
            }
            String quote = quote(prompt, answers.stream().filter(a -> a.promptKey().equals(prompt.key())).toList(),
                    language);
            if (quote != null) {
                memory.put(reference, quote);
            }
        }
    }

    /** The values for the references of {@code prompt}, from memory or the open stage's answers. */
    public static Map<String, String> values(Prompt prompt, Stage openStage, List<Answer> openAnswers,
                                             Map<String, String> memory, String missing, Language language) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String reference : prompt.references()) {
            String remembered = memory.get(reference);
            if (remembered == null && reference.startsWith(openStage.key() + ".")) {
                String promptKey = reference.substring(openStage.key().length() + 1);
                remembered = openStage.prompt(promptKey).map(p -> quote(p, openAnswers.stream()
                        .filter(a -> a.promptKey().equals(promptKey)).toList(), language)).orElse(null);
            }
            values.put(reference, remembered == null ? missing : remembered);
        }
        return values;
    }

    /** The answers of one prompt in one line; null when there are none. */
    static String quote(Prompt prompt, List<Answer> answers, Language language) {
        if (answers.isEmpty()) {
            return null;
        }
        String line;
        if (prompt.kind() == PromptKind.CHOICE) {
            Map<String, Long> counts = answers.stream().collect(Collectors.groupingBy(Answer::value,
                    LinkedHashMap::new, Collectors.counting()));
            String top = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            line = prompt.choice(top).map(c -> c.label().in(language)).orElse(top);
        } else if (prompt.kind() == PromptKind.SCALE) {
            double mean = answers.stream().mapToInt(a -> Integer.parseInt(a.value())).average().orElse(0);
            line = String.format(java.util.Locale.ROOT, "%.1f/%d", mean, Prompt.SCALE_MAX);
        } else {
            Set<String> distinct = new LinkedHashSet<>();
            for (Answer answer : answers) {
                if (prompt.kind() == PromptKind.LIST) {
                    distinct.addAll(answer.items());
                } else {
                    distinct.add(answer.value());
                }
            }
            line = distinct.stream().limit(MAX_ITEMS)
                    .collect(Collectors.joining(prompt.kind() == PromptKind.LIST ? ", " : " / "));
        }
        return line.length() <= MAX_QUOTE_LENGTH ? line
                : line.substring(0, MAX_QUOTE_LENGTH - 1).stripTrailing() + "…";
    }
}
