package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Decisions;
import id.rembug.dialogues.engine.turn.Turn;

/** The facilitator ends a vote before everyone voted. */
final class CloseVoteCommand implements CommandHandler {

    @Override
    public void run(Member member, CommandIssued e, Turn turn) {
        new Decisions(turn).closeVote(e.argument());
    }
}
