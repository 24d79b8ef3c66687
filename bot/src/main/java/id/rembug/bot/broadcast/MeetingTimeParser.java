package id.rembug.bot.broadcast;

import id.rembug.dialogues.dates.IndonesianDates;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.DateTimeException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a meeting time as staff type it in a chat: a day as {@link IndonesianDates} reads it
 * ("Sabtu", "besok", "lusa", "hari ini", "12/1", "15 Januari", "minggu depan", or English
 * "saturday", "tomorrow", "today") and a time ("14.00",
 * "14:00", "jam 9", "pukul 19.30", "jam 7 malam"). Always the next such moment from now: a
 * weekday or a day/month already past this week or year means the next one. Empty when the text
 * has no time or no readable day, or names a moment already past.
 */
public final class MeetingTimeParser {

    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})(?:/(\\d{2,4}))?\\b");
    private static final Pattern TIME = Pattern.compile(
            "(?:\\b(?:jam|pukul|pkl\\.?|at)\\s*(\\d{1,2})(?:[.:](\\d{2}))?|\\b(\\d{1,2})[.:](\\d{2})\\b)"
                    + "(?:\\s*(pagi|siang|sore|malam|am|pm))?");

    private static final Pattern BARE_HOUR = Pattern.compile("\\b(\\d{1,2})\\s*(pagi|siang|sore|malam|am|pm)\\b");

    private final Clock clock;
    private final ZoneId zone;

    public MeetingTimeParser(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public Optional<ZonedDateTime> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT).trim();
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(zone);
        // the date first, and its text removed, so "12/1" is not read as a time
        Matcher dayMonth = DAY_MONTH.matcher(lower);
        String rest = dayMonth.find() ? lower.substring(0, dayMonth.start()) + " " + lower.substring(dayMonth.end()) : lower;
        Optional<LocalTime> time = time(rest);
        if (time.isEmpty()) {
            return Optional.empty();
        }
        Optional<ZonedDateTime> at;
        try {
            at = day(lower, now, time.get());
        } catch (DateTimeException impossible) {
            return Optional.empty();
        }
        return at.filter(t -> t.isAfter(now));
    }

    private Optional<ZonedDateTime> day(String lower, ZonedDateTime now, LocalTime time) {
        LocalDate today = now.toLocalDate();
        Optional<IndonesianDates.Reading> reading = IndonesianDates.read(lower, today);
        if (reading.isEmpty()) {
            return lower.contains("nanti") ? Optional.of(today.atTime(time).atZone(zone)) : Optional.empty();
        }
        ZonedDateTime at = reading.get().date().atTime(time).atZone(zone);
        return Optional.of(at.isAfter(now) ? at : at.plus(reading.get().rollover()));
    }

    private static Optional<LocalTime> time(String text) {
        Matcher m = TIME.matcher(text);
        int hour;
        int minute;
        String part;
        if (m.find()) {
            hour = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(3));
            String minutes = m.group(1) != null ? m.group(2) : m.group(4);
            minute = minutes == null ? 0 : Integer.parseInt(minutes);
            part = m.group(5);
        } else {
            Matcher bare = BARE_HOUR.matcher(text);
            if (!bare.find()) {
                return Optional.empty();
            }
            hour = Integer.parseInt(bare.group(1));
            minute = 0;
            part = bare.group(2);
        }
        if (part != null && hour < 12 && (part.equals("sore") || part.equals("malam") || part.equals("pm")
                || part.equals("siang") && hour < 6)) {
            hour += 12;
        }
        if (hour > 23 || minute > 59) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(hour, minute));
    }
}
