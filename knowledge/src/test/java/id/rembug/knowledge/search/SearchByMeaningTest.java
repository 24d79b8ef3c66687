package id.rembug.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.rembug.knowledge.KnowledgeBase;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Search by words and meaning together. The vectors here are written by hand (two dimensions:
 * "water" and "meetings") so each case shows one rule of the fusion; the bot's test with a real
 * HTTP embeddings endpoint is {@code EmbeddingsRetrievalTest}.
 */
class SearchByMeaningTest {

    private static final float[] WATER = {1, 0};
    private static final float[] MEETINGS = {0, 1};

    private final KnowledgeSearch search = new KnowledgeSearch(KnowledgeBase.fromFiles(List.of(
            article("air-bersih", "Mengelola air bersih", "Managing clean water",
                    "Air bersih dari sumur dibagi dengan giliran yang adil.", "Clean water from the well is shared fairly."),
            article("rapat-warga", "Memimpin rapat", "Chairing a meeting",
                    "Rapat yang baik punya agenda dan waktu selesai.", "A good meeting has an agenda and an end time."))));

    private final List<ArticleVectors.Source> sources = ArticleVectors.textsOf(search.knowledgeBase());

    /** Every text of an article gets that article's direction. */
    private ArticleVectors vectors() {
        return ArticleVectors.of(sources, sources.stream()
                .map(source -> source.articleId().equals("air-bersih") ? WATER : MEETINGS)
                .toList());
    }

    private static KnowledgeBase.ArticleFile article(String id, String titleId, String titleEn, String bodyId,
                                                     String bodyEn) {
        return new KnowledgeBase.ArticleFile(id + ".md", "---\nid: " + id + "\ntitle:\n  id: " + titleId
                + "\n  en: " + titleEn + "\nstages: []\nroles: []\ntags: []\nsummary:\n  id: Ringkasan.\n  en: Summary.\n"
                + "questions:\n  - pertanyaan tentang " + titleId + "\n---\n## id\n" + bodyId + "\n## en\n" + bodyEn + "\n");
    }

    @Test
    void aQuestionSharingNoWordWithAnyArticleIsAnsweredByMeaning() {
        String question = "tetangga cekcok soal pancuran";
        assertThat(search.search(question, 3)).as("words alone").isEmpty();

        List<SearchHit> hits = search.search(question, 3, new SemanticQuery(vectors(), new float[] {0.9f, 0.1f}, 0.8));

        assertThat(hits).extracting(hit -> hit.article().id()).containsExactly("air-bersih");
    }

    @Test
    void meaningBelowTheMinimumSimilarityAnswersNothingOnItsOwn() {
        List<SearchHit> hits = search.search("tetangga cekcok soal pancuran", 3,
                new SemanticQuery(vectors(), new float[] {0.6f, 0.8f}, 0.9));

        assertThat(hits).isEmpty();
    }

    @Test
    void anArticleTheWordsFindConfidentlyStaysAnAnswerWhateverTheVectorsSay() {
        String question = "agenda rapat yang baik";
        assertThat(search.search(question, 1)).extracting(hit -> hit.article().id()).containsExactly("rapat-warga");

        List<SearchHit> hits = search.search(question, 3, new SemanticQuery(vectors(), WATER, 0.99));

        assertThat(hits).extracting(hit -> hit.article().id()).contains("rapat-warga");
    }

    @Test
    void agreementOfWordsAndMeaningRanksFirst() {
        List<SearchHit> hits = search.search("agenda rapat yang baik", 3,
                new SemanticQuery(vectors(), MEETINGS, 0.5));

        assertThat(hits).extracting(hit -> hit.article().id()).first().isEqualTo("rapat-warga");
    }

    @Test
    void vectorsThatDoNotMatchTheTextsAreRefusedWithTheCounts() {
        assertThatThrownBy(() -> ArticleVectors.of(sources, List.of(WATER)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("asked for " + sources.size() + " vectors and got 1");
        assertThatThrownBy(() -> vectors().similarity("air-bersih", new float[] {1, 0, 0}))
                .hasMessageContaining("was the embeddings model changed?");
    }
}
