package id.rembug.dialogues.engine.events;

import id.rembug.dialogues.engine.Event.MemberAnswered;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.GroupStatus;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Answering;
import id.rembug.dialogues.engine.turn.Stages;
import id.rembug.dialogues.engine.turn.Planning;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Prompt;
import id.rembug.dialogues.flow.Stage;

import java.util.Map;

/**
 * A member wrote an answer: to the question it replied to, else the one asked last. An answer to
 * a stage the group already left is kept as late; before the flow starts the member is told so.
 */
final class MemberAnsweredHandler implements EventHandler<MemberAnswered> {

    @Override
    public void handle(MemberAnswered event, Turn turn) {
        Member member = turn.remember(event.member());
        if (!Planning.of(turn).progressNote(member, event)) {
            answer(member, event, turn);
        }
    }

    private void answer(Member member, MemberAnswered e, Turn turn) {
        GroupState.Builder s = turn.state();
        String messageRef = e.messageRef();
        turn.answeringWith(e.media());
        if (s.status == GroupStatus.NEW) {
            turn.notice(MessageKey.NOT_STARTED, member, Map.of(), messageRef);
            return;
        }
        Stage stage = turn.currentStage();
        boolean toOpenStage = e.stageKey() == null
                || e.stageKey().equals(stage.key()) && (e.round() == 0 || e.round() == s.round);
        if (!toOpenStage) {
            answerToEarlierStage(member, e, turn);
            return;
        }
        if (!Stages.takesAnswers(turn)) {
            Prompt prompt = e.promptKey() == null ? null : stage.prompt(e.promptKey()).orElse(null);
            if (prompt == null) {
                // a reply to one of our messages that asked nothing: no answer to record
                turn.notice(s.status == GroupStatus.FINISHED ? MessageKey.ALREADY_FINISHED
                        : MessageKey.WAITING_FOR_FACILITATOR, member, Map.of("name", turn.facilitatorName()), messageRef);
                return;
            }
            // a reply to a question of the stage that was just summarised: late, never refused
            String answer = Answering.acceptable(turn, member, messageRef, prompt, e.text());
            if (answer != null) {
                Answering.recordTyped(turn, member, messageRef, stage, s.round, prompt, answer, true);
            }
            return;
        }
        int index = e.promptKey() == null ? s.promptIndex : stage.indexOf(e.promptKey());
        Prompt prompt = stage.prompts().get(index < 0 ? s.promptIndex : Math.min(index, s.promptIndex));
        String answer = Answering.acceptable(turn, member, messageRef, prompt, e.text());
        if (answer != null) {
            Answering.recordTyped(turn, member, messageRef, stage, s.round, prompt, answer, false);
        }
    }

    /** A reply to a question of a stage (or round) the group already left: recorded as late. */
    private void answerToEarlierStage(Member member, MemberAnswered e, Turn turn) {
        GroupState.Builder s = turn.state();
        Flow flow = turn.flow();
        Stage earlier = flow.stage(e.stageKey()).orElse(null);
        int earlierIndex = earlier == null ? -1 : flow.indexOf(earlier.key());
        boolean passed = earlier != null && (earlierIndex < s.stageIndex
                || earlierIndex == s.stageIndex && e.round() > 0 && e.round() < s.round);
        Prompt prompt = earlier == null || e.promptKey() == null ? null : earlier.prompt(e.promptKey()).orElse(null);
        if (!passed || prompt == null) {
            // not a question we know (a changed flow): the question asked last is what they saw
            answer(member, new MemberAnswered(e.at(), e.member(), e.messageRef(), null, 0, null, e.text(), e.media()),
                    turn);
            return;
        }
        String answer = Answering.acceptable(turn, member, e.messageRef(), prompt, e.text());
        if (answer != null) {
            Answering.recordTyped(turn, member, e.messageRef(), earlier, e.round() == 0 ? 1 : e.round(), prompt, answer,
                    true);
        }
    }
}
