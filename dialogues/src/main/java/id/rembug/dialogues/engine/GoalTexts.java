package id.rembug.dialogues.engine;

import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Messages;
import id.rembug.dialogues.goal.GoalAssessment;
import id.rembug.dialogues.goal.GoalCriterion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Which message explains each goal criterion. */
public final class GoalTexts {

    private GoalTexts() {
    }

    public static MessageKey missingKey(GoalCriterion criterion) {
        return switch (criterion) {
            case REALISTIC -> MessageKey.GOAL_MISSING_REALISTIC;
            case MEASURABLE -> MessageKey.GOAL_MISSING_MEASURABLE;
            case TIME_FRAMED -> MessageKey.GOAL_MISSING_TIME_FRAMED;
            case SCOPED -> MessageKey.GOAL_MISSING_SCOPED;
        };
    }

    /**
     * What the member is asked about a goal that is not complete: each missing criterion (a
     * repetition without an end is asked "until when?"), then realism when only the group can tell.
     */
    public static List<String> feedbackLines(GoalAssessment goal, Messages messages, Language language) {
        List<String> lines = new ArrayList<>();
        for (GoalCriterion criterion : goal.missing()) {
            lines.add(criterion == GoalCriterion.TIME_FRAMED && goal.untilWhen() != null
                    ? messages.get(MessageKey.GOAL_UNTIL_WHEN, language, Map.of("repetition", goal.untilWhen()))
                    : messages.get(missingKey(criterion), language));
        }
        if (goal.notCheckable().contains(GoalCriterion.REALISTIC)) {
            lines.add(messages.get(MessageKey.GOAL_ASK_REALISTIC, language));
        }
        return List.copyOf(lines);
    }

    public static MessageKey nameKey(GoalCriterion criterion) {
        return switch (criterion) {
            case REALISTIC -> MessageKey.CRITERION_REALISTIC;
            case MEASURABLE -> MessageKey.CRITERION_MEASURABLE;
            case TIME_FRAMED -> MessageKey.CRITERION_TIME_FRAMED;
            case SCOPED -> MessageKey.CRITERION_SCOPED;
        };
    }
}
