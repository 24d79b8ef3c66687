package id.rembug.dialogues.dates;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class IndonesianDatesTest {

    /** A Monday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 5);

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "15 Januari | 2026-01-15",
            "sampai 15 januari 2027 | 2027-01-15",
            "3 Jan | 2027-01-03",
            "15 Agustus | 2026-08-15",
            "20/1 | 2026-01-20",
            "1/2/27 | 2027-02-01",
            "besok | 2026-01-06",
            "lusa | 2026-01-07",
            "hari ini | 2026-01-05",
            "Sabtu | 2026-01-10",
            "hari Senin | 2026-01-05",
            "minggu depan | 2026-01-12",
            "pekan depan | 2026-01-12",
            "hari Minggu | 2026-01-11",
            "bulan depan | 2026-02-05",
            "akhir bulan | 2026-01-31",
            "akhir minggu | 2026-01-11",
            "akhir tahun | 2026-12-31",
            "3 hari lagi | 2026-01-08",
            "dalam 2 minggu | 2026-01-19",
            "tomorrow | 2026-01-06",
            "next week | 2026-01-12",
            "end of month | 2026-01-31",
            "in 10 days | 2026-01-15",
            "15 January | 2026-01-15",
            "saturday | 2026-01-10"
    })
    void readsTheDaysPeopleWrite(String text, LocalDate expected) {
        assertThat(IndonesianDates.nextDate(text, TODAY)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kapan-kapan", "nanti saja", "31/2", "30 Februari", "", "Budi"})
    void namesNoDayWhenThereIsNone(String text) {
        assertThat(IndonesianDates.read(text, TODAY)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mingguan", "kamisan", "jumatan"})
    void doesNotReadWeekdaysInsideOtherWords(String text) {
        assertThat(IndonesianDates.read(text, TODAY)).isEmpty();
    }
}
