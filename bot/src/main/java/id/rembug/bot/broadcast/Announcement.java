package id.rembug.bot.broadcast;

import java.time.ZonedDateTime;
import java.util.Objects;

/** What staff announce: a meeting. */
public record Announcement(String title, ZonedDateTime startsAt, String place, String agenda) {

    public Announcement {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title is required");
        }
        Objects.requireNonNull(startsAt, "startsAt is required");
        place = place == null ? "" : place.trim();
        agenda = agenda == null ? "" : agenda.trim();
        title = title.trim();
    }
}
