package id.rembug.dialogues.engine.events;

import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.Event.AnswerEdited;
import id.rembug.dialogues.engine.GroupStatus;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Answering;
import id.rembug.dialogues.engine.turn.Stages;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.Stage;

/** A member edited a message that carried an answer of the open stage: the answer is corrected. */
final class AnswerEditedHandler implements EventHandler<AnswerEdited> {

    @Override
    public void handle(AnswerEdited event, Turn turn) {
        Member member = turn.remember(event.member());
        String messageRef = event.messageRef();
        if (messageRef == null || turn.state().status == GroupStatus.NEW) {
            return;
        }
        Answer earlier = turn.state().answers.stream()
                .filter(a -> a.memberId().equals(member.id()) && messageRef.equals(a.messageRef()))
                .findFirst().orElse(null);
        if (earlier == null) {
            return;
        }
        // a photo's caption edited: the same photo with the new caption
        String text = event.text();
        turn.answeringWith(earlier.media() == null ? null
                : earlier.media().withCaption(text == null || text.isBlank() ? null : text.strip()));
        String answer = earlier.media() == null ? Answering.acceptableText(turn, member, messageRef, text)
                : text == null || text.isBlank() ? "" : Answering.acceptableText(turn, member, messageRef, text);
        if (answer == null) {
            return;
        }
        Stage stage = turn.currentStage();
        // an edit after the summary went out is a late correction, which reaches the facilitator too
        boolean late = !Stages.takesAnswers(turn);
        stage.prompt(earlier.promptKey()).ifPresent(prompt ->
                Answering.recordTyped(turn, member, messageRef, stage, turn.state().round, prompt, answer, late));
    }
}
