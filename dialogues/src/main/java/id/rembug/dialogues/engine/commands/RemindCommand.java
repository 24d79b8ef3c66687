package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Planning;
import id.rembug.dialogues.engine.turn.Turn;

/** /ingatkan pribadi or /ingatkan grup: where the member's reminders go. */
final class RemindCommand implements CommandHandler {

    @Override
    public void run(Member member, CommandIssued e, Turn turn) {
        Planning.of(turn).remindWhere(member, e.argument(), e.messageRef());
    }
}
