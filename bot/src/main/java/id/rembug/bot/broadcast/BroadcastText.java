package id.rembug.bot.broadcast;

import id.rembug.dialogues.flow.TextKey;

import java.util.List;

/**
 * Every text about announcements from program staff ({@code texts/broadcast.yaml}), with the
 * placeholders each may use; loaded and checked by the one text loader at start-up.
 */
public enum BroadcastText implements TextKey {
    ANNOUNCEMENT("announcement", "title", "when", "place", "agenda"),
    REMINDER("reminder", "title", "when", "place"),
    VOTE_YES("vote-yes"),
    VOTE_NO("vote-no"),
    VOTE_MAYBE("vote-maybe"),
    VOTE_RECORDED("vote-recorded", "choice"),
    VOTE_UNKNOWN("vote-unknown"),
    NOT_STAFF("not-staff"),
    NOT_STAFF_OR_FACILITATOR("not-staff-or-facilitator"),
    ANNOUNCE_SEND_AT_OWN("announce-send-at-own", "count"),
    REPORT_VOTERS("report-voters", "group", "voters"),
    STAFF_USAGE("staff-usage"),
    STAFF_REMOVED("staff-removed", "id"),
    STAFF_CONFIGURED("staff-configured", "id"),
    STAFF_NOT_FOUND("staff-not-found", "id"),
    STAFF_ADDED("staff-added", "id"),
    TAG_LIST("tag-list", "tags"),
    TAG_NONE("tag-none"),
    TAG_ADDED("tag-added", "tag"),
    TAG_REMOVED("tag-removed", "tag"),
    TAG_NOT_ALLOWED("tag-not-allowed"),
    TAG_INVALID("tag-invalid"),
    REPORT_PRIVATE_ONLY("report-private-only"),
    REPORT_USAGE("report-usage"),
    REPORT_UNKNOWN("report-unknown", "id"),
    REPORT("report", "id", "title", "targets", "sent", "pending", "failed", "yes", "no", "maybe"),
    REPORT_FAILURE("report-failure", "group", "reason"),
    REASON_FORBIDDEN("reason-forbidden"),
    REASON_OTHER("reason-other", "detail"),
    REPORT_MIGRATED("report-migrated", "count"),
    REPORT_RETRIED("report-retried", "count"),
    ANNOUNCE_TITLE("announce-title"),
    ANNOUNCE_WHEN("announce-when"),
    ANNOUNCE_WHEN_AGAIN("announce-when-again"),
    ANNOUNCE_PLACE("announce-place", "when"),
    ANNOUNCE_AGENDA("announce-agenda"),
    ANNOUNCE_TARGET("announce-target"),
    ANNOUNCE_TARGET_NONE("announce-target-none"),
    ANNOUNCE_SEND_AT("announce-send-at", "count"),
    ANNOUNCE_SEND_AT_AGAIN("announce-send-at-again"),
    ANNOUNCE_PREVIEW("announce-preview", "count", "sendAt", "preview"),
    ANNOUNCE_SEND_NOW("announce-send-now"),
    ANNOUNCE_CONFIRM_AGAIN("announce-confirm-again"),
    ANNOUNCE_DONE("announce-done", "id", "sendAt"),
    ANNOUNCE_CANCELLED("announce-cancelled");

    private final String yamlKey;
    private final List<String> placeholders;

    BroadcastText(String yamlKey, String... placeholders) {
        this.yamlKey = yamlKey;
        this.placeholders = List.of(placeholders);
    }

    @Override
    public String yamlKey() {
        return yamlKey;
    }

    @Override
    public List<String> placeholders() {
        return placeholders;
    }
}
