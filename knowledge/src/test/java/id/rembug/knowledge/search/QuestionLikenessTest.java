package id.rembug.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.rembug.knowledge.KnowledgeBase;

class QuestionLikenessTest {

    private static KnowledgeBase.ArticleFile article(String id, String title, String... questions) {
        String content = "---\nid: " + id + "\ntitle:\n  id: " + title + "\n  en: " + title
                + "\nstages: []\nroles: []\ntags: []\nquestions:\n"
                + String.join("", List.of(questions).stream().map(question -> "  - " + question + "\n").toList())
                + "summary:\n  id: Ringkasan " + title + ".\n  en: Summary " + title + ".\n---\n"
                + "## id\nIsi " + title + ".\n## en\nBody " + title + ".\n";
        return new KnowledgeBase.ArticleFile(id + ".md", content);
    }

    private static final KnowledgeBase BASE = KnowledgeBase.fromFiles(List.of(
            article("kerja-bakti", "Kerja bakti", "cara mengajak warga gotong royong", "warga malas kerja bakti"),
            article("iuran", "Iuran warga", "cara mengumpulkan iuran bulanan", "uang kas kelompok dipakai untuk apa")));

    private final QuestionLikeness likeness = new QuestionLikeness(BASE, QueryNormaliser.parse("", "no words"));

    @Test
    void aWordTypedInAnotherFormStillLooksLikeItsArticlesQuestion() {
        // Neither word list nor stemmer joins "gotongroyong" or reads "ngumpulin": letter pieces do.
        Map<String, Double> joined = likeness.of("gmn ngajak org gotongroyong");
        Map<String, Double> slang = likeness.of("ngumpulin iuran tiap bulan gmn");

        assertThat(joined.get("kerja-bakti")).isGreaterThan(joined.get("iuran"));
        assertThat(slang.get("iuran")).isGreaterThan(slang.get("kerja-bakti"));
    }

    @Test
    void anArticlesOwnQuestionIsFullyAlikeAndAnUnrelatedOneHardlyAtAll() {
        assertThat(likeness.of("warga malas kerja bakti").get("kerja-bakti")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(likeness.of("resep nasi goreng").values()).allSatisfy(similarity -> assertThat(similarity).isLessThan(0.2));
    }

    @Test
    void anEmptyQuestionIsLikeNothing() {
        assertThat(likeness.of("").values()).containsOnly(0.0);
        assertThat(likeness.of(null).values()).containsOnly(0.0);
    }
}
