package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.MessageKey;

import java.util.Map;

/** "Stay here", pressed under the question whether to leave a stage just opened: a toast, nothing else. */
final class CancelAdvanceCommand implements CommandHandler {

    @Override
    public void run(Member member, CommandIssued e, Turn turn) {
        turn.answerButton(MessageKey.ADVANCE_KEPT, Map.of());
    }
}
