package id.rembug.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Broken article files are rejected with the file, the line and what is wrong. */
class ArticleValidationTest {

    private static Path fixture(String name) {
        URL url = ArticleValidationTest.class.getClassLoader().getResource(name);
        assertThat(url).as("test fixture %s", name).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InvalidArticlesException problemsIn(String folder) {
        return catchThrowableOfType(InvalidArticlesException.class,
                () -> KnowledgeBase.load(fixture("broken/" + folder)));
    }

    private static KnowledgeBase single(String content) {
        return KnowledgeBase.fromFiles(List.of(new KnowledgeBase.ArticleFile("inline.md", content)));
    }

    @Test
    void missingFieldIsNamedWithFileAndLine() {
        assertThat(problemsIn("missing-field")).hasMessageContaining("missing-summary.md:2: missing field 'summary'");
    }

    @Test
    void badIdIsReportedOnItsLine() {
        assertThat(problemsIn("bad-id")).hasMessageContaining("bad-id.md:2: bad id 'Tahap_Arah'");
    }

    @Test
    void duplicateIdNamesBothFiles() {
        InvalidArticlesException error = problemsIn("duplicate-id");
        assertThat(error.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).endsWith("b-second.md");
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.message()).contains("duplicate id 'sama'").contains("a-first.md");
        });
    }

    @Test
    void missingLanguageSectionIsReported() {
        assertThat(problemsIn("missing-language"))
                .hasMessageContaining("no-english.md:13: missing language section '## en'");
    }

    @Test
    void unknownStageIsReportedOnTheLineOfThatListItem() {
        assertThat(problemsIn("unknown-stage")).hasMessageContaining("unknown-stage.md:8: unknown stage 'arahh'");
    }

    @Test
    void unknownRoleIsReportedWithTheKnownRoles() {
        assertThat(problemsIn("unknown-role"))
                .hasMessageContaining("unknown-role.md:7: unknown role 'pemimpin'")
                .hasMessageContaining("advocate");
    }

    @Test
    void emptySummaryIsRejected() {
        assertThat(problemsIn("empty-summary")).hasMessageContaining("empty-summary.md:11: 'summary.en' is empty");
    }

    @Test
    void fileWithoutFrontMatterIsRejectedAtLineOne() {
        assertThat(problemsIn("no-front-matter"))
                .hasMessageContaining("no-front-matter.md:1: the file must start with a line '---'");
    }

    @Test
    void unclosedFrontMatterIsRejected() {
        assertThat(problemsIn("unclosed-front-matter")).hasMessageContaining("unclosed.md:1: the front matter is not closed");
    }

    @Test
    void yamlSyntaxErrorPointsAtTheLine() {
        assertThat(problemsIn("yaml-error"))
                .hasMessageContaining("colon-in-summary.md:10: the front matter is not valid YAML");
    }

    @Test
    void misspeltFieldNameIsReported() {
        assertThat(problemsIn("unknown-field")).hasMessageContaining("typo-field.md:6: unknown field 'stage'");
    }

    @Test
    void textBeforeTheFirstLanguageSectionIsReported() {
        assertThat(problemsIn("stray-text")).hasMessageContaining("stray-text.md:13: text outside a language section");
    }

    @Test
    void emptyLanguageSectionIsReported() {
        assertThat(problemsIn("empty-section")).hasMessageContaining("empty-section.md:14: section '## id' is empty");
    }

    @Test
    void everyProblemInEveryFileIsReportedAtOnce() {
        InvalidArticlesException error = problemsIn("several-files");
        assertThat(error.problems())
                .extracting(problem -> Path.of(problem.file()).getFileName().toString())
                .containsExactly("first-missing-summary.md", "second-unknown-role.md");
        assertThat(error).hasMessageStartingWith("2 problems in the knowledge articles:");
    }

    @Test
    void validFileIsReadWithAllItsParts() {
        KnowledgeBase base = KnowledgeBase.load(fixture("valid"));

        assertThat(base.articles()).singleElement().satisfies(article -> {
            assertThat(article.id()).isEqualTo("contoh-artikel");
            assertThat(article.title()).isEqualTo(new Text("Contoh artikel", "Example article"));
            assertThat(article.summary().id()).isEqualTo("Ringkasan yang ditulis di dua baris.");
            assertThat(article.summary().en()).isEqualTo("A summary on one line.");
            assertThat(article.body().id()).isEqualTo("Paragraf pertama.\n\n- butir satu\n- butir dua");
            assertThat(article.body().en()).isEqualTo("First paragraph.");
            assertThat(article.stages()).containsExactly("arah", "evaluasi");
            assertThat(article.roles()).containsExactly("mediator");
            assertThat(article.tags()).isEmpty();
            assertThat(article.source()).endsWith("contoh.md");
            assertThat(article.tip()).isNull();
            assertThat(article.optionalTip()).isEmpty();
        });
    }

    @Test
    void tipIsReadInBothLanguagesWhenGiven() {
        String content = "---\nid: bertip\ntitle:\n  id: J\n  en: T\nstages: []\nroles: []\ntags: []\n"
                + "summary:\n  id: R.\n  en: S.\ntip:\n  id: Saran singkat.\n  en: A short tip.\n---\n## id\nIsi.\n## en\nBody.\n";

        assertThat(single(content).findById("bertip")).hasValueSatisfying(article ->
                assertThat(article.optionalTip()).contains(new Text("Saran singkat.", "A short tip.")));
    }

    @Test
    void tipWithoutEnglishIsReportedOnItsLine() {
        String content = "---\nid: bertip\ntitle:\n  id: J\n  en: T\nstages: []\nroles: []\ntags: []\n"
                + "summary:\n  id: R.\n  en: S.\ntip:\n  id: Saran singkat.\n---\n## id\nIsi.\n## en\nBody.\n";

        assertThatThrownBy(() -> single(content)).hasMessageContaining("inline.md:12: 'tip' has no 'en' text");
    }

    @Test
    void windowsLineEndingsAndByteOrderMarkAreAccepted() {
        String content = "\uFEFF---\r\nid: crlf\r\ntitle:\r\n  id: Judul\r\n  en: Title\r\nstages: []\r\nroles: []\r\n"
                + "tags: [a]\r\nsummary:\r\n  id: Ringkasan.\r\n  en: Summary.\r\n---\r\n## id\r\nIsi.\r\n## en\r\nBody.\r\n";

        assertThat(single(content).findById("crlf")).hasValueSatisfying(article ->
                assertThat(article.body()).isEqualTo(new Text("Isi.", "Body.")));
    }

    @Test
    void titleWithoutEnglishIsReported() {
        String content = "---\nid: judul\ntitle:\n  id: Judul\nstages: []\nroles: []\ntags: []\n"
                + "summary:\n  id: R.\n  en: S.\n---\n## id\nIsi.\n## en\nBody.\n";

        assertThatThrownBy(() -> single(content)).hasMessageContaining("inline.md:3: 'title' has no 'en' text");
    }

    @Test
    void misspeltLanguageHeadingIsReportedInsteadOfSwallowed() {
        String content = "---\nid: judul\ntitle:\n  id: J\n  en: T\nstages: []\nroles: []\ntags: []\n"
                + "summary:\n  id: R.\n  en: S.\n---\n## id\nIsi.\n\n## Langkah praktis\n\n## eng\nBody.\n";

        assertThatThrownBy(() -> single(content))
                .hasMessageContaining("inline.md:18: unknown language section '## eng'")
                .hasMessageContaining("missing language section '## en'")
                .hasMessageNotContaining("Langkah");
    }

    @Test
    void idLongerThanFortyCharactersIsRejected() {
        String id = "a".repeat(41);
        String content = "---\nid: " + id + "\ntitle:\n  id: J\n  en: T\nstages: []\nroles: []\ntags: []\n"
                + "summary:\n  id: R.\n  en: S.\n---\n## id\nIsi.\n## en\nBody.\n";

        assertThatThrownBy(() -> single(content)).hasMessageContaining("inline.md:2: bad id");
        assertThat(single(content.replace(id, "a".repeat(40))).articles()).hasSize(1);
    }
}
