package id.rembug.dialogues.goal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the checker found in one goal. Each criterion is either <em>met</em>, <em>not
 * checkable</em> (words cannot settle it, so the group is asked; realism is always one of these
 * unless the goal visibly hangs on outsiders) or <em>missing</em>.
 *
 * <p>{@code evidence} holds, for each criterion that is met, the words that showed it (for
 * example "3 bulan" for TIME_FRAMED), so feedback and summaries can quote them back to the group;
 * for a realism that is not checkable it may quote the group's signs of own strength ("swadaya").
 * {@code untilWhen} quotes a repetition with no end ("tiap Sabtu"): the group is asked "sampai
 * kapan?". {@code brokerHint} quotes a request for outside help ("minta bantuan ke dinas"): a
 * broker step for the facilitator, shown in the facilitator's summary only. Both are null when
 * absent.
 */
public record GoalAssessment(Set<GoalCriterion> met, Map<GoalCriterion, String> evidence,
                             Set<GoalCriterion> notCheckable, String untilWhen, String brokerHint) {

    public GoalAssessment {
        met = copy(met);
        notCheckable = copy(notCheckable);
        if (!Collections.disjoint(met, notCheckable)) {
            throw new IllegalArgumentException("a criterion cannot be both met and not checkable: " + met + " / "
                    + notCheckable);
        }
        evidence = evidence == null || evidence.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(evidence));
        untilWhen = untilWhen == null || untilWhen.isBlank() ? null : untilWhen;
        brokerHint = brokerHint == null || brokerHint.isBlank() ? null : brokerHint;
    }

    /** An assessment that judged every criterion (met or missing), with nothing to ask or hint. */
    public GoalAssessment(Set<GoalCriterion> met, Map<GoalCriterion, String> evidence) {
        this(met, evidence, Set.of(), null, null);
    }

    private static Set<GoalCriterion> copy(Set<GoalCriterion> criteria) {
        return criteria == null || criteria.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(GoalCriterion.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(criteria));
    }

    /** The criteria the goal visibly lacks: neither met nor left to the group. */
    public Set<GoalCriterion> missing() {
        EnumSet<GoalCriterion> missing = EnumSet.allOf(GoalCriterion.class);
        missing.removeAll(met);
        missing.removeAll(notCheckable);
        return Collections.unmodifiableSet(missing);
    }

    /** Nothing visibly missing; what is not checkable is still to be asked of the group. */
    public boolean isComplete() {
        return missing().isEmpty();
    }

    public Optional<String> repetitionWithoutEnd() {
        return Optional.ofNullable(untilWhen);
    }

    public Optional<String> agencyRequest() {
        return Optional.ofNullable(brokerHint);
    }
}
