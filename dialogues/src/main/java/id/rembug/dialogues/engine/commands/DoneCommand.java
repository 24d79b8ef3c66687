package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Planning;
import id.rembug.dialogues.engine.turn.Turn;

/** /selesai 3, or the button under a reminder: the owner or the facilitator marks an action done. */
final class DoneCommand implements CommandHandler {

    @Override
    public void run(Member member, CommandIssued e, Turn turn) {
        Planning.of(turn).done(member, e.argument(), e.messageRef(), e.pressed());
    }
}
