package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Decisions;
import id.rembug.dialogues.engine.turn.Turn;

/** "Merge": the facilitator learns, in an alert only they see, how to type the merged wording. */
final class MergeCommand implements CommandHandler {

    @Override
    public void run(Member member, CommandIssued e, Turn turn) {
        new Decisions(turn).mergePressed();
    }
}
