package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Decisions;
import id.rembug.dialogues.engine.turn.Turn;

/** A vote button ({@code stage:round:prompt:candidate}), where a poll does not fit or the channel has none. */
final class VoteCommand implements CommandHandler {

    @Override
    public void run(Member member, CommandIssued e, Turn turn) {
        new Decisions(turn).buttonVote(member, e.argument());
    }
}
