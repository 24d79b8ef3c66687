package id.rembug.dialogues.engine;

import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Messages;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The action plan and the recorded meetings as the facilitator's summaries show them: how many
 * actions are done, due and late, and the face-to-face meetings of a stage.
 */
public final class PlanReport {

    private PlanReport() {
    }

    /** The plan's standing in one line. */
    public static String standing(ActionPlan plan, LocalDate today, Messages messages, Language language) {
        return messages.get(MessageKey.PLAN_SUMMARY, language, Map.of(
                "done", plan.count(ActionPlan.Standing.DONE, today),
                "due", plan.count(ActionPlan.Standing.DUE, today),
                "late", plan.count(ActionPlan.Standing.LATE, today),
                "open", plan.openActions().size(),
                "proposed", plan.count(ActionPlan.Standing.PROPOSED, today)));
    }

    /**
     * What a stage's summary adds about the plan: the meetings recorded during the stage and the
     * plan's standing; empty when the group has neither.
     */
    public static Optional<String> forStage(ActionPlan plan, String stageKey, LocalDate today, Messages messages,
                                            Language language) {
        StringBuilder text = new StringBuilder();
        for (ActionPlan.Meeting meeting : plan.meetings()) {
            if (meeting.stageKey().equals(stageKey)) {
                text.append(messages.get(MessageKey.MEETING_LINE, language, Map.of("date", meeting.date().toString(),
                        "attended", meeting.attended(), "women", meeting.women(),
                        "decisions", meeting.decisions()))).append('\n');
            }
        }
        if (!plan.actions().isEmpty()) {
            text.append(standing(plan, today, messages, language));
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text.toString().strip());
    }
}
