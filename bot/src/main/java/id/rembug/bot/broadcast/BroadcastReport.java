package id.rembug.bot.broadcast;

import java.util.List;
import java.util.Map;

/**
 * What became of a broadcast.
 *
 * @param status   {@code scheduled} (not fired yet), {@code sending} (still being put in the
 *                 outbox) or {@code enqueued} (every message is in the outbox or beyond)
 * @param targets  groups the announcement is for (known once it fired)
 * @param sent     announcements delivered
 * @param pending  announcements not delivered yet (in the outbox, being retried, or not enqueued)
 * @param failed   announcements given up, with reasons in {@code failures}
 * @param retried  delivered after at least one failed attempt (a server error or time-out); waits
 *                 Telegram asks for with a 429 are honoured by the dispatcher but leave no mark
 *                 on the message's delivery record, so they are not counted here
 * @param migrated delivered to a group that had moved to a new chat id
 * @param rsvp     overall counts; {@code rsvpByGroup} per group
 */
public record BroadcastReport(String id, String title, String startsAt, String place, String agenda, String target,
                              String sendAt, String status, int targets, int sent, int pending, int failed,
                              int retried, int migrated, List<Failure> failures, Vote.Counts rsvp,
                              Map<String, Vote.Counts> rsvpByGroup, List<Wave> reminders) {

    public record Failure(String groupId, String chatId, String reason) {
    }

    /** A reminder wave: when it goes out and to how many groups (null until it fired). */
    public record Wave(int wave, String firesAt, Integer targets, int sent) {
    }
}
