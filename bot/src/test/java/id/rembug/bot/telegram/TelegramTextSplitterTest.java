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
    void everyPartFitsAndNothingButTheCutBreaksIsLost() {
        String text = ("Warga RT 05 membahas saluran air.\n").repeat(300);
        List<String> parts = TelegramTextSplitter.split(text);
        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(4096));
        assertThat(String.join("\n", parts)).isEqualTo(text.stripTrailing());
    }
}
