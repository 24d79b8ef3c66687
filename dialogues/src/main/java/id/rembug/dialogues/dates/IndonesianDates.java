package id.rembug.dialogues.dates;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a day as people write it in a chat, Indonesian first and English too: "15 Januari",
 * "15/1", "15/1/2027", "besok", "lusa", "hari ini", "kemarin", "Sabtu", "minggu depan", "bulan depan",
 * "akhir bulan", "akhir minggu", "akhir tahun", "3 hari lagi", "dalam 2 minggu", and
 * "tomorrow", "next week", "end of month", "in 3 days", "saturday", "15 January". The one date
 * reader of the product: action deadlines, meeting records and the broadcast's meeting times
 * all read days with it. Pure: today is passed in.
 */
public final class IndonesianDates {

    /**
     * A day read from a text.
     *
     * @param rollover how far to move it when the moment it names has already passed: a week for a
     *                 weekday, a year for a day and month without a year, zero otherwise
     */
    public record Reading(LocalDate date, Period rollover) {
    }

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("januari", 1), Map.entry("january", 1), Map.entry("jan", 1),
            Map.entry("februari", 2), Map.entry("february", 2), Map.entry("feb", 2), Map.entry("pebruari", 2),
            Map.entry("maret", 3), Map.entry("march", 3), Map.entry("mar", 3),
            Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("mei", 5), Map.entry("may", 5),
            Map.entry("juni", 6), Map.entry("june", 6), Map.entry("jun", 6),
            Map.entry("juli", 7), Map.entry("july", 7), Map.entry("jul", 7),
            Map.entry("agustus", 8), Map.entry("august", 8), Map.entry("agu", 8), Map.entry("agt", 8),
            Map.entry("aug", 8),
            Map.entry("september", 9), Map.entry("sept", 9), Map.entry("sep", 9),
            Map.entry("oktober", 10), Map.entry("october", 10), Map.entry("okt", 10), Map.entry("oct", 10),
            Map.entry("november", 11), Map.entry("nopember", 11), Map.entry("nov", 11),
            Map.entry("desember", 12), Map.entry("december", 12), Map.entry("des", 12), Map.entry("dec", 12));
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("senin", DayOfWeek.MONDAY), Map.entry("selasa", DayOfWeek.TUESDAY),
            Map.entry("rabu", DayOfWeek.WEDNESDAY), Map.entry("kamis", DayOfWeek.THURSDAY),
            Map.entry("jumat", DayOfWeek.FRIDAY), Map.entry("jum'at", DayOfWeek.FRIDAY),
            Map.entry("sabtu", DayOfWeek.SATURDAY), Map.entry("minggu", DayOfWeek.SUNDAY),
            Map.entry("ahad", DayOfWeek.SUNDAY), Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sunday", DayOfWeek.SUNDAY));

    private static final Pattern DAY_MONTH_NUMBERS = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})(?:/(\\d{2,4}))?\\b");
    private static final Pattern DAY_MONTH_NAME = Pattern.compile(
            "\\b(\\d{1,2})\\s+(" + String.join("|", MONTHS.keySet().stream().sorted((a, b) -> b.length() - a.length())
                    .toList()) + ")\\b\\.?(?:\\s+(\\d{4})\\b)?");
    private static final Pattern IN_SOME = Pattern.compile(
            "\\b(?:dalam\\s+(\\d{1,3})\\s+(hari|minggu|pekan|bulan)"
                    + "|(\\d{1,3})\\s+(hari|minggu|pekan|bulan)\\s+lagi"
                    + "|in\\s+(\\d{1,3})\\s+(days?|weeks?|months?))\\b");

    private IndonesianDates() {
    }

    /** The first day the text names, or empty when it names none (or an impossible one like 31/2). */
    public static Optional<Reading> read(String text, LocalDate today) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        try {
            return Optional.ofNullable(reading(lower, today));
        } catch (DateTimeException impossible) {
            return Optional.empty();
        }
    }

    /** The day alone, for deadlines: today or later (a weekday or a day and month is the next one). */
    public static Optional<LocalDate> nextDate(String text, LocalDate today) {
        return read(text, today).map(r -> r.date().isBefore(today) ? r.date().plus(r.rollover()) : r.date());
    }

    private static Reading reading(String lower, LocalDate today) {
        Matcher numbers = DAY_MONTH_NUMBERS.matcher(lower);
        if (numbers.find()) {
            return dayMonth(Integer.parseInt(numbers.group(1)), Integer.parseInt(numbers.group(2)), numbers.group(3),
                    today);
        }
        Matcher named = DAY_MONTH_NAME.matcher(lower);
        if (named.find()) {
            return dayMonth(Integer.parseInt(named.group(1)), MONTHS.get(named.group(2)), named.group(3), today);
        }
        if (has(lower, "akhir bulan|end of (?:the )?month")) {
            return once(today.with(TemporalAdjusters.lastDayOfMonth()));
        }
        if (has(lower, "akhir (?:minggu|pekan)|end of (?:the )?week|weekend")) {
            return once(today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)));
        }
        if (has(lower, "akhir tahun|end of (?:the )?year")) {
            return once(today.with(TemporalAdjusters.lastDayOfYear()));
        }
        if (has(lower, "(?:minggu|pekan) depan|next week")) {
            return once(today.plusWeeks(1));
        }
        if (has(lower, "bulan depan|next month")) {
            return once(today.plusMonths(1));
        }
        Matcher in = IN_SOME.matcher(lower);
        if (in.find()) {
            int group = in.group(1) != null ? 1 : in.group(3) != null ? 3 : 5;
            int amount = Integer.parseInt(in.group(group));
            String unit = in.group(group + 1);
            return once(unit.startsWith("hari") || unit.startsWith("day") ? today.plusDays(amount)
                    : unit.startsWith("bulan") || unit.startsWith("month") ? today.plusMonths(amount)
                    : today.plusWeeks(amount));
        }
        if (has(lower, "lusa")) {
            return once(today.plusDays(2));
        }
        if (has(lower, "besok|tomorrow")) {
            return once(today.plusDays(1));
        }
        if (has(lower, "kemarin|yesterday")) {
            return once(today.minusDays(1));
        }
        if (has(lower, "hari ini|today")) {
            return once(today);
        }
        for (Map.Entry<String, DayOfWeek> weekday : WEEKDAYS.entrySet()) {
            if (has(lower, Pattern.quote(weekday.getKey()))) {
                return new Reading(today.with(TemporalAdjusters.nextOrSame(weekday.getValue())), Period.ofWeeks(1));
            }
        }
        return null;
    }

    private static Reading dayMonth(int day, int month, String year, LocalDate today) {
        if (year != null) {
            int y = Integer.parseInt(year);
            return once(LocalDate.of(y < 100 ? 2000 + y : y, month, day));
        }
        return new Reading(LocalDate.of(today.getYear(), month, day), Period.ofYears(1));
    }

    private static Reading once(LocalDate date) {
        return new Reading(date, Period.ZERO);
    }

    private static boolean has(String lower, String words) {
        return Pattern.compile("(?<![\\p{L}\\d])(?:" + words + ")(?![\\p{L}\\d])").matcher(lower).find();
    }
}
