package id.rembug.bot.plan;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class MeetingNotesReadingTest {

    /** A Wednesday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 14);

    @Test
    void readsTheDayWhoCameTheWomenAndTheDecisions() {
        assertThat(MeetingNotes.read("kemarin hadir 15 perempuan 8 keputusan: kerja bakti tiap Sabtu", TODAY))
                .contains(new MeetingNotes.Note(OptionalInt.empty(), LocalDate.of(2026, 1, 13), 15, 8,
                        "kerja bakti tiap Sabtu"));
    }

    @Test
    void aWeekdayIsTheLastOneAndTheGroupNumberIsNotADay() {
        assertThat(MeetingNotes.read("grup 2 Sabtu 12 orang 5 perempuan keputusan: iuran Rp5.000", TODAY))
                .contains(new MeetingNotes.Note(OptionalInt.of(2), LocalDate.of(2026, 1, 10), 12, 5, "iuran Rp5.000"));
    }

    @Test
    void withoutADayItIsTodayAndWithoutWomenNone() {
        assertThat(MeetingNotes.read("came 9 decisions: paint the post", TODAY))
                .contains(new MeetingNotes.Note(OptionalInt.empty(), TODAY, 9, 0, "paint the post"));
    }

    @Test
    void withoutHowManyCameOrTheDecisionsItIsNotRead() {
        assertThat(MeetingNotes.read("kemarin keputusan: kerja bakti", TODAY)).isEmpty();
        assertThat(MeetingNotes.read("kemarin hadir 10", TODAY)).isEmpty();
        assertThat(MeetingNotes.read("", TODAY)).isEmpty();
    }
}
