package id.rembug.dialogues.engine.turn;

import java.time.LocalTime;
import java.time.ZonedDateTime;

/** The hours of the night when the bot keeps still; the range may wrap midnight. */
final class QuietHours {

    private QuietHours() {
    }

    static boolean contains(LocalTime start, LocalTime end, LocalTime time) {
        if (start.equals(end)) {
            return false;
        }
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end);
    }

    /** The first moment after {@code now} at which quiet hours end. */
    static ZonedDateTime nextEnd(LocalTime end, ZonedDateTime now) {
        ZonedDateTime candidate = now.with(end).withSecond(0).withNano(0);
        return candidate.isAfter(now) ? candidate : candidate.plusDays(1);
    }
}
