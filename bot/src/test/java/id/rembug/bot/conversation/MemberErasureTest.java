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

    @Test
    void aMembersMediaLinesLeaveTheSummaryAndAnotherMembersStay() {
        String summary = "❓ Apa yang ada?\n• 📷 Ani, foto: sumur tua\n• 🎤 Budi, pesan suara 0:42\n"
                + "  📝 ditulis mesin: “ada sumur”\n• 📍 Anita, lokasi (-7.80119, 110.36492)";

        String redacted = MemberErasure.redact(summary, Set.of("Budi"), Set.of());

        assertThat(redacted).doesNotContain("Budi").doesNotContain("ada sumur")
                .contains("• 📷 Ani, foto: sumur tua").contains("• 📍 Anita, lokasi");
    }
}
