package id.rembug.dialogues.goal;

/**
 * Checks a goal, written in ordinary Indonesian or English, against the four criteria.
 * Deterministic: the same text always gives the same assessment.
 */
public interface GoalChecker {

    GoalAssessment assess(String goal);
}
