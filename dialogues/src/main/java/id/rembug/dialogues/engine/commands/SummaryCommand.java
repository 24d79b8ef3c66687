package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Effect.SummaryRequested;
import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.GroupStatus;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Stages;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.MessageKey;

import java.util.Map;

/** /ringkasan: the facilitator gets the open stage's answers so far, privately. */
final class SummaryCommand implements CommandHandler {

    @Override
    public void run(Member member, CommandIssued e, Turn turn) {
        GroupState.Builder s = turn.state();
        if (s.status == GroupStatus.NEW) {
            turn.say(MessageKey.NOT_STARTED, Map.of(), e.messageRef());
            return;
        }
        boolean closed = s.status == GroupStatus.AWAITING_FACILITATOR || s.status == GroupStatus.FINISHED
                || s.pausedFrom == GroupStatus.AWAITING_FACILITATOR;
        turn.emit(new SummaryRequested(member.id(), Stages.summary(turn, closed, null)));
    }
}
