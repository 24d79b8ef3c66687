package id.rembug.dialogues.engine.events;

import id.rembug.dialogues.engine.Event.MemberJoined;
import id.rembug.dialogues.engine.turn.Turn;

/** Someone joined: known from now on, silently (a welcome would cost the group a message). */
final class MemberJoinedHandler implements EventHandler<MemberJoined> {

    @Override
    public void handle(MemberJoined event, Turn turn) {
        turn.remember(event.member());
    }
}
