package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Planning;
import id.rembug.dialogues.engine.turn.Turn;

/** /rencana: the action plan as it stands; the facilitator gets a button per proposal. */
final class PlanCommand implements CommandHandler {

    @Override
    public void run(Member member, CommandIssued e, Turn turn) {
        Planning.of(turn).show(member, e.messageRef());
    }
}
