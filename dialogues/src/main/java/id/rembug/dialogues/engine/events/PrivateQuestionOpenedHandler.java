package id.rembug.dialogues.engine.events;

import id.rembug.dialogues.engine.Event.PrivateQuestionOpened;
import id.rembug.dialogues.engine.turn.PrivateQuestions;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.MessageKey;

import java.util.Map;

/**
 * A member opened their private chat from a sensitive question's button: the question is asked
 * there, saying who will read the answer (without names unless the flow says otherwise). A
 * question the group no longer takes answers to is said to be closed. The group hears nothing.
 */
final class PrivateQuestionOpenedHandler implements EventHandler<PrivateQuestionOpened> {

    @Override
    public void handle(PrivateQuestionOpened event, Turn turn) {
        String memberId = event.member().id();
        PrivateQuestions.open(turn, event.stageKey(), event.round(), event.promptKey()).ifPresentOrElse(
                open -> PrivateQuestions.sayPrivately(turn, memberId,
                        open.prompt().showNames() ? MessageKey.PRIVATE_PROMPT_ASK_NAMED : MessageKey.PRIVATE_PROMPT_ASK,
                        Map.of("question", turn.questionText(open.stage(), open.prompt()))),
                () -> PrivateQuestions.sayPrivately(turn, memberId, MessageKey.PRIVATE_PROMPT_CLOSED, Map.of()));
    }
}
