package id.rembug.dialogues.engine;

import id.rembug.dialogues.flow.PromptKind;
import id.rembug.dialogues.goal.GoalAssessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A choice the group makes together at a prompt the flow marks {@code decision: true}: the answers
 * residents wrote become candidates, the group votes, the facilitator confirms one (or a merged
 * wording), and the agreed text is pinned and quoted by later prompts.
 *
 * @param candidates  the answers put to the vote, in the order they came; a candidate's author is
 *                    null once they deleted their data (the wording stays: it belongs to the vote)
 * @param votes       who chose which 0-based candidate: one vote each, a changed vote
 *                    replaces the earlier one, a retracted one is removed. A member who leaves the
 *                    group keeps their vote (it was cast as one of the group); one who deletes their
 *                    data loses it
 * @param gatherUntil the vote opens at this time at the latest (slower members may still answer)
 * @param agreed      the confirmed wording; null until the facilitator confirms
 * @param merged      the agreed wording was typed by the facilitator, not one candidate as written
 * @param goal        for a goal prompt, what the goal checker found in the agreed wording
 */
public record Decision(String stageKey, int round, String promptKey, PromptKind kind, State state,
                       List<Candidate> candidates, List<Vote> votes, Instant gatherUntil,
                       Instant openedAt, Instant closedAt, String agreed, String agreedBy, Instant agreedAt,
                       boolean merged, GoalAssessment goal) {

    public Decision {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        votes = votes == null ? List.of() : List.copyOf(votes);
    }

    public enum State {
        /** Quorum reached; slower members still have a moment to add their answer. */
        GATHERING,
        /** The candidates are out; members vote. */
        VOTING,
        /** Voting ended; the facilitator confirms one candidate or types a merged wording. */
        CLOSED,
        /** The facilitator confirmed: {@link #agreed} is the group's decision. */
        AGREED
    }

    /** @param memberId null once its author deleted their data */
    public record Candidate(String memberId, String memberName, String text) {
    }

    /** One member's vote. */
    public record Vote(String memberId, String memberName, int candidate) {
    }

    /** {@code stage.prompt}: how flows quote it. */
    public String reference() {
        return stageKey + "." + promptKey;
    }

    public boolean confirmed() {
        return state == State.AGREED;
    }

    /** Votes per candidate, in candidate order. */
    public List<Integer> tally() {
        List<Integer> counts = new ArrayList<>(Collections.nCopies(candidates.size(), 0));
        votes.stream().map(Vote::candidate).forEach(choice -> {
            if (choice >= 0 && choice < counts.size()) {
                counts.set(choice, counts.get(choice) + 1);
            }
        });
        return counts;
    }

    /** Candidate indexes, most votes first; ties keep the order they came in. */
    public List<Integer> ranking() {
        List<Integer> tally = tally();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Integer.compare(tally.get(b), tally.get(a)));
        return order;
    }

    /**
     * The decision without a member who deleted their data: their vote goes, and their name leaves
     * the candidates they wrote (the wording stays: the others voted on it).
     */
    public Decision withoutMember(String memberId) {
        List<Vote> keptVotes = votes.stream().filter(v -> !v.memberId().equals(memberId)).toList();
        List<Candidate> anonymous = candidates.stream()
                .map(c -> memberId.equals(c.memberId()) ? new Candidate(null, "", c.text()) : c).toList();
        return with(state, anonymous, keptVotes, openedAt, closedAt, agreed, memberId.equals(agreedBy) ? null : agreedBy,
                agreedAt, merged, goal);
    }

    public Decision with(State newState, List<Candidate> newCandidates, List<Vote> newVotes, Instant opened,
                  Instant closed, String newAgreed, String by, Instant agreedOn, boolean wasMerged,
                  GoalAssessment assessment) {
        return new Decision(stageKey, round, promptKey, kind, newState, newCandidates, newVotes, gatherUntil, opened,
                closed, newAgreed, by, agreedOn, wasMerged, assessment);
    }

    public Decision withVotes(List<Vote> newVotes) {
        return with(state, candidates, newVotes, openedAt, closedAt, agreed, agreedBy, agreedAt, merged, goal);
    }
}
