package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.MessageKey;

import java.util.Map;

/** The no under the deletion question: the member's data stays. */
final class CancelDeleteCommand implements CommandHandler {

    @Override
    public void run(Member member, CommandIssued e, Turn turn) {
        MessageKey key = turn.state().pendingDeletions.remove(member.id())
                ? MessageKey.DELETE_CANCELLED : MessageKey.DELETE_NOTHING_PENDING;
        turn.say(key, Map.of("name", member.name()), e.messageRef());
    }
}
