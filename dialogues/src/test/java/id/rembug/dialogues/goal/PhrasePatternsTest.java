package id.rembug.dialogues.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.rembug.dialogues.goal.PhrasePatterns.Analysis;
import id.rembug.dialogues.goal.PhrasePatterns.Match;
import id.rembug.dialogues.goal.PhrasePatterns.TokenClass;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhrasePatternsTest {

    private static final Map<String, TokenClass> CLASSES =
            Map.of("NUM", (analysis, index) -> analysis.tokens().get(index).isNumber());

    private static Analysis analysisOf(String text) {
        List<GoalToken> tokens = GoalTokenizer.tokenize(text);
        return new Analysis() {
            @Override
            public List<GoalToken> tokens() {
                return tokens;
            }

            @Override
            public boolean inTimeExpression(int index) {
                return false;
            }
        };
    }

    @Test
    void longestMatchWinsAndMatchesDoNotOverlap() {
        PhrasePatterns patterns = PhrasePatterns.compile(CLASSES, "NUM bulan", "NUM bulan lagi", "bulan depan");
        assertThat(patterns.findAll(analysisOf("3 bulan lagi bulan depan")))
                .containsExactly(new Match(0, 3, false), new Match(3, 5, false));
    }

    @Test
    void optionalSlotMayBeSkipped() {
        PhrasePatterns patterns = PhrasePatterns.compile(CLASSES, "sebelum? akhir tahun");
        assertThat(patterns.findAll(analysisOf("akhir tahun"))).containsExactly(new Match(0, 2, false));
        assertThat(patterns.findAll(analysisOf("sebelum akhir tahun"))).containsExactly(new Match(0, 3, false));
    }

    @Test
    void markedPatternIsReportedAsMarkedButLosesTiesToUnmarkedOnes() {
        PhrasePatterns patterns = PhrasePatterns.compile(CLASSES, "~jam NUM", "jam NUM");
        assertThat(patterns.findAll(analysisOf("jam 9"))).containsExactly(new Match(0, 2, false));
        assertThat(PhrasePatterns.compile(CLASSES, "~jam NUM").findAll(analysisOf("jam 9")))
                .containsExactly(new Match(0, 2, true));
    }

    @Test
    void unknownClassNameIsRejectedWhenCompiling() {
        assertThatThrownBy(() -> PhrasePatterns.compile(CLASSES, "NUM MONTHS"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MONTHS");
    }

    @Test
    void patternThatCouldMatchNothingIsRejectedWhenCompiling() {
        assertThatThrownBy(() -> PhrasePatterns.compile(CLASSES, "sebelum? NUM?"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
