package id.rembug.bot.knowledge;

import static id.rembug.bot.knowledge.StageSummaries.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.rembug.dialogues.engine.StageSummary;
import org.junit.jupiter.api.Test;

/** The word rules of texts/signals.yaml that decide when a facilitator gets a mediator or broker hint. */
class KnowledgeSignalsTest {

    private final AnswerSignals signals = AnswerSignals.loadDefault();

    @Test
    void conflictWordsAreFoundInBothLanguages() {
        assertThat(signals.firstMatch(Signal.CONFLICT, "Pemuda dan bapak-bapak bertengkar soal lapangan"))
                .contains("bertengkar");
        assertThat(signals.firstMatch(Signal.CONFLICT, "We disagree about who keeps the keys")).contains("disagree");
    }

    @Test
    void phoneSpellingsAndStretchedLettersCount() {
        assertThat(signals.firstMatch(Signal.CONFLICT, "sy gak setuju")).contains("tidak setuju");
        assertThat(signals.firstMatch(Signal.CONFLICT, "warga MARAAAH sekali")).contains("marah");
        assertThat(signals.firstMatch(Signal.MISSING_RESOURCE, "blm ada air bersih")).contains("belum ada");
    }

    @Test
    void onlyALetterTypedThreeTimesOrMoreIsSqueezed() {
        assertThat(signals.words("sakit kepalaa tunggu saaaja 1000 ---"))
                .containsExactly("sakit", "kepalaa", "tunggu", "saja", "1000");
    }

    @Test
    void hyphensAndApostrophesCountInsideWordsNotAroundThem() {
        assertThat(signals.words("--'Bapak-bapak' don't  ribuuut-- '-'"))
                .containsExactly("bapak-bapak", "don't", "ribut");
        assertThat(signals.firstMatch(Signal.CONFLICT, "warga '-bertengkar-' lagi")).contains("bertengkar");
    }

    @Test
    void onlyWholeWordsCount() {
        assertThat(signals.firstMatch(Signal.CONFLICT, "kemarahannya reda setelah makan")).isEmpty();
        assertThat(signals.firstMatch(Signal.MISSING_RESOURCE, "kebutuhan kami sudah terpenuhi")).isEmpty();
    }

    @Test
    void wordRightAfterANegatorDoesNotCount() {
        assertThat(signals.firstMatch(Signal.CONFLICT, "kami tidak pernah bertengkar")).isEmpty();
        assertThat(signals.firstMatch(Signal.CONFLICT, "tdk ada yg ribut")).isEmpty();
        assertThat(signals.firstMatch(Signal.CONFLICT, "nobody argued, no fighting")).isEmpty();
        assertThat(signals.firstMatch(Signal.MISSING_RESOURCE, "no need for money")).isEmpty();
    }

    @Test
    void negatorFurtherAwayDoesNotHideTheWord() {
        assertThat(signals.firstMatch(Signal.CONFLICT, "air tidak mengalir, warga marah")).contains("marah");
    }

    @Test
    void goodNewsIsNotAMissingResource() {
        assertThat(signals.firstMatch(Signal.MISSING_RESOURCE, "tidak ada masalah")).isEmpty();
        assertThat(signals.firstMatch(Signal.MISSING_RESOURCE, "kurang lebih 20 orang datang")).isEmpty();
        assertThat(signals.firstMatch(Signal.MISSING_RESOURCE, "tidak ada yang ribut")).isEmpty();
        assertThat(signals.firstMatch(Signal.MISSING_RESOURCE, "there is no problem")).isEmpty();
    }

    @Test
    void missingResourcePhrasesAreFound() {
        assertThat(signals.firstMatch(Signal.MISSING_RESOURCE, "kami tidak punya gerobak sampah")).contains("tidak punya");
        assertThat(signals.firstMatch(Signal.MISSING_RESOURCE, "There is no clean water in RT 5")).contains("there is no");
        assertThat(signals.firstMatch(Signal.MISSING_RESOURCE, "we lack tools")).contains("lack");
    }

    @Test
    void listItemsAreReadOneByOneWithTheirMember() {
        StageSummary summary = StageSummaries.of("evaluasi",
                answer("penghambat", "Sari", "hujan terus\nkurang dana"));

        assertThat(signals.find(summary)).singleElement().satisfies(evidence -> {
            assertThat(evidence.signal()).isEqualTo(Signal.MISSING_RESOURCE);
            assertThat(evidence.phrase()).isEqualTo("kurang");
            assertThat(evidence.memberName()).isEqualTo("Sari");
            assertThat(evidence.promptKey()).isEqualTo("penghambat");
            assertThat(evidence.choice()).isFalse();
        });
    }

    @Test
    void buttonKeysAreNotReadAsWords() {
        // "tidak" is the key of a button meaning "not according to plan", not a typed "tidak ada".
        StageSummary summary = StageSummaries.of("evaluasi", answer("sesuai-rencana", "Sari", "tidak"));

        assertThat(signals.find(summary)).isEmpty();
    }

    @Test
    void namedButtonCountsAsEvidence() {
        StageSummary summary = StageSummaries.of("sumber", answer("hambatan", "Budi", "belum-ada"));

        assertThat(signals.find(summary)).singleElement().satisfies(evidence -> {
            assertThat(evidence.signal()).isEqualTo(Signal.MISSING_RESOURCE);
            assertThat(evidence.choice()).isTrue();
            assertThat(evidence.phrase()).isEqualTo("belum-ada");
        });
    }

    @Test
    void everyButtonNamedInTheFileExistsInTheStockFlow() {
        KnowledgeAdvisor advisor = new KnowledgeAdvisor(id.rembug.knowledge.search.KnowledgeSearch.createDefault(),
                StageSummaries.STOCK_FLOW, KnowledgeTexts.loadDefault(), signals);
        assertThat(signals.choiceTriggers()).containsExactlyInAnyOrder("sumber.hambatan=rebutan",
                "sumber.hambatan=belum-ada");
        for (String trigger : signals.choiceTriggers()) {
            String[] parts = trigger.split("[.=]");
            assertThat(StageSummaries.STOCK_FLOW.stage(parts[0]).flatMap(s -> s.prompt(parts[1]))
                    .flatMap(p -> p.choice(parts[2]))).as(trigger).isPresent();
        }
        assertThat(advisor.stagesWithoutArticle()).isEmpty();
    }

    @Test
    void badlyWrittenButtonIsRejectedWithHowToWriteIt() {
        String yaml = "conflict:\n  words: [ribut]\n  choices: [hambatan-rebutan]\nmissing-resource:\n  words: [butuh]\n";

        assertThatThrownBy(() -> AnswerSignals.parse(yaml, "signals.yaml"))
                .hasMessageContaining("signals.yaml: 'hambatan-rebutan'")
                .hasMessageContaining("stage.question=choice");
    }

    @Test
    void missingListIsNamed() {
        assertThatThrownBy(() -> AnswerSignals.parse("conflict:\n  words: [ribut]\n", "signals.yaml"))
                .hasMessageContaining("'missing-resource:'");
    }

    @Test
    void unquotedNoIsRejectedRatherThanReadAsFalse() {
        String yaml = "negators: [tidak, no]\nconflict:\n  words: [ribut]\nmissing-resource:\n  words: [butuh]\n";

        assertThatThrownBy(() -> AnswerSignals.parse(yaml, "signals.yaml"))
                .hasMessageContaining("'negators' was read as false");
    }
}
