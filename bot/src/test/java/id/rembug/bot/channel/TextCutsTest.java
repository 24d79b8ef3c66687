package id.rembug.bot.channel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Shortening a text for a small space: after a sentence, else between words, never inside one. */
class TextCutsTest {

    @Test
    void aTextThatFitsIsLeftAlone() {
        assertThat(TextCuts.shorten("Pilihanmu dicatat.", 200)).isEqualTo("Pilihanmu dicatat.");
    }

    @Test
    void aLongTextKeepsTheWholeSentencesThatFit() {
        String text = "Warga memetakan sumber dayanya sendiri. Perhatikan juga yang belum ada, tersembunyi, atau diperebutkan.";

        assertThat(TextCuts.shorten(text, 60)).isEqualTo("Warga memetakan sumber dayanya sendiri.");
    }

    @Test
    void withoutASentenceEndThatFitsItIsCutBetweenWordsWithAnEllipsis() {
        String text = "warga yang diam biasanya punya pendapat tetapi menunggu diajak bicara oleh tetangganya sendiri";

        String shortened = TextCuts.shorten(text, 40);

        assertThat(shortened).isEqualTo("warga yang diam biasanya punya pendapat…");
        assertThat(shortened.length()).isLessThanOrEqualTo(40);
    }

    @Test
    void aCommaIsNotLeftDanglingBeforeTheEllipsis() {
        assertThat(TextCuts.shorten("air bersih, jalan desa, sampah, saluran, lampu jalan", 24))
                .isEqualTo("air bersih, jalan desa…");
    }

    @Test
    void aSentenceTooShortToBeWorthItGivesWayToMoreWords() {
        // "Ya." keeps 3 of 40 characters: the words after it say more
        String text = "Ya. Kami akan datang ke pertemuan hari Sabtu bersama anak-anak";

        assertThat(TextCuts.shorten(text, 40)).isEqualTo("Ya. Kami akan datang ke pertemuan hari…");
    }

    @Test
    void oneLongWordIsCutWithoutBreakingAnEmoji() {
        String shortened = TextCuts.shorten("😀".repeat(10), 6);

        assertThat(shortened).isEqualTo("😀😀…");
    }
}
