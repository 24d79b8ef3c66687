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

    private static final Set<String> ASK_REALISTIC = Set.of("ask-realistic", "tanya-realistis");
    private static final Set<String> UNTIL_WHEN = Set.of("until-when", "sampai-kapan");
    private static final Set<String> BROKER = Set.of("broker", "penghubung");

    private static final Map<String, GoalCriterion> NAMES = Map.ofEntries(
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

    /** A goal and what the checker should say: criteria met, realism asked, "until when?", a broker hint. */
    record Case(int line, String goal, Set<GoalCriterion> expected, boolean askRealistic, boolean untilWhen,
                boolean broker) {
    }

    @TestFactory
    Stream<DynamicTest> everyCaseInTheFileMeetsExactlyItsListedCriteria() throws IOException {
        return readCases().stream().map(c -> DynamicTest.dynamicTest("line " + c.line() + ": " + c.goal(), () -> {
            GoalAssessment assessment = checker.assess(c.goal());
            String where = "cases.tsv line " + c.line() + ": \"" + c.goal() + "\" (" + assessment + ")";
            assertThat(assessment.met()).as(where).containsExactlyInAnyOrderElementsOf(c.expected());
            assertThat(assessment.notCheckable().contains(GoalCriterion.REALISTIC)).as(where + " realism asked")
                    .isEqualTo(c.askRealistic());
            assertThat(assessment.untilWhen() != null).as(where + " until when?").isEqualTo(c.untilWhen());
            assertThat(assessment.brokerHint() != null).as(where + " broker hint").isEqualTo(c.broker());
            assertThat(assessment.met()).as(where + " realism is never asserted").doesNotContain(GoalCriterion.REALISTIC);
        }));
    }

    @Test
    void caseFileHoldsAtLeastOneHundredSixtyCases() throws IOException {
        assertThat(readCases()).hasSizeGreaterThanOrEqualTo(160);
    }

    @Test
    void caseFileCoversEveryAnswerTheCheckerGives() throws IOException {
        List<Case> cases = readCases();
        assertThat(cases).anyMatch(Case::askRealistic).anyMatch(c -> !c.askRealistic())
                .anyMatch(Case::untilWhen).anyMatch(Case::broker);
        for (GoalCriterion criterion : List.of(GoalCriterion.MEASURABLE, GoalCriterion.TIME_FRAMED, GoalCriterion.SCOPED)) {
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
        assertThatThrownBy(() -> parse("kerja bakti besok\tscoped, fast", 9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 9")
                .hasMessageContaining("fast");
    }

    @Test
    void criteriaMayBeWrittenInIndonesianOrEnglishInAnyCase() {
        Case indonesian = parse("x\tTanya-Realistis, TERUKUR, waktu, Lingkup, sampai-kapan, penghubung", 1);
        assertThat(indonesian.expected()).containsExactlyInAnyOrder(GoalCriterion.MEASURABLE,
                GoalCriterion.TIME_FRAMED, GoalCriterion.SCOPED);
        assertThat(indonesian.askRealistic() && indonesian.untilWhen() && indonesian.broker()).isTrue();
        assertThat(parse("x\tnone", 1).expected()).isEmpty();
    }

    @Test
    void realisticIsRefusedBecauseTheCheckerNeverAssertsIt() {
        assertThatThrownBy(() -> parse("kerja bakti besok\trealistic", 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 4")
                .hasMessageContaining("ask-realistic");
    }

    static List<Case> readCases() throws IOException {
        return readCases(CASES);
    }

    /** The cases of a file in this format on the test class path, e.g. {@code /goals/holdout.tsv}. */
    static List<Case> readCases(String resource) throws IOException {
        String content;
        try (InputStream in = RuleBasedGoalCheckerCasesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the test class path").isNotNull();
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
        boolean ask = false;
        boolean until = false;
        boolean broker = false;
        if (!criteria.equals("none") && !criteria.equals("-")) {
            for (String name : criteria.split("[,;\\s]+")) {
                if (ASK_REALISTIC.contains(name)) {
                    ask = true;
                    continue;
                }
                if (UNTIL_WHEN.contains(name)) {
                    until = true;
                    continue;
                }
                if (BROKER.contains(name)) {
                    broker = true;
                    continue;
                }
                if (name.equals("realistic") || name.equals("realistis")) {
                    throw new IllegalArgumentException("cases.tsv line " + number + ": the checker never asserts"
                            + " realism; write ask-realistic when the group should be asked, or leave it out");
                }
                GoalCriterion criterion = NAMES.get(name);
                if (criterion == null) {
                    throw new IllegalArgumentException("cases.tsv line " + number + ": unknown criterion '" + name
                            + "'; use measurable, time-framed, scoped, ask-realistic, until-when, broker or none");
                }
                expected.add(criterion);
            }
        }
        return new Case(number, goal, expected, ask, until, broker);
    }
}
