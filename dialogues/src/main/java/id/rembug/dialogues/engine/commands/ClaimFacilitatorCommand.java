package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Stages;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.MessageKey;

import java.util.Map;

/**
 * /fasilitator: the first to claim the role has it (the channel has checked they may). A stage
 * waiting on a quorum may then be reached, as the facilitator stops counting as a resident.
 */
final class ClaimFacilitatorCommand implements CommandHandler {

    @Override
    public void run(Member member, CommandIssued e, Turn turn) {
        GroupState.Builder s = turn.state();
        String ref = e.messageRef();
        if (s.facilitatorId == null) {
            s.facilitatorId = member.id();
            turn.say(MessageKey.FACILITATOR_CLAIMED, Map.of("name", member.name()), ref);
            Stages.progressIfQuorum(turn);
        } else if (s.facilitatorId.equals(member.id())) {
            turn.say(MessageKey.FACILITATOR_ALREADY_YOU, Map.of("name", member.name()), ref);
        } else {
            turn.say(MessageKey.FACILITATOR_TAKEN, Map.of("name", turn.facilitatorName()), ref);
        }
    }
}
