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
    MEDIA_ACCEPTED("media-accepted", "kinds"),
    MEDIA_WORDS_ONLY("media-words-only", "name"),
    MEDIA_NOT_THIS_KIND("media-not-this-kind", "name", "kinds"),
    MEDIA_PHOTO("media-photo"),
    MEDIA_VOICE("media-voice"),
    MEDIA_VIDEO_NOTE("media-video-note"),
    MEDIA_VIDEO("media-video"),
    MEDIA_AUDIO("media-audio"),
    MEDIA_DOCUMENT("media-document"),
    MEDIA_LOCATION("media-location"),
    MEDIA_TRANSCRIPT("media-transcript"),
    MEDIA_OR("media-or"),
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
    SUMMARY_ALL_KNOWN_SPOKE("summary-all-known-spoke", "count");

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
