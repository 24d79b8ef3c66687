package id.rembug.dialogues.engine.events;

import id.rembug.dialogues.engine.Event.MemberErased;
import id.rembug.dialogues.engine.turn.Stages;
import id.rembug.dialogues.engine.turn.Turn;

/** A person asked privately to be forgotten here: gone at once, without a word to the group. */
final class MemberErasedHandler implements EventHandler<MemberErased> {

    @Override
    public void handle(MemberErased event, Turn turn) {
        turn.forget(event.memberId());
        Stages.progressIfQuorum(turn);
    }
}
