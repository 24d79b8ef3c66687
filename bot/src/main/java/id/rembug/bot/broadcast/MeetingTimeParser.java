package id.rembug.bot.broadcast;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.DateTimeException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a meeting time as staff type it in a chat: a day ("Sabtu", "besok", "lusa", "hari ini",
 * "12/1", "12/1/2027", or English "saturday", "tomorrow", "today") and a time ("14.00",
 * "14:00", "jam 9", "pukul 19.30", "jam 7 malam"). Always the next such moment from now: a
 * weekday or a day/month already past this week or year means the next one. Empty when the text
 * has no time or no readable day, or names a moment already past.
 */
public final class MeetingTimeParser {

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("senin", DayOfWeek.MONDAY), Map.entry("selasa", DayOfWeek.TUESDAY),
            Map.entry("rabu", DayOfWeek.WEDNESDAY), Map.entry("kamis", DayOfWeek.THURSDAY),
            Map.entry("jumat", DayOfWeek.FRIDAY), Map.entry("jum'at", DayOfWeek.FRIDAY),
            Map.entry("sabtu", DayOfWeek.SATURDAY), Map.entry("minggu", DayOfWeek.SUNDAY),
            Map.entry("ahad", DayOfWeek.SUNDAY), Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sunday", DayOfWeek.SUNDAY));
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
            at = day(lower, dayMonth, now, time.get());
        } catch (DateTimeException impossible) {
            return Optional.empty();
        }
        return at.filter(t -> t.isAfter(now));
    }

    private Optional<ZonedDateTime> day(String lower, Matcher dayMonth, ZonedDateTime now, LocalTime time) {
        LocalDate today = now.toLocalDate();
        if (dayMonth.find(0)) {
            int day = Integer.parseInt(dayMonth.group(1));
            int month = Integer.parseInt(dayMonth.group(2));
            if (dayMonth.group(3) != null) {
                int year = Integer.parseInt(dayMonth.group(3));
                return Optional.of(LocalDate.of(year < 100 ? 2000 + year : year, month, day).atTime(time).atZone(zone));
            }
            ZonedDateTime thisYear = LocalDate.of(today.getYear(), month, day).atTime(time).atZone(zone);
            return Optional.of(thisYear.isAfter(now) ? thisYear : thisYear.plusYears(1));
        }
        if (lower.contains("lusa")) {
            return Optional.of(today.plusDays(2).atTime(time).atZone(zone));
        }
        if (lower.contains("besok") || lower.contains("tomorrow")) {
            return Optional.of(today.plusDays(1).atTime(time).atZone(zone));
        }
        for (Map.Entry<String, DayOfWeek> weekday : WEEKDAYS.entrySet()) {
            if (Pattern.compile("\\b" + Pattern.quote(weekday.getKey()) + "\\b").matcher(lower).find()) {
                int ahead = (weekday.getValue().getValue() - today.getDayOfWeek().getValue() + 7) % 7;
                ZonedDateTime candidate = today.plusDays(ahead).atTime(time).atZone(zone);
                return Optional.of(candidate.isAfter(now) ? candidate : candidate.plusWeeks(1));
            }
        }
        if (lower.contains("hari ini") || lower.contains("today") || lower.contains("nanti")) {
            return Optional.of(today.atTime(time).atZone(zone));
        }
        return Optional.empty();
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
