package id.rembug.dialogues.flow;

import java.util.List;

/**
 * Every text the engine itself says (as opposed to the prompts of a flow). The texts live in
 * {@code messages.yaml} beside the flow so staff can reword or translate them without Java;
 * the loader checks that each key is present in both languages and uses only the placeholders
 * listed here.
 */
public enum MessageKey {
    BOT_ADDED("bot-added"),
    FACILITATOR_CLAIMED("facilitator-claimed", "name"),
    FACILITATOR_ALREADY_YOU("facilitator-already-you", "name"),
    FACILITATOR_TAKEN("facilitator-taken", "name"),
    FACILITATOR_NEEDS_ADMIN("facilitator-needs-admin", "name"),
    FACILITATOR_CHECK_FAILED("facilitator-check-failed", "name"),
    FACILITATOR_LEFT("facilitator-left", "name"),
    FACILITATOR_ASSIGNED("facilitator-assigned", "name"),
    FACILITATOR_REVOKED("facilitator-revoked", "name"),
    FACILITATOR_NONE("facilitator-none"),
    FACILITATOR_STAFF_ONLY("facilitator-staff-only", "name"),
    FACILITATOR_ASSIGN_WHO("facilitator-assign-who"),
    POST_AS_YOURSELF("post-as-yourself"),
    BUTTON_NOT_OURS("button-not-ours"),
    FLOW_START("flow-start"),
    STAGE_INTRO("stage-intro", "number", "total", "phase", "title", "intro"),
    STAGE_CLOSING("stage-closing", "title", "closing"),
    ACK("ack", "name", "answered", "quorum"),
    ACK_CORRECTED("ack-corrected", "name"),
    ANSWER_TOO_LONG("answer-too-long", "name", "length", "max"),
    CHOICE_INVALID("choice-invalid", "name"),
    SCALE_INVALID("scale-invalid", "name"),
    STAGE_ALREADY_CLOSED("stage-already-closed", "name"),
    GOAL_FEEDBACK("goal-feedback", "name", "missing"),
    GOAL_MISSING_REALISTIC("goal-missing-realistic"),
    GOAL_MISSING_MEASURABLE("goal-missing-measurable"),
    GOAL_MISSING_TIME_FRAMED("goal-missing-time-framed"),
    GOAL_MISSING_SCOPED("goal-missing-scoped"),
    GOAL_UNTIL_WHEN("goal-until-when", "repetition"),
    GOAL_ASK_REALISTIC("goal-ask-realistic"),
    GOAL_GOOD("goal-good", "name"),
    NUDGE("nudge", "names"),
    WAITING_FOR_FACILITATOR("waiting-for-facilitator", "name"),
    AUTO_ADVANCED("auto-advanced"),
    ADVANCED_BY_FACILITATOR("advanced-by-facilitator", "name"),
    STAGE_REPEATED("stage-repeated", "title"),
    PAUSED("paused", "name"),
    RESUMED("resumed"),
    ALREADY_PAUSED("already-paused"),
    NOT_PAUSED("not-paused"),
    ONLY_FACILITATOR("only-facilitator", "name", "command"),
    NO_FACILITATOR_YET("no-facilitator-yet", "command"),
    NOT_STARTED("not-started"),
    FINISHED("finished"),
    ALREADY_FINISHED("already-finished"),
    STATUS_NEW("status-new"),
    STATUS_ACTIVE("status-active", "number", "total", "title", "prompt", "prompts", "answered", "quorum", "waiting"),
    STATUS_AWAITING("status-awaiting", "number", "total", "title"),
    STATUS_PAUSED("status-paused", "number", "total", "title"),
    STATUS_FINISHED("status-finished", "total"),
    HELP("help"),
    LANGUAGE_SET("language-set"),
    LANGUAGE_INVALID("language-invalid"),
    DELETE_CONFIRM("delete-confirm", "name"),
    DELETE_BUTTON_YES("delete-button-yes"),
    DELETE_BUTTON_NO("delete-button-no"),
    DELETE_DONE("delete-done"),
    DELETE_CANCELLED("delete-cancelled", "name"),
    DELETE_NOTHING_PENDING("delete-nothing-pending", "name"),
    UNKNOWN_COMMAND("unknown-command", "command"),
    BUTTON_ADVANCE("button-advance"),
    BUTTON_REPEAT("button-repeat"),
    BUTTON_PAUSE("button-pause"),
    CRITERION_REALISTIC("criterion-realistic"),
    CRITERION_MEASURABLE("criterion-measurable"),
    CRITERION_TIME_FRAMED("criterion-time-framed"),
    CRITERION_SCOPED("criterion-scoped"),
    SUMMARY_HEADING("summary-heading", "number", "total", "title"),
    SUMMARY_IN_PROGRESS("summary-in-progress", "number", "total", "title"),
    SUMMARY_REASON_FACILITATOR("summary-reason-facilitator"),
    SUMMARY_PARTICIPANTS("summary-participants", "count", "names"),
    SUMMARY_QUIET("summary-quiet", "names"),
    SUMMARY_NOBODY_QUIET("summary-nobody-quiet"),
    SUMMARY_NO_ANSWERS("summary-no-answers"),
    SUMMARY_GOAL_MET("summary-goal-met", "met"),
    SUMMARY_GOAL_MISSING("summary-goal-missing", "missing"),
    SUMMARY_GOAL_NOT_CHECKED("summary-goal-not-checked", "criteria"),
    SUMMARY_GOAL_UNTIL_WHEN("summary-goal-until-when", "repetition"),
    SUMMARY_GOAL_BROKER("summary-goal-broker", "request"),
    SUMMARY_NEXT("summary-next", "title", "purpose"),
    SUMMARY_LAST("summary-last"),
    PRIVATE_WELCOME("private-welcome", "name"),
    PRIVATE_HELP("private-help"),
    PRIVATE_DELETE_CONFIRM("private-delete-confirm"),
    PRIVATE_DELETE_DONE("private-delete-done", "groups"),
    PRIVATE_DELETE_CANCELLED("private-delete-cancelled"),
    FACILITATOR_UNREACHABLE("facilitator-unreachable", "name"),
    BOT_REMOVED_FROM_GROUP("bot-removed-from-group", "group"),
    DIGEST_DAILY("digest-daily", "time"),
    DIGEST_AT_ONCE("digest-at-once"),
    PROGRESS("progress", "answered", "residents"),
    PROGRESS_COUNT("progress-count", "answered"),
    ADVANCE_CONFIRM("advance-confirm", "name", "title"),
    BUTTON_CONFIRM_ADVANCE("button-confirm-advance"),
    BUTTON_STAY("button-stay"),
    ADVANCE_KEPT("advance-kept"),
    STALE_BUTTON("stale-button", "title"),
    LATE_HEADING("late-heading", "number", "total", "title"),
    LATE_MARK("late-mark"),
    SUMMARY_ALL_KNOWN_SPOKE("summary-all-known-spoke", "count"),
    PLAN_TASK_USAGE("plan-task-usage"),
    PLAN_TASK_WHO_UNKNOWN("plan-task-who-unknown", "who"),
    PLAN_TASK_WHEN_UNREADABLE("plan-task-when-unreadable", "when"),
    PLAN_TASK_PAST("plan-task-past", "when"),
    PLAN_PROPOSED("plan-proposed", "number", "what", "owner", "due", "facilitator"),
    PLAN_ADDED("plan-added", "number", "what", "owner", "due"),
    PLAN_CONFIRM_ASK("plan-confirm-ask", "actions"),
    PLAN_FROM_ANSWERS("plan-from-answers", "title", "actions"),
    PLAN_CONFIRM_BUTTON("plan-confirm-button", "number"),
    PLAN_CONFIRMED("plan-confirmed", "number"),
    PLAN_SHOW("plan-show", "actions", "done", "due", "late"),
    PLAN_EMPTY("plan-empty"),
    PLAN_LINE("plan-line", "number", "what", "owner", "due", "standing"),
    PLAN_NO_DATE("plan-no-date"),
    PLAN_STANDING_PROPOSED("plan-standing-proposed"),
    PLAN_STANDING_DONE("plan-standing-done"),
    PLAN_STANDING_LATE("plan-standing-late"),
    PLAN_STANDING_DUE("plan-standing-due"),
    PLAN_STANDING_PLANNED("plan-standing-planned"),
    PLAN_DONE("plan-done", "number", "what", "name"),
    PLAN_DONE_ALREADY("plan-done-already", "number"),
    PLAN_DONE_WHICH("plan-done-which", "name", "actions"),
    PLAN_DONE_NOT_YOURS("plan-done-not-yours", "number", "owner"),
    PLAN_UNKNOWN_ACTION("plan-unknown-action", "number"),
    PLAN_DONE_BUTTON("plan-done-button", "number"),
    PLAN_REMINDER("plan-reminder", "actions"),
    PLAN_REMINDER_PRIVATE("plan-reminder-private", "number", "what", "due"),
    PLAN_REMIND_PRIVATE("plan-remind-private", "name"),
    PLAN_REMIND_GROUP("plan-remind-group", "name"),
    PLAN_REMIND_USAGE("plan-remind-usage"),
    CHECK_IN("check-in", "actions"),
    CHECK_IN_THANKS("check-in-thanks"),
    CHECK_IN_SUMMARY("check-in-summary", "number", "notes", "actions"),
    CHECK_IN_NO_NOTES("check-in-no-notes"),
    MEETING_RECORDED("meeting-recorded", "date", "attended", "women", "title"),
    PLAN_SUMMARY("plan-summary", "done", "due", "late", "open", "proposed"),
    MEETING_LINE("meeting-line", "date", "attended", "women", "decisions"),
    MEETING_USAGE("meeting-usage"),
    MEETING_NO_GROUP("meeting-no-group"),
    MEETING_WHICH_GROUP("meeting-which-group", "groups"),
    MEETING_FUTURE("meeting-future", "date"),
    MEETING_PRIVATE_ONLY("meeting-private-only");

    private final String yamlKey;
    private final List<String> placeholders;

    MessageKey(String yamlKey, String... placeholders) {
        this.yamlKey = yamlKey;
        this.placeholders = List.of(placeholders);
    }

    public String yamlKey() {
        return yamlKey;
    }

    public List<String> placeholders() {
        return placeholders;
    }

    public static MessageKey fromYaml(String key) {
        for (MessageKey messageKey : values()) {
            if (messageKey.yamlKey.equals(key)) {
                return messageKey;
            }
        }
        return null;
    }
}
