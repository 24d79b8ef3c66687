package id.rembug.dialogues.engine.events;

import id.rembug.dialogues.engine.Event.GroupSizeReported;
import id.rembug.dialogues.engine.turn.Stages;
import id.rembug.dialogues.engine.turn.Turn;

/** The channel counted the group: a small group's quorum shrinks to the people it has. */
final class GroupSizeReportedHandler implements EventHandler<GroupSizeReported> {

    @Override
    public void handle(GroupSizeReported event, Turn turn) {
        turn.state().reportedSize = Math.max(0, event.people());
        Stages.progressIfQuorum(turn);
    }
}
