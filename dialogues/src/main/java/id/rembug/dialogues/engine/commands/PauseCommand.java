package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.GroupStatus;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.MessageKey;

import java.util.Map;

/** /jeda: the group pauses where it is; answers still count, nothing moves on until /lanjutkan. */
final class PauseCommand implements CommandHandler {

    @Override
    public void run(Member member, CommandIssued e, Turn turn) {
        GroupState.Builder s = turn.state();
        String ref = e.messageRef();
        switch (s.status) {
            case ACTIVE, AWAITING_FACILITATOR -> {
                s.pausedFrom = s.status;
                s.status = GroupStatus.PAUSED;
                turn.say(MessageKey.PAUSED, Map.of("name", member.name()), ref);
            }
            case PAUSED -> turn.say(MessageKey.ALREADY_PAUSED, Map.of(), ref);
            case NEW -> turn.say(MessageKey.NOT_STARTED, Map.of(), ref);
            case FINISHED -> turn.say(MessageKey.ALREADY_FINISHED, Map.of(), ref);
        }
    }
}
