package id.rembug.dialogues.engine;

import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.goal.GoalCriterion;

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

    public static MessageKey nameKey(GoalCriterion criterion) {
        return switch (criterion) {
            case REALISTIC -> MessageKey.CRITERION_REALISTIC;
            case MEASURABLE -> MessageKey.CRITERION_MEASURABLE;
            case TIME_FRAMED -> MessageKey.CRITERION_TIME_FRAMED;
            case SCOPED -> MessageKey.CRITERION_SCOPED;
        };
    }
}
