package id.rembug.dialogues.engine;

import id.rembug.dialogues.flow.Language;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the engine knows about one group, immutable. The application stores it as JSON
 * (see {@link StateCodec}) and hands it back with the next event.
 *
 * @param reportedSize     how many people the channel says are in the group (facilitator
 *                         included, bots excluded); null when unknown. Lets a small group complete
 *                         a stage with fewer answers than the stage's quorum.
 * @param pausedFrom       the status to return to on resume; null unless paused
 * @param stageIndex       index of the current stage in the flow
 * @param round            1 for the first pass through the current stage, higher after a repeat
 * @param promptIndex      the prompt of the current stage asked last
 * @param answers          the answers of the current stage and round; earlier stages' answers
 *                         left with their milestone
 * @param goalFeedbackGiven {@code memberId:promptKey} pairs that already got goal feedback
 * @param pendingDeletions members who asked to delete their data and must still confirm
 * @param milestones       how many stages have been completed so far
 * @param eventsApplied    how many events this state has seen
 * @param readyAt          when the open stage's last prompt reached its quorum: the group may move
 *                         on, and the summary waits a short grace for slower members; null before
 * @param lateAnswers      answers that came after their stage's summary, not yet sent to the
 *                         facilitator (they go together, once)
 * @param noticesGiven     notices already given in this stage, as {@code topic} or
 *                         {@code topic:memberId}: each kind is said at most once per member
 */
public record GroupState(String groupId, Language language, String zoneId, GroupStatus status,
                         GroupStatus pausedFrom, String facilitatorId, Map<String, Member> members,
                         Integer reportedSize, int stageIndex, int round, int promptIndex,
                         Instant stageOpenedAt, Instant awaitingSince, List<Answer> answers, boolean nudged,
                         Set<String> goalFeedbackGiven, Set<String> pendingDeletions, int milestones,
                         Instant lastActivityAt, long eventsApplied, Instant readyAt, List<Answer> lateAnswers,
                         Set<String> noticesGiven) {

    public GroupState {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(status, "status");
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        answers = List.copyOf(answers);
        goalFeedbackGiven = Collections.unmodifiableSet(new LinkedHashSet<>(goalFeedbackGiven));
        pendingDeletions = Collections.unmodifiableSet(new LinkedHashSet<>(pendingDeletions));
        // states stored before these fields existed have none
        lateAnswers = lateAnswers == null ? List.of() : List.copyOf(lateAnswers);
        noticesGiven = noticesGiven == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(noticesGiven));
    }

    public static GroupState fresh(String groupId, Language language, String zoneId) {
        return new GroupState(groupId, language, zoneId, GroupStatus.NEW, null, null, Map.of(), null, 0, 1, 0,
                null, null, List.of(), false, Set.of(), Set.of(), 0, null, 0, null, List.of(), Set.of());
    }

    public boolean isFacilitator(String memberId) {
        return facilitatorId != null && facilitatorId.equals(memberId);
    }

    public Member member(String memberId) {
        Member known = members.get(memberId);
        return known != null ? known : Member.of(memberId, memberId);
    }

    /** Members still in the group who are not the facilitator, in the order they first appeared. */
    public List<Member> presentResidents() {
        return members.values().stream().filter(m -> m.present() && !isFacilitator(m.id())).toList();
    }

    /** The working copy one engine turn changes (see {@code engine.turn.Turn}). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * A mutable copy used inside one engine step: the engine's handlers change it, and
     * {@link #build()} makes the immutable state again. Nothing outside the engine should hold one.
     */
    public static final class Builder {
        public String groupId;
        public Language language;
        public String zoneId;
        public GroupStatus status;
        public GroupStatus pausedFrom;
        public String facilitatorId;
        public final LinkedHashMap<String, Member> members;
        public Integer reportedSize;
        public int stageIndex;
        public int round;
        public int promptIndex;
        public Instant stageOpenedAt;
        public Instant awaitingSince;
        public final List<Answer> answers;
        public boolean nudged;
        public final LinkedHashSet<String> goalFeedbackGiven;
        public final LinkedHashSet<String> pendingDeletions;
        public int milestones;
        public Instant lastActivityAt;
        public long eventsApplied;
        public Instant readyAt;
        public final List<Answer> lateAnswers;
        public final LinkedHashSet<String> noticesGiven;

        private Builder(GroupState s) {
            groupId = s.groupId;
            language = s.language;
            zoneId = s.zoneId;
            status = s.status;
            pausedFrom = s.pausedFrom;
            facilitatorId = s.facilitatorId;
            members = new LinkedHashMap<>(s.members);
            reportedSize = s.reportedSize;
            stageIndex = s.stageIndex;
            round = s.round;
            promptIndex = s.promptIndex;
            stageOpenedAt = s.stageOpenedAt;
            awaitingSince = s.awaitingSince;
            answers = new ArrayList<>(s.answers);
            nudged = s.nudged;
            goalFeedbackGiven = new LinkedHashSet<>(s.goalFeedbackGiven);
            pendingDeletions = new LinkedHashSet<>(s.pendingDeletions);
            milestones = s.milestones;
            lastActivityAt = s.lastActivityAt;
            eventsApplied = s.eventsApplied;
            readyAt = s.readyAt;
            lateAnswers = new ArrayList<>(s.lateAnswers);
            noticesGiven = new LinkedHashSet<>(s.noticesGiven);
        }

        public GroupState build() {
            return new GroupState(groupId, language, zoneId, status, pausedFrom, facilitatorId, members,
                    reportedSize, stageIndex, round, promptIndex, stageOpenedAt, awaitingSince, answers, nudged,
                    goalFeedbackGiven, pendingDeletions, milestones, lastActivityAt, eventsApplied, readyAt,
                    lateAnswers, noticesGiven);
        }
    }
}
