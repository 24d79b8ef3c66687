package id.rembug.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class QueryNormaliserTest {

    private final QueryNormaliser normaliser = QueryNormaliser.loadDefault();

    private List<String> firstWords(String question) {
        return normaliser.normalise(question).stream().map(group -> group.get(0)).toList();
    }

    @Test
    void phoneSpellingsOfQuestionWordsAreDropped() {
        assertThat(firstWords("gmn knp yg utk tdk gak org")).containsExactly("orang");
    }

    @Test
    void informalWordsAreReadAsStandardWords() {
        assertThat(firstWords("warga diem aja")).containsExactly("warga", "diam");
        assertThat(firstWords("duit kas")).containsExactly("uang");
    }

    @Test
    void englishFillersAreDroppedAndTextSpeakExpanded() {
        assertThat(firstWords("how do i get quiet ppl to talk")).containsExactly("quiet", "people", "talk");
    }

    @Test
    void synonymsTravelWithTheWord() {
        assertThat(normaliser.normalise("ribut")).singleElement().satisfies(group -> {
            assertThat(group.get(0)).isEqualTo("ribut");
            assertThat(group).contains("konflik", "bertengkar");
        });
    }

    @Test
    void wordsThatMeanTheSameAreSearchedOnce() {
        assertThat(normaliser.normalise("rapat pertemuan Rapat")).hasSize(1);
    }

    @Test
    void informalPluralAndStretchedLettersAreTidied() {
        assertThat(firstWords("anggota2 semangaaat")).containsExactly("anggota", "semangat");
    }

    @Test
    void questionOfOnlyFillerHasNoSearchWords() {
        assertThat(normaliser.normalise("apa ya, gimana sih?")).isEmpty();
        assertThat(normaliser.normalise("")).isEmpty();
    }

    @Test
    void synonymLinesSharingAWordMerge() {
        QueryNormaliser merged = QueryNormaliser.parse("a1 = b1\nb1 = c1\n", "test");

        assertThat(merged.normalise("c1")).singleElement()
                .satisfies(group -> assertThat(group).containsExactlyInAnyOrder("a1", "b1", "c1"));
    }

    @Test
    void replacementMayProduceSeveralWords() {
        QueryNormaliser ortu = QueryNormaliser.parse("ortu => orang tua\n", "test");

        assertThat(ortu.normalise("ortu").stream().map(group -> group.get(0)).toList())
                .containsExactly("orang", "tua");
    }

    @Test
    void malformedLineIsReportedWithItsLineNumber() {
        assertThatThrownBy(() -> QueryNormaliser.parse("# comment\nrapat pertemuan\n", "words.txt"))
                .hasMessageContaining("words.txt:2:");
        assertThatThrownBy(() -> QueryNormaliser.parse("gmn, gimana =>\n", "words.txt"))
                .hasMessageContaining("words.txt:1:");
    }

    @Test
    void everydayVerbFormsAlsoSearchTheirStandardForms() {
        assertThat(QueryNormaliser.informalForms("dilaporin")).contains("dilaporkan");
        assertThat(QueryNormaliser.informalForms("nentuin")).contains("menentukan");
        assertThat(QueryNormaliser.informalForms("ngerayain")).contains("merayakan");
        assertThat(QueryNormaliser.informalForms("ngecek")).contains("cek");
        assertThat(QueryNormaliser.informalForms("rapat")).isEmpty();
    }
}
