package id.rembug.bot.conversation;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** How a held summary loses a member who deleted their data, and keeps everyone else. */
class MemberErasureTest {

    @Test
    void aHeldSummaryLosesTheMembersAnswerLinesNameAndQuotedWordsAndKeepsTheOthers() {
        String summary = """
                📋 Ringkasan tahap 3/17 · Mimpi bersama
                
                ❓ Apa mimpi kita?
                • Sari: Jalan yang terang
                • Budi: sumur kuning di gang tiga
                  ✅ tujuan lengkap
                • Ani: Taman bermain
                
                Yang menjawab (3): Sari (1), Budi (1), Ani (1)
                Belum bersuara: Budi, Joko
                Catatan: ada usul sumur kuning di gang tiga""";

        String redacted = MemberErasure.redact(summary, Set.of("Budi"), Set.of("sumur kuning di gang tiga"));

        assertThat(redacted).doesNotContain("Budi").doesNotContain("sumur kuning")
                .doesNotContain("✅ tujuan lengkap")
                .contains("• Sari: Jalan yang terang", "• Ani: Taman bermain", "Sari (1), Ani (1)",
                        "Belum bersuara: Joko", "📋 Ringkasan tahap 3/17");
    }

    @Test
    void aNameInsideAnotherWordIsLeftAlone() {
        assertThat(MemberErasure.redact("• Budiman: halo", Set.of("Budi"), Set.of())).isEqualTo("• Budiman: halo");
    }
}
