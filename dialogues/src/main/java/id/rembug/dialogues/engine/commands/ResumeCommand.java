package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.GroupStatus;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Stages;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.MessageKey;

import java.util.Map;

/**
 * /lanjutkan: the group goes on from where it paused. Answers given during the pause count now;
 * when they move nothing, the open question is asked again.
 */
final class ResumeCommand implements CommandHandler {

    @Override
    public void run(Member member, CommandIssued e, Turn turn) {
        GroupState.Builder s = turn.state();
        String ref = e.messageRef();
        if (s.status != GroupStatus.PAUSED) {
            turn.say(MessageKey.NOT_PAUSED, Map.of(), ref);
            return;
        }
        s.status = s.pausedFrom;
        s.pausedFrom = null;
        turn.say(MessageKey.RESUMED, Map.of(), ref);
        if (s.status == GroupStatus.ACTIVE) {
            int before = turn.effectCount();
            Stages.progressIfQuorum(turn);
            if (turn.effectCount() == before) {
                turn.askAgain();
            }
        }
    }
}
