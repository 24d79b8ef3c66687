package id.rembug.bot.broadcast;

import java.time.Instant;
import java.util.List;

/**
 * A broadcast as stored: the announcement, its targets, when it goes out, and when each
 * reminder goes out (wave 1, 2, ...; a reminder already past when the job was made is left out).
 */
public record BroadcastJob(String id, Announcement announcement, Target target, Instant sendAt,
                           List<Instant> reminderTimes, String createdBy, Instant createdAt) {

    public BroadcastJob {
        reminderTimes = List.copyOf(reminderTimes);
    }

    public int waves() {
        return 1 + reminderTimes.size();
    }
}
