package id.rembug.bot.summaries;

import id.rembug.bot.channel.TextCuts;
import id.rembug.bot.knowledge.KnowledgeText;
import id.rembug.bot.knowledge.KnowledgeTexts;
import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.StageSummary;
import id.rembug.dialogues.engine.SummaryRenderer;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.Stage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The summary we write without a model: one line per question with the most common choices or
 * items and their counts, the average of a scale, the most typical typed answer, how many goals
 * meet all four criteria, and how many people answered. Only residents' own words, picked and
 * counted, never reworded, so it cannot misrepresent anyone.
 */
final class ExtractiveSummary {

    private static final int TOP_ITEMS = 3;
    private static final int MAX_EXAMPLE = 80;
    private static final int MAX_PROMPT = 90;
    /** Words this short ("yang", "dan") say little about what an answer is about. */
    private static final int MIN_SHARED_WORD = 4;
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final Flow flow;
    private final KnowledgeTexts texts;

    ExtractiveSummary(Flow flow, KnowledgeTexts texts) {
        this.flow = flow;
        this.texts = texts;
    }

    String write(StageSummary summary, Language language) {
        Stage stage = flow.stage(summary.stageKey()).orElse(null);
        List<String> lines = new ArrayList<>();
        for (StageSummary.PromptAnswers prompt : summary.prompts()) {
            if (prompt.answers().isEmpty()) {
                continue;
            }
            lines.add(texts.get(KnowledgeText.DIGEST_PROMPT, language, Map.of(
                    "prompt", shortPrompt(prompt.text().in(language)),
                    "digest", digest(stage, prompt, language))));
        }
        if (lines.isEmpty()) {
            lines.add(texts.get(KnowledgeText.DIGEST_NO_ANSWERS, language));
        }
        lines.add(texts.get(KnowledgeText.DIGEST_PARTICIPATION, language, Map.of(
                "count", summary.participants().size(), "quiet", summary.quiet().size())));
        return String.join("\n", lines);
    }

    private String digest(Stage stage, StageSummary.PromptAnswers prompt, Language language) {
        List<Answer> answers = prompt.answers();
        return switch (prompt.kind()) {
            case CHOICE -> counted(answers.stream().map(a -> SummaryRenderer.display(stage, a, language)).toList(),
                    language);
            case LIST -> counted(answers.stream()
                    .flatMap(a -> a.items().isEmpty() ? List.of(a.value()).stream() : a.items().stream())
                    .map(String::strip).filter(item -> !item.isEmpty()).toList(), language);
            case SCALE -> scale(answers, language);
            case GOAL -> texts.get(KnowledgeText.DIGEST_GOALS, language, Map.of(
                    "count", answers.size(),
                    "complete", answers.stream().filter(a -> a.goal() != null && a.goal().isComplete()).count()));
            case TEXT -> texts.get(KnowledgeText.DIGEST_TEXT, language, Map.of(
                    "count", answers.size(), "example", shorten(mostTypical(answers), MAX_EXAMPLE)));
        };
    }

    /** "a (3), b (1)": the most common first, ties in the order they were given; case does not split a count. */
    private String counted(List<String> values, Language language) {
        Map<String, String> shownByKey = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String value : values) {
            String key = value.toLowerCase(Locale.ROOT);
            shownByKey.putIfAbsent(key, value);
            counts.merge(key, 1, Integer::sum);
        }
        List<String> keys = new ArrayList<>(counts.keySet());
        keys.sort((a, b) -> Integer.compare(counts.get(b), counts.get(a)));
        String top = keys.stream().limit(TOP_ITEMS)
                .map(key -> texts.get(KnowledgeText.DIGEST_COUNT, language, Map.of(
                        "item", shorten(shownByKey.get(key), MAX_EXAMPLE), "count", counts.get(key))))
                .collect(Collectors.joining(", "));
        return keys.size() > TOP_ITEMS
                ? top + ", " + texts.get(KnowledgeText.DIGEST_MORE, language, Map.of("count", keys.size() - TOP_ITEMS))
                : top;
    }

    private String scale(List<Answer> answers, Language language) {
        List<Integer> values = new ArrayList<>();
        for (Answer answer : answers) {
            try {
                values.add(Integer.parseInt(answer.value().strip()));
            } catch (NumberFormatException notANumber) {
                // The engine accepts only 1-5, so this is an old or hand-edited record: leave it out.
            }
        }
        double average = values.stream().mapToInt(Integer::intValue).average().orElse(0);
        Locale locale = Language.EN.equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("id");
        return texts.get(KnowledgeText.DIGEST_SCALE, language, Map.of(
                "average", String.format(locale, "%.1f", average), "count", values.size()));
    }

    /** The answer sharing the most words with the others: the one that speaks for the most people. */
    private static String mostTypical(List<Answer> answers) {
        List<Set<String>> words = answers.stream().map(a -> significantWords(a.value())).toList();
        int best = 0;
        int bestShared = -1;
        for (int i = 0; i < answers.size(); i++) {
            int shared = 0;
            for (int j = 0; j < answers.size(); j++) {
                if (i != j) {
                    Set<String> common = new HashSet<>(words.get(i));
                    common.retainAll(words.get(j));
                    shared += common.size();
                }
            }
            if (shared > bestShared) {
                best = i;
                bestShared = shared;
            }
        }
        return answers.get(best).value().strip();
    }

    private static Set<String> significantWords(String text) {
        Set<String> words = new HashSet<>();
        for (String word : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (word.length() >= MIN_SHARED_WORD) {
                words.add(word);
            }
        }
        return words;
    }

    /** The question's first sentence: the rest is usually an example or a how-to. */
    private static String shortPrompt(String prompt) {
        int end = -1;
        for (int i = 0; i < prompt.length(); i++) {
            char c = prompt.charAt(i);
            boolean atBreak = i + 1 == prompt.length() || Character.isWhitespace(prompt.charAt(i + 1));
            if ((c == '?' || c == '.' || c == '!') && atBreak) {
                end = i;
                break;
            }
        }
        return shorten(end < 0 ? prompt : prompt.substring(0, end + 1), MAX_PROMPT);
    }

    /** On one line, within {@code max}: cut after a sentence or between words, never inside one. */
    private static String shorten(String text, int max) {
        return TextCuts.shorten(WHITESPACE.matcher(text).replaceAll(" ").strip(), max);
    }
}
