package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Stages;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.MessageKey;

import java.util.Map;

/**
 * /ulang: asks the open question again; after a summary, the facilitator's /ulang opens the
 * stage once more as a new round.
 */
final class RepeatCommand implements CommandHandler {

    @Override
    public void run(Member member, CommandIssued e, Turn turn) {
        GroupState.Builder s = turn.state();
        String ref = e.messageRef();
        switch (s.status) {
            case ACTIVE -> turn.askAgain();
            case AWAITING_FACILITATOR -> {
                if (turn.isFacilitator(member.id())) {
                    turn.say(MessageKey.STAGE_REPEATED, Map.of("title", turn.currentStage().title().in(s.language)),
                            ref);
                    Stages.open(turn, s.stageIndex, s.round + 1);
                } else {
                    turn.say(MessageKey.STATUS_AWAITING, turn.stageValues(), ref);
                }
            }
            case PAUSED -> turn.say(MessageKey.STATUS_PAUSED, turn.stageValues(), ref);
            case NEW -> turn.say(MessageKey.NOT_STARTED, Map.of(), ref);
            case FINISHED -> turn.say(MessageKey.ALREADY_FINISHED, Map.of(), ref);
        }
    }
}
