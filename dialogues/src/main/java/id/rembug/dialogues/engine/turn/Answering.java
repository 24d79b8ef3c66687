package id.rembug.dialogues.engine.turn;

import id.rembug.dialogues.engine.Effect;
import id.rembug.dialogues.engine.AnswerMedia;
import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.Effect.Acknowledge;
import id.rembug.dialogues.engine.Effect.AnswerRecorded;
import id.rembug.dialogues.engine.Effect.GoalFeedback;
import id.rembug.dialogues.engine.Effect.ScheduleWakeUp;
import id.rembug.dialogues.engine.GoalTexts;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Prompt;
import id.rembug.dialogues.flow.Stage;
import id.rembug.dialogues.goal.GoalAssessment;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Taking an answer: checking it, keeping it once, acknowledging it, and moving the stage on. */
public final class Answering {

    /** What keeping an answer in a list did. */
    private enum Kept { NEW, CORRECTED, SAME }

    private Answering() {
    }

    /**
     * What a message answers {@code prompt} with: its words, or for a photo, voice note, place...
     * its caption (maybe empty); null when the prompt does not take that media (the member is
     * told once per question what it needs) or the words are empty or too long.
     */
    public static String acceptable(Turn turn, Member member, String messageRef, Prompt prompt, String text) {
        AnswerMedia media = turn.media();
        if (media == null) {
            return acceptableText(turn, member, messageRef, text);
        }
        MessageKey refusal = MediaAnswers.refusal(prompt, media);
        if (refusal != null) {
            if (turn.state().noticesGiven.add(refusal.yamlKey() + ":" + prompt.key() + ":" + member.id())) {
                turn.emit(new Effect.Say(refusal.yamlKey(), MediaAnswers.refusalText(refusal, prompt, turn.messages(),
                        turn.state().language, member.name()), List.of(), messageRef));
            }
            return null;
        }
        String caption = text == null ? "" : text.strip();
        return caption.isEmpty() ? caption : acceptableText(turn, member, messageRef, caption);
    }

    /** The answer stripped, or null when it is empty or too long (the member is told why). */
    public static String acceptableText(Turn turn, Member member, String messageRef, String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        int max = turn.settings().maxAnswerLength();
        if (trimmed.length() > max) {
            turn.say(MessageKey.ANSWER_TOO_LONG, Map.of("name", member.name(), "length", trimmed.length(),
                    "max", max), messageRef);
            return null;
        }
        return trimmed;
    }

    /** A typed answer, read the way the prompt's kind asks (a list's items, a goal's check, a choice). */
    public static void recordTyped(Turn turn, Member member, String messageRef, Stage stage, int round, Prompt prompt,
                                   String text, boolean late) {
        switch (prompt.kind()) {
            case TEXT -> record(turn, member, messageRef, stage, round, prompt, text, List.of(), null, late);
            case LIST -> record(turn, member, messageRef, stage, round, prompt, text, AnswerParsing.listItems(text),
                    null, late);
            case GOAL -> record(turn, member, messageRef, stage, round, prompt, text, List.of(),
                    turn.goalChecker().assess(text), late);
            case CHOICE -> {
                String choiceKey = AnswerParsing.choiceKey(prompt, text);
                if (choiceKey == null) {
                    turn.sayWithButtons(MessageKey.CHOICE_INVALID, Map.of("name", member.name()),
                            turn.promptButtons(stage, round, prompt), messageRef);
                } else {
                    record(turn, member, messageRef, stage, round, prompt, choiceKey, List.of(), null, late);
                }
            }
            case SCALE -> {
                Integer value = AnswerParsing.scaleValue(text);
                if (value == null) {
                    turn.sayWithButtons(MessageKey.SCALE_INVALID, Map.of("name", member.name()),
                            turn.promptButtons(stage, round, prompt), messageRef);
                } else {
                    record(turn, member, messageRef, stage, round, prompt, Integer.toString(value), List.of(), null,
                            late);
                }
            }
        }
    }

    /**
     * Stores an answer. One of the open stage counts towards its quorum; a late one (its stage
     * was summarised already) waits to reach the facilitator with the others of its kind.
     */
    public static void record(Turn turn, Member member, String messageRef, Stage stage, int round, Prompt prompt,
                              String value, List<String> items, GoalAssessment goal, boolean late) {
        GroupState.Builder s = turn.state();
        Answer answer = new Answer(stage.key(), round, prompt.key(), prompt.kind(), member.id(), member.name(),
                messageRef, value, items, goal, turn.at(), late, turn.media(), prompt.anonymous());
        boolean ofOpenStage = stage.key().equals(turn.currentStage().key()) && round == s.round;
        boolean corrected = false;
        if (ofOpenStage) {
            Kept kept = keep(s.answers, answer);
            if (kept == Kept.SAME) {
                return;
            }
            corrected = kept == Kept.CORRECTED;
        }
        if (late) {
            boolean firstPending = s.lateAnswers.isEmpty();
            Kept kept = keep(s.lateAnswers, answer);
            if (kept == Kept.SAME) {
                return;
            }
            corrected |= kept == Kept.CORRECTED;
            if (firstPending) {
                turn.emit(new ScheduleWakeUp(turn.at().plus(turn.settings().latecomerGrace())));
            }
        }
        turn.emit(new AnswerRecorded(answer, corrected));

        int quorum = Quorum.effective(turn, stage);
        int answered = ofOpenStage ? Quorum.answerers(turn, prompt.key()).size() : 0;
        int residents = Quorum.knownResidents(turn);
        MessageKey ackKey = corrected ? MessageKey.ACK_CORRECTED
                : goal != null && goal.isComplete() ? MessageKey.GOAL_GOOD : MessageKey.ACK;
        String progress = !ofOpenStage ? null : residents > 0
                ? turn.text(MessageKey.PROGRESS, Map.of("answered", answered, "residents", Math.max(residents, answered)))
                : turn.text(MessageKey.PROGRESS_COUNT, Map.of("answered", answered));
        turn.emit(new Acknowledge(member.id(), member.name(), messageRef, stage.key(), round, prompt.key(),
                answered, quorum, corrected, turn.text(ackKey,
                Map.of("name", member.name(), "answered", Math.min(answered, quorum), "quorum", quorum)),
                progress));

        // on a decision the goal checker asks the whole group about the agreed goal instead
        if (!late && goal != null && !goal.isComplete() && !prompt.decision()
                && s.goalFeedbackGiven.add(member.id() + ":" + prompt.key())) {
            String missing = GoalTexts.feedbackLines(goal, turn.messages(), s.language).stream()
                    .map(line -> "\n• " + line)
                    .collect(Collectors.joining());
            turn.emit(new GoalFeedback(member.id(), member.name(), messageRef, goal,
                    turn.text(MessageKey.GOAL_FEEDBACK, Map.of("name", member.name(), "missing", missing))));
        }
        if (ofOpenStage && !late) {
            Stages.progressIfQuorum(turn);
        }
    }

    /**
     * Puts the answer in the list: new, or correcting the member's earlier answer with the same
     * key, or not at all when that one already says the same.
     */
    private static Kept keep(List<Answer> answers, Answer answer) {
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).key().equals(answer.key())) {
                if (sameContent(answers.get(i), answer)) {
                    return Kept.SAME;
                }
                answers.set(i, answer);
                return Kept.CORRECTED;
            }
        }
        answers.add(answer);
        return Kept.NEW;
    }

    private static boolean sameContent(Answer a, Answer b) {
        return a.value().equals(b.value()) && a.items().equals(b.items())
                && Objects.equals(a.messageRef(), b.messageRef());
    }
}
