package id.rembug.dialogues.goal;

/** The four things METHOD.md asks of a good goal. */
public enum GoalCriterion {
    /** Reachable with the group's own strength, not dependent on outsiders. */
    REALISTIC,
    /** Has a number or countable target whose progress can be checked. */
    MEASURABLE,
    /** Has a date, deadline or duration. */
    TIME_FRAMED,
    /** Names the activities it covers. */
    SCOPED
}
