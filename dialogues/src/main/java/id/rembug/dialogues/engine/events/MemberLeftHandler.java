package id.rembug.dialogues.engine.events;

import id.rembug.dialogues.engine.Event.MemberLeft;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Stages;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.MessageKey;

import java.util.Map;

/**
 * Someone left: no longer counted as present (their answers stay), a facilitator gives up the
 * role, and a quorum that was waiting for them may be reached.
 */
final class MemberLeftHandler implements EventHandler<MemberLeft> {

    @Override
    public void handle(MemberLeft event, Turn turn) {
        GroupState.Builder s = turn.state();
        Member known = s.members.get(event.memberId());
        if (known != null) {
            s.members.put(known.id(), known.leaving());
        }
        if (turn.isFacilitator(event.memberId())) {
            // the role, with the summaries and the dashboard, is theirs only while they are in the group
            String name = turn.facilitatorName();
            s.facilitatorId = null;
            turn.say(MessageKey.FACILITATOR_LEFT, Map.of("name", name), null);
        }
        s.pendingDeletions.remove(event.memberId());
        Stages.progressIfQuorum(turn);
    }
}
