package id.rembug.bot.knowledge.llm;

import id.rembug.dialogues.goal.GoalAssessment;
import id.rembug.dialogues.goal.GoalChecker;
import id.rembug.dialogues.goal.GoalCriterion;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A language model's judgement of a goal against the four criteria, for the facilitator; the
 * rule-based checker's assessment whenever the model is off, fails, or answers anything but the
 * strict JSON asked for.
 *
 * <p>Not a {@link GoalChecker} on purpose: the engine checks goals inside its pure step, where
 * a network call (slow, and different on a replay) has no place. Use this where the facilitator
 * reads about goals, for example beside the summary.
 *
 * <p>The model's evidence for a criterion is kept only when it quotes words that really are in
 * the goal, so an invented justification is dropped rather than shown.
 */
public final class GoalSecondOpinion {

    static final String TASK = "goal check";
    private static final Map<GoalCriterion, String> FIELDS = Map.of(
            GoalCriterion.REALISTIC, "realistic",
            GoalCriterion.MEASURABLE, "measurable",
            GoalCriterion.TIME_FRAMED, "time_framed",
            GoalCriterion.SCOPED, "scoped");
    private static final int MAX_EVIDENCE = 80;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The assessment and who made it. */
    public record GoalOpinion(GoalAssessment assessment, Source source) {
        public GoalOpinion {
            Objects.requireNonNull(assessment, "assessment");
            Objects.requireNonNull(source, "source");
        }
    }

    record GoalData(String goal) {
    }

    private final LlmClient llm;
    private final GoalChecker rules;
    private final LlmPrompts prompts;

    public GoalSecondOpinion(LlmClient llm, GoalChecker rules, LlmPrompts prompts) {
        this.llm = llm;
        this.rules = rules;
        this.prompts = prompts;
    }

    public GoalOpinion assess(String goal) {
        if (!llm.enabled() || goal == null || goal.isBlank()) {
            return new GoalOpinion(rules.assess(goal == null ? "" : goal), Source.DETERMINISTIC);
        }
        UntrustedData.Block block = UntrustedData.of(new GoalData(goal));
        String system = prompts.get(LlmPrompts.Key.GOAL_SYSTEM, Map.of("tag", block.tag()));
        String user = prompts.get(LlmPrompts.Key.GOAL_REQUEST, Map.of()) + "\n\n" + block.text();
        Optional<GoalAssessment> judged = llm.chat(TASK, system, user, true).flatMap(text -> parse(text, goal));
        if (judged.isPresent()) {
            llm.usable(TASK);
            return new GoalOpinion(judged.get(), Source.LLM);
        }
        return new GoalOpinion(rules.assess(goal), Source.DETERMINISTIC);
    }

    /**
     * Reads the model's answer: one JSON object (a Markdown code fence around it is tolerated)
     * with all four criteria as true/false. Anything else is refused and reported.
     */
    private Optional<GoalAssessment> parse(String text, String goal) {
        String json = withoutCodeFence(text);
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            llm.unusable(TASK, "the answer is not JSON: " + e.getOriginalMessage());
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            llm.unusable(TASK, "the answer is not a JSON object");
            return Optional.empty();
        }
        Set<GoalCriterion> met = EnumSet.noneOf(GoalCriterion.class);
        for (GoalCriterion criterion : GoalCriterion.values()) {
            JsonNode value = root.get(FIELDS.get(criterion));
            if (value == null || !value.isBoolean()) {
                llm.unusable(TASK, "'" + FIELDS.get(criterion) + "' is missing or not true/false");
                return Optional.empty();
            }
            if (value.booleanValue()) {
                met.add(criterion);
            }
        }
        Map<GoalCriterion, String> evidence = new EnumMap<>(GoalCriterion.class);
        JsonNode quotes = root.get("evidence");
        if (quotes != null && quotes.isObject()) {
            for (GoalCriterion criterion : met) {
                JsonNode quote = quotes.get(FIELDS.get(criterion));
                if (quote != null && quote.isString() && quotes(goal, quote.stringValue())) {
                    evidence.put(criterion, quote.stringValue().strip());
                }
            }
        }
        return Optional.of(new GoalAssessment(met, evidence));
    }

    private static boolean quotes(String goal, String quote) {
        String words = quote.strip();
        return !words.isEmpty() && words.length() <= MAX_EVIDENCE
                && normalise(goal).contains(normalise(words));
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    static String withoutCodeFence(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("```")) {
            int firstLineEnd = trimmed.indexOf('\n');
            int closing = trimmed.lastIndexOf("```");
            if (firstLineEnd > 0 && closing > firstLineEnd) {
                return trimmed.substring(firstLineEnd + 1, closing).strip();
            }
        }
        return trimmed;
    }
}
