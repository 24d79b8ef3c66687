package id.rembug.dialogues.engine.events;

import id.rembug.dialogues.engine.Event.VoteCast;
import id.rembug.dialogues.engine.turn.Decisions;
import id.rembug.dialogues.engine.turn.Turn;

/** A vote in a decision's poll, or one taken back: counted once per member. */
final class VoteCastHandler implements EventHandler<VoteCast> {

    @Override
    public void handle(VoteCast event, Turn turn) {
        new Decisions(turn).pollVote(turn.remember(event.member()), event);
    }
}
