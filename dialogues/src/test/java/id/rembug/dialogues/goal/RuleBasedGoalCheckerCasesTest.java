package id.rembug.dialogues.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every line of {@code goals/cases.tsv}: a goal, a TAB, the criteria it should meet.
 * The file is meant for facilitators and translators, not programmers; see its header.
 */
class RuleBasedGoalCheckerCasesTest {

    private static final String CASES = "/goals/cases.tsv";

    private static final Map<String, GoalCriterion> NAMES = Map.ofEntries(
            Map.entry("realistic", GoalCriterion.REALISTIC),
            Map.entry("realistis", GoalCriterion.REALISTIC),
            Map.entry("measurable", GoalCriterion.MEASURABLE),
            Map.entry("terukur", GoalCriterion.MEASURABLE),
            Map.entry("time-framed", GoalCriterion.TIME_FRAMED),
            Map.entry("timeframed", GoalCriterion.TIME_FRAMED),
            Map.entry("time", GoalCriterion.TIME_FRAMED),
            Map.entry("waktu", GoalCriterion.TIME_FRAMED),
            Map.entry("berjangka", GoalCriterion.TIME_FRAMED),
            Map.entry("scoped", GoalCriterion.SCOPED),
            Map.entry("lingkup", GoalCriterion.SCOPED));

    private final GoalChecker checker = new RuleBasedGoalChecker();

    record Case(int line, String goal, Set<GoalCriterion> expected) {
    }

    @TestFactory
    Stream<DynamicTest> everyCaseInTheFileMeetsExactlyItsListedCriteria() throws IOException {
        return readCases().stream().map(c -> DynamicTest.dynamicTest("line " + c.line() + ": " + c.goal(), () -> {
            GoalAssessment assessment = checker.assess(c.goal());
            assertThat(assessment.met())
                    .as("cases.tsv line %d: \"%s\" (evidence %s)", c.line(), c.goal(), assessment.evidence())
                    .containsExactlyInAnyOrderElementsOf(c.expected());
        }));
    }

    @Test
    void caseFileHoldsAtLeastSixtyCases() throws IOException {
        assertThat(readCases()).hasSizeGreaterThanOrEqualTo(60);
    }

    @Test
    void caseFileCoversEveryCriterionBothMetAndMissed() throws IOException {
        List<Case> cases = readCases();
        for (GoalCriterion criterion : GoalCriterion.values()) {
            assertThat(cases).as("a case meeting %s", criterion).anyMatch(c -> c.expected().contains(criterion));
            assertThat(cases).as("a case missing %s", criterion).anyMatch(c -> !c.expected().contains(criterion));
        }
    }

    @Test
    void lineWithoutTabIsReportedWithItsLineNumber() {
        assertThatThrownBy(() -> parse("kerja bakti besok realistic", 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 7");
    }

    @Test
    void unknownCriterionNameIsReportedWithItsLineNumber() {
        assertThatThrownBy(() -> parse("kerja bakti besok\trealistic, fast", 9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 9")
                .hasMessageContaining("fast");
    }

    @Test
    void criteriaMayBeWrittenInIndonesianOrEnglishInAnyCase() {
        assertThat(parse("x\tRealistis, TERUKUR, waktu, Lingkup", 1).expected())
                .containsExactlyInAnyOrder(GoalCriterion.values());
        assertThat(parse("x\tnone", 1).expected()).isEmpty();
    }

    static List<Case> readCases() throws IOException {
        String content;
        try (InputStream in = RuleBasedGoalCheckerCasesTest.class.getResourceAsStream(CASES)) {
            assertThat(in).as(CASES + " on the test class path").isNotNull();
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> cases = new ArrayList<>();
        String[] lines = content.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            cases.add(parse(lines[i], i + 1));
        }
        return cases;
    }

    static Case parse(String line, int number) {
        int tab = line.indexOf('\t');
        if (tab < 0) {
            throw new IllegalArgumentException("cases.tsv line " + number + ": put a TAB between the goal and its criteria");
        }
        String goal = line.substring(0, tab).strip();
        String criteria = line.substring(tab + 1).strip().toLowerCase(Locale.ROOT);
        EnumSet<GoalCriterion> expected = EnumSet.noneOf(GoalCriterion.class);
        if (!criteria.equals("none") && !criteria.equals("-")) {
            for (String name : criteria.split("[,;\\s]+")) {
                GoalCriterion criterion = NAMES.get(name);
                if (criterion == null) {
                    throw new IllegalArgumentException("cases.tsv line " + number + ": unknown criterion '" + name
                            + "'; use realistic, measurable, time-framed, scoped or none");
                }
                expected.add(criterion);
            }
        }
        return new Case(number, goal, expected);
    }
}
