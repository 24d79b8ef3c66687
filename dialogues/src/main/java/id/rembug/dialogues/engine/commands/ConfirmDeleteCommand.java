package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.MessageKey;

import java.util.Map;

/** The yes under the deletion question: everything the group holds about the member goes. */
final class ConfirmDeleteCommand implements CommandHandler {

    @Override
    public void run(Member member, CommandIssued e, Turn turn) {
        if (!turn.state().pendingDeletions.contains(member.id())) {
            turn.say(MessageKey.DELETE_NOTHING_PENDING, Map.of("name", member.name()), e.messageRef());
            return;
        }
        turn.forget(member.id());
        // the one who pressed hears it in a toast: the group is spared a message
        if (e.pressed()) {
            turn.answerButton(MessageKey.DELETE_DONE, Map.of());
        } else {
            turn.say(MessageKey.DELETE_DONE, Map.of(), e.messageRef());
        }
    }
}
