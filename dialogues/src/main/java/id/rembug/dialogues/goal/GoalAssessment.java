package id.rembug.dialogues.goal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What the checker found in one goal. {@code evidence} holds, for each criterion that is met,
 * the words that showed it (for example "3 bulan" for TIME_FRAMED), so feedback and summaries
 * can quote them back to the group.
 */
public record GoalAssessment(Set<GoalCriterion> met, Map<GoalCriterion, String> evidence) {

    public GoalAssessment {
        met = met.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(GoalCriterion.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(met));
        evidence = evidence.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(evidence));
    }

    public Set<GoalCriterion> missing() {
        EnumSet<GoalCriterion> missing = EnumSet.allOf(GoalCriterion.class);
        missing.removeAll(met);
        return Collections.unmodifiableSet(missing);
    }

    public boolean isComplete() {
        return met.size() == GoalCriterion.values().length;
    }
}
