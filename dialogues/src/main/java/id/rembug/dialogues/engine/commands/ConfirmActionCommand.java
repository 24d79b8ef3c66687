package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Planning;
import id.rembug.dialogues.engine.turn.Turn;

/** The facilitator's press under a proposal: it joins the plan. */
final class ConfirmActionCommand implements CommandHandler {

    @Override
    public void run(Member member, CommandIssued e, Turn turn) {
        Planning.of(turn).confirm(e.argument());
    }
}
