package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Decisions;
import id.rembug.dialogues.engine.turn.Stages;
import id.rembug.dialogues.engine.turn.Turn;

/**
 * /sepakat: the facilitator confirms the group's decision, pressed under the vote's result (one
 * candidate, once however often it is pressed) or typed with their own wording (candidates merged,
 * or the agreed one made clearer); then the group goes on.
 */
final class AgreeCommand implements CommandHandler {

    @Override
    public void run(Member member, CommandIssued e, Turn turn) {
        if (e.pressed()) {
            new Decisions(turn).agreePressed(member, e.argument());
        } else {
            new Decisions(turn).agreeTyped(member, e.argument(), e.messageRef());
        }
        Stages.progressIfQuorum(turn);
    }
}
