package id.rembug.dialogues.engine.events;

import id.rembug.dialogues.engine.Event.FacilitatorAssigned;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.turn.Stages;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.MessageKey;

import java.util.Map;

/**
 * Staff's word on who facilitates: it replaces the one there is (whose summaries stop, as
 * they follow the role) and needs no admin rights; revoking leaves the group to claim again.
 */
final class FacilitatorAssignedHandler implements EventHandler<FacilitatorAssigned> {

    @Override
    public void handle(FacilitatorAssigned event, Turn turn) {
        GroupState.Builder s = turn.state();
        if (event.member() == null) {
            if (s.facilitatorId == null) {
                turn.say(MessageKey.FACILITATOR_NONE, Map.of(), event.messageRef());
                return;
            }
            String name = turn.facilitatorName();
            s.facilitatorId = null;
            turn.say(MessageKey.FACILITATOR_REVOKED, Map.of("name", name), event.messageRef());
        } else {
            turn.remember(event.member());
            s.facilitatorId = event.member().id();
            turn.say(MessageKey.FACILITATOR_ASSIGNED, Map.of("name", event.member().name()), event.messageRef());
        }
        Stages.progressIfQuorum(turn);
    }
}
