package id.rembug.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The articles shipped in src/main/resources/articles. Loading fails on any problem in any
 * file, so an article with a mistake fails the build here.
 */
class ShippedArticlesTest {

    private static KnowledgeBase base;

    @BeforeAll
    static void load() {
        base = KnowledgeBase.loadDefault();
    }

    @Test
    void shippedArticlesAreAllValid() {
        assertThat(base.articles()).hasSizeGreaterThanOrEqualTo(43);
    }

    @Test
    void everyArticleListsAtLeastFiveQuestionsPeopleAskInBothLanguagesOrEither() {
        assertThat(base.articles()).allSatisfy(article -> assertThat(article.questions())
                .as("questions of %s", article.id())
                .hasSizeGreaterThanOrEqualTo(5)
                .doesNotHaveDuplicates()
                .allSatisfy(question -> assertThat(question.length()).isBetween(10, 120)));
    }

    @Test
    void loadingTheSourceFolderGivesTheSameArticlesAsTheClasspath() {
        KnowledgeBase fromFolder = KnowledgeBase.load(Path.of("src/main/resources/articles"));

        assertThat(fromFolder.articles()).extracting(Article::id)
                .containsExactlyElementsOf(base.articles().stream().map(Article::id).toList());
    }

    @Test
    void everyStageHasItsOwnArticle() {
        for (String stage : MethodVocabulary.STAGES) {
            assertThat(base.forStage(stage)).as("article for stage %s", stage)
                    .hasValueSatisfying(article -> assertThat(article.stages()).contains(stage));
        }
    }

    @Test
    void everyRoleHasExactlyOneRoleArticle() {
        Map<String, List<String>> roleArticles = base.articles().stream()
                .filter(article -> article.id().startsWith("peran-"))
                .collect(Collectors.toMap(Article::id, Article::roles));
        for (String role : MethodVocabulary.ROLES) {
            assertThat(roleArticles.values().stream().filter(roles -> roles.contains(role)))
                    .as("peran-* articles for role %s", role)
                    .hasSize(1);
            assertThat(base.forRole(role)).isPresent();
        }
    }

    @Test
    void techniqueAndPracticalArticlesExist() {
        assertThat(base.articles()).extracting(Article::id).contains(
                "peran-enabler", "peran-broker", "peran-mediator", "peran-advokat", "peran-edukator",
                "peran-perwakilan", "peran-teknis",
                "teknik-diskusi-kelompok", "teknik-fgd", "teknik-top", "teknik-monev", "teknik-pemetaan-sumber-daya",
                "praktis-rapat-lewat-hp", "praktis-konflik-sumber-daya", "praktis-anggota-pendiam",
                "praktis-tujuan-yang-baik", "sikap-pendamping");
    }

    @Test
    void articlesAreShortEnoughForAPhoneScreenButNotEmpty() {
        for (Article article : base.articles()) {
            for (String language : List.of("id", "en")) {
                int words = article.body().in(language).split("\\s+").length;
                assertThat(words).as("words in %s (%s)", article.id(), language).isBetween(100, 260);
            }
        }
    }

    @Test
    void summariesAreOneOrTwoShortSentences() {
        for (Article article : base.articles()) {
            for (String language : List.of("id", "en")) {
                String summary = article.summary().in(language);
                long sentences = summary.chars().filter(c -> c == '.' || c == '?' || c == '!').count();
                assertThat(summary.length()).as("summary length of %s (%s)", article.id(), language).isLessThanOrEqualTo(260);
                assertThat(sentences).as("sentences in summary of %s (%s)", article.id(), language).isBetween(1L, 2L);
            }
        }
    }

    @Test
    void stageArticlesNameAPitfallInBothLanguages() {
        for (String stage : MethodVocabulary.STAGES) {
            Article article = base.forStage(stage).orElseThrow();
            assertThat(article.body().id()).as("%s (id)", article.id()).contains("Jebakan umum");
            assertThat(article.body().en()).as("%s (en)", article.id()).contains("Typical pitfall");
        }
    }

    @Test
    void everyStageAndRoleArticleHasAOneSentenceTipForTheFacilitator() {
        List<Article> needingTips = base.articles().stream()
                .filter(article -> article.id().startsWith("tahap-") || article.id().startsWith("peran-"))
                .toList();
        assertThat(needingTips).hasSize(MethodVocabulary.STAGES.size() + MethodVocabulary.ROLES.size());
        for (Article article : needingTips) {
            assertThat(article.optionalTip()).as("tip of %s", article.id()).isPresent();
            for (String language : List.of("id", "en")) {
                String tip = article.tip().in(language);
                assertThat(tip.length()).as("tip length of %s (%s)", article.id(), language).isBetween(40, 170);
                assertThat(tip).as("tip of %s (%s) ends a sentence", article.id(), language).endsWith(".");
            }
        }
    }
}
