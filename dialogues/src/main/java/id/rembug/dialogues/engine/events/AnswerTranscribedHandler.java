package id.rembug.dialogues.engine.events;

import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.Effect;
import id.rembug.dialogues.engine.Event.AnswerTranscribed;
import id.rembug.dialogues.engine.turn.Turn;

import java.util.List;

/**
 * A voice note's machine transcript joins its answer: in the open stage (so the stage summary
 * quotes it), among the late answers still owed to the facilitator, or, for an answer whose stage
 * has closed, the stored answer. Only an answer that still carries that very voice note and has no
 * transcript yet takes it, so the same transcript delivered twice is written once. Nobody is told:
 * the group sees no message, and the summaries, dashboard and exports show it marked as the machine's.
 */
final class AnswerTranscribedHandler implements EventHandler<AnswerTranscribed> {

    @Override
    public void handle(AnswerTranscribed event, Turn turn) {
        if (event.transcript() == null || event.transcript().isBlank()) {
            return;
        }
        if (replaced(turn.state().answers, event, turn) || replaced(turn.state().lateAnswers, event, turn)) {
            return;
        }
        Answer stored = event.stored();
        if (stored != null && takes(stored, event)) {
            turn.emit(new Effect.AnswerRecorded(transcribed(stored, event), true));
        }
    }

    private static boolean replaced(List<Answer> answers, AnswerTranscribed event, Turn turn) {
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            if (answer.key().equals(event.answerKey())) {
                if (!takes(answer, event)) {
                    // answered again since, or transcribed already: nothing to add
                    return true;
                }
                Answer transcribed = transcribed(answer, event);
                answers.set(i, transcribed);
                turn.emit(new Effect.AnswerRecorded(transcribed, true));
                return true;
            }
        }
        return false;
    }

    private static boolean takes(Answer answer, AnswerTranscribed event) {
        return answer.key().equals(event.answerKey()) && answer.media() != null
                && event.fileUniqueId() != null && event.fileUniqueId().equals(answer.media().fileUniqueId())
                && answer.media().transcript() == null;
    }

    private static Answer transcribed(Answer answer, AnswerTranscribed event) {
        return answer.withMedia(answer.media().withTranscript(event.transcript().strip()));
    }
}
