package id.rembug.bot.telegram;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramTextSplitterTest {

    @Test
    void shortTextStaysWhole() {
        assertThat(TelegramTextSplitter.split("halo")).containsExactly("halo");
    }

    @Test
    void cutsAtTheLastLineBreakThatFits() {
        assertThat(TelegramTextSplitter.split("aaa bbb\nccc ddd", 10)).containsExactly("aaa bbb", "ccc ddd");
    }

    @Test
    void withoutLineBreaksCutsAtASpace() {
        assertThat(TelegramTextSplitter.split("aaa bbb ccc ddd", 10)).containsExactly("aaa bbb", "ccc ddd");
    }

    @Test
    void oneLongWordIsCutHard() {
        assertThat(TelegramTextSplitter.split("abcdefghijkl", 5)).containsExactly("abcde", "fghij", "kl");
    }

    @Test
    void hardCutNeverSplitsAnEmoji() {
        List<String> parts = TelegramTextSplitter.split("abcd😀efgh", 5);
        assertThat(parts).containsExactly("abcd", "😀efg", "h");
    }

    @Test
    void prefersAParagraphBreakToALaterLineBreak() {
        String text = "Langkah satu.\nLangkah dua.\n\nLangkah tiga.\nLangkah empat.";

        assertThat(TelegramTextSplitter.split(text, 40))
                .containsExactly("Langkah satu.\nLangkah dua.", "Langkah tiga.\nLangkah empat.");
    }

    @Test
    void prefersALineBreakToALaterSentenceEnd() {
        String text = "Kalimat pertama. Lalu judul yang cukup panjang\nKalimat kedua. Kalimat ketiga.";

        assertThat(TelegramTextSplitter.split(text, 60))
                .containsExactly("Kalimat pertama. Lalu judul yang cukup panjang", "Kalimat kedua. Kalimat ketiga.");
    }

    @Test
    void withoutLineBreaksCutsAfterTheLastSentenceThatFits() {
        String text = "Warga berkumpul di balai. Mereka membahas air bersih untuk RT tiga.";

        assertThat(TelegramTextSplitter.split(text, 45))
                .containsExactly("Warga berkumpul di balai.", "Mereka membahas air bersih untuk RT tiga.");
    }

    @Test
    void aSentenceEndInsideQuotesIsASentenceEnd() {
        String text = "Ketua berkata \"Ayo mulai.\" Semua setuju dan pulang dengan gembira.";

        assertThat(TelegramTextSplitter.split(text, 50))
                .containsExactly("Ketua berkata \"Ayo mulai.\"", "Semua setuju dan pulang dengan gembira.");
    }

    @Test
    void aBreakInTheFirstHalfIsPassedOverRatherThanWastingAMessageOnAShortPart() {
        // the only sentence end is early: cutting there would leave a 6-character message
        String text = "Halo. satu dua tiga empat lima enam tujuh delapan sembilan sepuluh";

        List<String> parts = TelegramTextSplitter.split(text, 40);

        assertThat(parts.get(0)).isEqualTo("Halo. satu dua tiga empat lima enam");
        assertThat(String.join(" ", parts)).isEqualTo(text);
    }

    @Test
    void articleIsSplitBetweenSentencesNotMidWord() {
        // an article twice over, as one paragraph: only sentence ends and spaces to cut at
        String article = ("Kelompok menetapkan tujuan bersama. Tujuan yang baik itu realistis, terukur, punya batas "
                + "waktu, dan jelas cakupan kegiatannya. Uji setiap tujuan dengan empat pertanyaan: bisakah dicapai "
                + "dengan kekuatan sendiri? Kapan batas waktunya? ").repeat(24).strip();
        assertThat(article.length()).isGreaterThan(TelegramTextSplitter.MAX_MESSAGE_LENGTH);

        List<String> parts = TelegramTextSplitter.split(article);

        assertThat(parts).hasSize(2).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(TelegramTextSplitter.MAX_MESSAGE_LENGTH);
            assertThat(part).matches("(?s)[A-Z].*[.?!]");
        });
        assertThat(parts.get(0).length()).isGreaterThan(TelegramTextSplitter.MAX_MESSAGE_LENGTH / 2);
        assertThat(String.join(" ", parts)).isEqualTo(article);
    }

    @Test
    void aCutNeverSplitsASurrogatePairOrAnEmojiFromItsVariationSelector() {
        String text = "😀".repeat(7) + "❤️".repeat(5) + "👍🏽ok";

        for (int limit = 2; limit <= 12; limit++) {
            List<String> parts = TelegramTextSplitter.split(text, limit);
            int size = limit;
            assertThat(parts).as("limit %d", limit).allSatisfy(part -> {
                assertThat(part.length()).isLessThanOrEqualTo(size);
                assertThat(Character.isLowSurrogate(part.charAt(0))).isFalse();
                assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).isFalse();
                assertThat(part.charAt(0)).isNotEqualTo('\uFE0F');
            });
            assertThat(String.join("", parts)).isEqualTo(text);
        }
    }

    @Test
    void everyPartFitsAndNothingButTheCutBreaksIsLost() {
        String text = ("Warga RT 05 membahas saluran air.\n").repeat(300);
        List<String> parts = TelegramTextSplitter.split(text);
        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(4096));
        assertThat(String.join("\n", parts)).isEqualTo(text.stripTrailing());
    }
}
