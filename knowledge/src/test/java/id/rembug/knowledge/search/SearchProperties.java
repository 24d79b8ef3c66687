package id.rembug.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.constraints.IntRange;

/** Whatever a resident types, the search answers sensibly and never fails. */
class SearchProperties {

    private static KnowledgeSearch search;

    @BeforeContainer
    static void buildSearch() {
        search = KnowledgeSearch.createDefault();
    }

    @AfterContainer
    static void closeSearch() {
        search.close();
    }

    @Property(tries = 200)
    void hitsAreBestFirstWithinTheLimit(@ForAll String question, @ForAll @IntRange(min = 0, max = 5) int limit) {
        List<SearchHit> hits = search.search(question, limit);

        assertThat(hits).hasSizeLessThanOrEqualTo(limit);
        assertThat(hits).extracting(SearchHit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Property(tries = 200)
    void answerAgreesWithSearch(@ForAll("questions") String question) {
        Answer answer = search.answer(question);
        List<SearchHit> hits = search.search(question, 3);

        if (hits.isEmpty()) {
            assertThat(answer).isInstanceOf(Answer.NotFound.class);
        } else {
            assertThat(answer).isInstanceOfSatisfying(Answer.Found.class, found -> {
                assertThat(found.best()).isEqualTo(hits.get(0));
                assertThat(found.alsoRelevant()).hasSizeLessThanOrEqualTo(2)
                        .extracting(hit -> hit.article().id())
                        .doesNotContain(found.best().article().id())
                        .doesNotHaveDuplicates();
            });
        }
    }

    /** Questions built from words residents use, so that many of them do find something. */
    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> questions() {
        return net.jqwik.api.Arbitraries.of("gmn", "warga", "diam", "rapat", "tujuan", "konflik", "air", "uang",
                        "how", "quiet", "meeting", "goal", "harga", "cabai", "football", "pendampng", "evaluasi", "yg")
                .list().ofMinSize(0).ofMaxSize(6)
                .map(words -> String.join(" ", words));
    }
}
