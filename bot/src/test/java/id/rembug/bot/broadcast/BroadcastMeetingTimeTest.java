package id.rembug.bot.broadcast;

import id.rembug.bot.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** How staff's typed meeting times are read; now is Monday 23 November 2026, 08:00 in Jakarta. */
class BroadcastMeetingTimeTest {

    private final MeetingTimeParser parser = new MeetingTimeParser(
            new TestClock(Instant.parse("2026-11-23T01:00:00Z")), BroadcastWorld.JAKARTA);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Sabtu 14.00            | 2026-11-28T14:00",
            "sabtu jam 2 siang      | 2026-11-28T14:00",
            "besok jam 9            | 2026-11-24T09:00",
            "Besok pukul 07.30      | 2026-11-24T07:30",
            "lusa jam 7 malam       | 2026-11-25T19:00",
            "12/1 pukul 19.30       | 2027-01-12T19:30",
            "30/11 jam 10           | 2026-11-30T10:00",
            "12/1/2027 14:00        | 2027-01-12T14:00",
            "hari ini jam 20.00     | 2026-11-23T20:00",
            "Senin 09.00            | 2026-11-23T09:00",
            "senin 07.00            | 2026-11-30T07:00",
            "tomorrow at 9 am       | 2026-11-24T09:00",
            "saturday 4 pm          | 2026-11-28T16:00"})
    void readsTheDaysAndTimesStaffType(String typed, String expected) {
        assertThat(parser.parse(typed)).contains(ZonedDateTime.parse(expected + "+07:00[Asia/Jakarta]"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Sabtu", "besok", "jam 9", "hari ini jam 7", "31/2 jam 9", "besok jam 25",
            "kapan-kapan"})
    void refusesWhatHasNoDayNoTimeOrIsPast(String typed) {
        assertThat(parser.parse(typed)).isEmpty();
    }

    @Test
    void aDayAndMonthAlreadyPastThisYearMeansNextYear() {
        assertThat(parser.parse("1/11 jam 9")).contains(ZonedDateTime.parse("2027-11-01T09:00+07:00[Asia/Jakarta]"));
    }
}
