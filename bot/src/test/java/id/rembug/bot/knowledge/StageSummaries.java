package id.rembug.bot.knowledge;

import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.StageSummary;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.FlowLoader;
import id.rembug.dialogues.flow.Prompt;
import id.rembug.dialogues.flow.PromptKind;
import id.rembug.dialogues.flow.Stage;
import id.rembug.dialogues.goal.GoalAssessment;
import id.rembug.dialogues.goal.RuleBasedGoalChecker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage summaries of the stock flow as the engine would write them, built from answers given as
 * "who answered what to which question", so each test shows only what matters to it.
 */
public final class StageSummaries {

    public static final Flow STOCK_FLOW = FlowLoader.loadResource("flows/stock.yaml");
    private static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");
    private static final RuleBasedGoalChecker GOALS = new RuleBasedGoalChecker();

    private StageSummaries() {
    }

    /** One answer to {@code promptKey} of the summary's stage; list answers split on new lines. */
    public record Given(String promptKey, String member, String value) {
    }

    public static Given answer(String promptKey, String member, String value) {
        return new Given(promptKey, member, value);
    }

    /** The summary of a completed stage of the stock flow with these answers. */
    public static StageSummary of(String stageKey, Given... given) {
        Stage stage = STOCK_FLOW.stage(stageKey).orElseThrow(() -> new IllegalArgumentException(stageKey));
        Map<String, Member> members = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, List<Answer>> byPrompt = new LinkedHashMap<>();
        stage.prompts().forEach(prompt -> byPrompt.put(prompt.key(), new ArrayList<>()));
        int messageRef = 100;
        for (Given one : given) {
            Prompt prompt = stage.prompt(one.promptKey())
                    .orElseThrow(() -> new IllegalArgumentException(stageKey + " has no prompt " + one.promptKey()));
            Member member = members.computeIfAbsent(one.member(), name -> Member.of("id-" + name.toLowerCase(), name));
            counts.merge(one.member(), 1, Integer::sum);
            List<String> items = prompt.kind() == PromptKind.LIST
                    ? List.of(one.value().split("\n")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList()
                    : List.of();
            GoalAssessment goal = prompt.kind() == PromptKind.GOAL ? GOALS.assess(one.value()) : null;
            byPrompt.get(prompt.key()).add(new Answer(stageKey, 1, prompt.key(), prompt.kind(), member.id(), member.name(),
                    Integer.toString(messageRef++), one.value(), items, goal, AT));
        }
        List<StageSummary.PromptAnswers> prompts = stage.prompts().stream()
                .map(prompt -> new StageSummary.PromptAnswers(prompt.key(), prompt.kind(), prompt.text(),
                        byPrompt.get(prompt.key())))
                .toList();
        List<StageSummary.Participation> participants = members.values().stream()
                .map(member -> new StageSummary.Participation(member, counts.get(member.name())))
                .toList();
        int index = STOCK_FLOW.indexOf(stageKey);
        StageSummary.NextStage next = index + 1 < STOCK_FLOW.stageCount()
                ? nextStage(STOCK_FLOW.stage(index + 1)) : null;
        return new StageSummary("group-1", stageKey, stage.phaseKey(), index + 1, STOCK_FLOW.stageCount(), stage.title(),
                1, true, StageSummary.ClosedBy.QUORUM, prompts, participants, List.of(Member.of("id-quiet", "Pak Diam")),
                next, AT);
    }

    private static StageSummary.NextStage nextStage(Stage stage) {
        return new StageSummary.NextStage(stage.key(), stage.title(), stage.purpose());
    }
}
