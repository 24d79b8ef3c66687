package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Stages;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.MessageKey;

import java.util.Map;

/** /mulai: opens the first stage; later it says where the group stands, or asks again. */
final class StartCommand implements CommandHandler {

    @Override
    public void run(Member member, CommandIssued e, Turn turn) {
        String ref = e.messageRef();
        switch (turn.state().status) {
            case NEW -> {
                turn.say(MessageKey.FLOW_START, Map.of(), ref);
                Stages.open(turn, 0, 1);
            }
            case ACTIVE -> turn.askAgain();
            case AWAITING_FACILITATOR -> turn.say(MessageKey.STATUS_AWAITING, turn.stageValues(), ref);
            case PAUSED -> turn.say(MessageKey.STATUS_PAUSED, turn.stageValues(), ref);
            case FINISHED -> turn.say(MessageKey.ALREADY_FINISHED, Map.of(), ref);
        }
    }
}
