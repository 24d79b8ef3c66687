package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Button;
import id.rembug.dialogues.engine.ButtonAction;
import id.rembug.dialogues.engine.Command;
import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.MessageKey;

import java.util.List;
import java.util.Map;

/** /hapusdata: asks the member to confirm, with a yes and a no button; nothing is deleted yet. */
final class DeleteMyDataCommand implements CommandHandler {

    @Override
    public void run(Member member, CommandIssued e, Turn turn) {
        turn.state().pendingDeletions.add(member.id());
        turn.sayWithButtons(MessageKey.DELETE_CONFIRM, Map.of("name", member.name()),
                List.of(new Button(turn.text(MessageKey.DELETE_BUTTON_YES),
                                new ButtonAction.Run(Command.CONFIRM_DELETE, "")),
                        new Button(turn.text(MessageKey.DELETE_BUTTON_NO),
                                new ButtonAction.Run(Command.CANCEL_DELETE, ""))),
                e.messageRef());
    }
}
