package id.rembug.dialogues.engine;

import id.rembug.dialogues.transcript.TranscriptRunner;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** How an answer of a {@code plan: true} prompt becomes a proposed action: what, who, by when. */
class ActionsFromAnswersTest {

    @Test
    void theMemberAndTheDayNamedAfterDashesAreTheActionsOwnerAndDueNotPartOfWhatIsToBeDone() {
        ActionPlan plan = planFrom("kerja bakti selokan - Budi - 15/1", "sewa tenda - saya");

        assertThat(plan.actions()).extracting(ActionPlan.Action::what, ActionPlan.Action::ownerName,
                ActionPlan.Action::due).containsExactly(
                tuple("kerja bakti selokan", "Budi", LocalDate.of(2026, 1, 15)),
                tuple("sewa tenda", "Budi", null));
    }

    @Test
    void wordsAfterADashThatNameNobodyAndNoDayStayPartOfWhatIsToBeDone() {
        ActionPlan plan = planFrom("rapat RT - ketua RT", "cat pos ronda minggu depan");

        assertThat(plan.actions()).extracting(ActionPlan.Action::what, ActionPlan.Action::ownerName,
                ActionPlan.Action::due).containsExactly(
                tuple("rapat RT - ketua RT", "Ani", null),
                tuple("cat pos ronda minggu depan", "Budi", LocalDate.of(2026, 1, 12)));
    }

    /** The plan after Ani and Budi answered the plan prompt, in this order. */
    private static ActionPlan planFrom(String ani, String budi) {
        return TranscriptRunner.run("actions from answers", PlanTranscripts.AT_THE_PLAN_PROMPT + """
                Ani: %s
                  ...
                Budi: %s
                  ...
                """.formatted(ani, budi)).plan();
    }
}
