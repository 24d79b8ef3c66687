package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Planning;
import id.rembug.dialogues.engine.turn.Turn;

/** /tugas what - who - by when: an action for the plan (a resident's waits for the facilitator). */
final class TaskCommand implements CommandHandler {

    @Override
    public void run(Member member, CommandIssued e, Turn turn) {
        Planning.of(turn).task(member, e.argument(), e.messageRef());
    }
}
