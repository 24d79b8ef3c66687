package id.rembug.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.rembug.knowledge.Article;
import id.rembug.knowledge.KnowledgeBase;

/** Search behaviour on a small knowledge base written for these tests. */
class KnowledgeSearchTest {

    private static KnowledgeSearch search;

    private static KnowledgeBase.ArticleFile article(String id, String stages, String roles, String tags,
                                                     String titleId, String titleEn, String bodyId, String bodyEn) {
        String content = "---\nid: " + id + "\ntitle:\n  id: " + titleId + "\n  en: " + titleEn
                + "\nstages: [" + stages + "]\nroles: [" + roles + "]\ntags: [" + tags + "]\n"
                + "summary:\n  id: Ringkasan " + titleId + ".\n  en: Summary " + titleEn + ".\n---\n"
                + "## id\n" + bodyId + "\n## en\n" + bodyEn + "\n";
        return new KnowledgeBase.ArticleFile(id + ".md", content);
    }

    @BeforeAll
    static void buildSearch() {
        KnowledgeBase base = KnowledgeBase.fromFiles(List.of(
                article("air-bersih", "", "", "sumur, well",
                        "Mengelola air bersih", "Managing clean water",
                        "Air bersih dari sumur dibagi dengan giliran yang adil. Catat pemakaian air setiap minggu.",
                        "Clean water from the well is shared in fair turns. Record water use every week."),
                article("rapat-warga", "interaksi", "", "agenda",
                        "Memimpin rapat", "Chairing a meeting",
                        "Rapat yang baik punya agenda dan waktu selesai. Tutup rapat dengan keputusan.",
                        "A good meeting has an agenda and an end time. Close the meeting with a decision."),
                article("kebun-bersama", "", "", "garden",
                        "Kebun bersama", "Community garden",
                        "Warga menanam sayuran di lahan kosong dan memanen bersama.",
                        "Residents plant vegetables on empty land and harvest together."),
                article("tahap-arah", "arah", "enabler", "tujuan, goal",
                        "Menentukan arah", "Defining directions",
                        "Kelompok menetapkan tujuan bersama dengan batas waktu.",
                        "The group sets shared goals with a deadline."),
                article("peran-advokat", "", "advocate", "advokasi",
                        "Peran pembela", "The advocate role",
                        "Pembela memperjuangkan layanan yang tertutup bagi warga.",
                        "An advocate presses for services that are closed to residents.")));
        search = new KnowledgeSearch(base, QueryNormaliser.parse(
                "gmn => bagaimana\nrapat = pertemuan\nignore: cara, how, to\n", "test words"));
    }

    @AfterAll
    static void closeSearch() {
        search.close();
    }

    private static String bestId(String question) {
        List<SearchHit> hits = search.search(question, 3);
        assertThat(hits).as("hits for '%s'", question).isNotEmpty();
        return hits.get(0).article().id();
    }

    @Test
    void indonesianQuestionFindsItsArticle() {
        assertThat(bestId("gmn mengelola air sumur")).isEqualTo("air-bersih");
    }

    @Test
    void englishQuestionFindsTheSameArticle() {
        assertThat(bestId("how to manage water from a well")).isEqualTo("air-bersih");
    }

    @Test
    void questionMixingBothLanguagesIsUnderstood() {
        assertThat(bestId("cara bikin community garden, menanam sayuran")).isEqualTo("kebun-bersama");
    }

    @Test
    void synonymFindsArticleThatNeverUsesTheWord() {
        assertThat(bestId("memimpin pertemuan")).isEqualTo("rapat-warga");
    }

    @Test
    void misspeltWordStillFindsItsArticle() {
        assertThat(bestId("vegetabels")).isEqualTo("kebun-bersama");
        assertThat(bestId("menamam sayuran")).isEqualTo("kebun-bersama");
    }

    @Test
    void hitsComeBestFirstWithinTheLimit() {
        List<SearchHit> hits = search.search("air rapat kebun tujuan advokasi", 2);

        assertThat(hits).hasSizeLessThanOrEqualTo(2);
        assertThat(hits).extracting(SearchHit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void unrelatedQuestionIsNotFoundAndOffersNothing() {
        assertThat(search.answer("harga cabai hari ini")).isEqualTo(new Answer.NotFound(List.of()));
        assertThat(search.search("who won the football", 3)).isEmpty();
    }

    @Test
    void singleSharedWordIsNotAnAnswerButAClosestTopic() {
        Answer answer = search.answer("jadwal giliran sepak bola");

        assertThat(answer).isInstanceOfSatisfying(Answer.NotFound.class, notFound ->
                assertThat(notFound.closestTopics()).extracting(Article::id).containsExactly("air-bersih"));
    }

    @Test
    void foundAnswerOffersOtherRelevantArticles() {
        Answer answer = search.answer("rapat warga soal giliran air sumur dan agenda rapat");

        assertThat(answer).isInstanceOfSatisfying(Answer.Found.class, found -> {
            assertThat(found.best().article().id()).isEqualTo("air-bersih");
            assertThat(found.alsoRelevant()).extracting(hit -> hit.article().id()).containsExactly("rapat-warga");
        });
    }

    @Test
    void emptyOrFillerQuestionFindsNothing() {
        assertThat(search.answer("")).isEqualTo(new Answer.NotFound(List.of()));
        assertThat(search.answer("   ")).isEqualTo(new Answer.NotFound(List.of()));
        assertThat(search.answer(null)).isEqualTo(new Answer.NotFound(List.of()));
        assertThat(search.search("apa yang bagaimana", 3)).isEmpty();
    }

    @Test
    void articlesAreFoundByIdStageAndRole() {
        assertThat(search.findById("kebun-bersama")).isPresent();
        assertThat(search.findById("tidak-ada")).isEmpty();
        assertThat(search.forStage("arah")).map(Article::id).hasValue("tahap-arah");
        assertThat(search.forStage("evaluasi")).isEmpty();
        assertThat(search.forRole("advocate")).map(Article::id).hasValue("peran-advokat");
        assertThat(search.forRole("broker")).isEmpty();
    }
}
