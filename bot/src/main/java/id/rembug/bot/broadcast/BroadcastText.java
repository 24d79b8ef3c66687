package id.rembug.bot.broadcast;

import id.rembug.dialogues.flow.TextKey;

/**
 * Every text about announcements from program staff ({@code texts/broadcast.yaml}), with the
 * placeholders each may use; loaded and checked by the one text loader at start-up.
 */
public enum BroadcastText implements TextKey {
    @Fills({"title", "when", "place", "agenda"}) ANNOUNCEMENT,
    @Fills({"title", "when", "place"}) REMINDER,
    VOTE_YES,
    VOTE_NO,
    VOTE_MAYBE,
    @Fills("choice") VOTE_RECORDED,
    VOTE_UNKNOWN,
    NOT_STAFF,
    NOT_STAFF_OR_FACILITATOR,
    @Fills("count") ANNOUNCE_SEND_AT_OWN,
    @Fills({"group", "voters"}) REPORT_VOTERS,
    STAFF_USAGE,
    @Fills("id") STAFF_REMOVED,
    @Fills("id") STAFF_CONFIGURED,
    @Fills("id") STAFF_NOT_FOUND,
    @Fills("id") STAFF_ADDED,
    @Fills("tags") TAG_LIST,
    TAG_NONE,
    @Fills("tag") TAG_ADDED,
    @Fills("tag") TAG_REMOVED,
    TAG_NOT_ALLOWED,
    TAG_INVALID,
    REPORT_PRIVATE_ONLY,
    REPORT_USAGE,
    @Fills("id") REPORT_UNKNOWN,
    @Fills({"id", "title", "targets", "sent", "pending", "failed", "yes", "no", "maybe"}) REPORT,
    @Fills({"group", "reason"}) REPORT_FAILURE,
    REASON_FORBIDDEN,
    @Fills("detail") REASON_OTHER,
    @Fills("count") REPORT_MIGRATED,
    @Fills("count") REPORT_RETRIED,
    ANNOUNCE_TITLE,
    ANNOUNCE_WHEN,
    ANNOUNCE_WHEN_AGAIN,
    @Fills("when") ANNOUNCE_PLACE,
    ANNOUNCE_AGENDA,
    ANNOUNCE_TARGET,
    ANNOUNCE_TARGET_NONE,
    @Fills("count") ANNOUNCE_SEND_AT,
    ANNOUNCE_SEND_AT_AGAIN,
    @Fills({"count", "sendAt", "preview"}) ANNOUNCE_PREVIEW,
    ANNOUNCE_SEND_NOW,
    ANNOUNCE_CONFIRM_AGAIN,
    @Fills({"id", "sendAt"}) ANNOUNCE_DONE,
    ANNOUNCE_CANCELLED;
}
