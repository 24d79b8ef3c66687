package id.rembug.dialogues.engine;

import id.rembug.dialogues.flow.PromptKind;
import id.rembug.dialogues.goal.GoalAssessment;

import java.time.Instant;
import java.util.List;

/**
 * One member's answer to one prompt in one round of a stage.
 *
 * @param round      a stage repeated by the facilitator starts a new round, so earlier answers are
 *                   kept apart instead of overwritten
 * @param messageRef the channel's id of the message the answer came in, so an edit can find it
 * @param value      the typed text, the chosen option key, or the scale number
 * @param items      for list prompts, the items of this answer; empty otherwise
 * @param goal       for goal prompts, what the checker found; null otherwise
 * @param late       given after the stage's summary went to the facilitator: it reaches them
 *                   as an addendum, and the dashboard and exports mark it
 * @param media      the photo, voice note, place... the answer came as ({@code value} is then its
 *                   caption, maybe empty); null for an answer in words or by a button, and in
 *                   answers stored before media answers existed
 * @param anonymous  given in private to a question whose answers are shown without names: the
 *                   facilitator's summary, the dashboard and exports say "without name" instead of
 *                   {@code memberName} (kept, so the member can still correct or delete it);
 *                   false in answers stored before private questions existed
 */
public record Answer(String stageKey, int round, String promptKey, PromptKind kind, String memberId,
                     String memberName, String messageRef, String value, List<String> items,
                     GoalAssessment goal, Instant answeredAt, boolean late, AnswerMedia media, Boolean anonymous) {

    public Answer {
        // the compact encoding leaves an empty list out
        items = items == null ? List.of() : List.copyOf(items);
        anonymous = Boolean.TRUE.equals(anonymous); // absent in answers stored before private questions
    }

    /** An answer whose writer may be named wherever it is shown. */
    public Answer(String stageKey, int round, String promptKey, PromptKind kind, String memberId, String memberName,
                  String messageRef, String value, List<String> items, GoalAssessment goal, Instant answeredAt,
                  boolean late, AnswerMedia media) {
        this(stageKey, round, promptKey, kind, memberId, memberName, messageRef, value, items, goal, answeredAt, late,
                media, false);
    }

    /** Who wrote it, as a summary, the dashboard or an export shows it: the name, or {@code withoutName}. */
    public String shownName(String withoutName) {
        return anonymous() ? withoutName : memberName;
    }

    /** An answer in words or by a button. */
    public Answer(String stageKey, int round, String promptKey, PromptKind kind, String memberId, String memberName,
                  String messageRef, String value, List<String> items, GoalAssessment goal, Instant answeredAt,
                  boolean late) {
        this(stageKey, round, promptKey, kind, memberId, memberName, messageRef, value, items, goal, answeredAt, late,
                null);
    }

    /** The same answer with what its media says (a machine transcription added). */
    public Answer withMedia(AnswerMedia newMedia) {
        return new Answer(stageKey, round, promptKey, kind, memberId, memberName, messageRef, value, items, goal,
                answeredAt, late, newMedia, anonymous);
    }

    /** An answer given in time, before the stage's summary. */
    public Answer(String stageKey, int round, String promptKey, PromptKind kind, String memberId, String memberName,
                  String messageRef, String value, List<String> items, GoalAssessment goal, Instant answeredAt) {
        this(stageKey, round, promptKey, kind, memberId, memberName, messageRef, value, items, goal, answeredAt,
                false);
    }

    /** The prompt this answers, as {@code stage:round:prompt}. */
    public String promptId() {
        return stageKey + ":" + round + ":" + promptKey;
    }

    /**
     * The identity under which the answer is stored. A member has one answer per prompt, which
     * a new answer corrects; on a list prompt each message adds its own items.
     */
    public String key() {
        String base = stageKey + ":" + round + ":" + promptKey + ":" + memberId;
        return kind == PromptKind.LIST ? base + ":" + messageRef : base;
    }
}
