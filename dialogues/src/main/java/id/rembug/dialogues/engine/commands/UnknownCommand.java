package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.MessageKey;

import java.util.Map;

/** A slash word that is not one of ours: named back, with a pointer to /bantuan. */
final class UnknownCommand implements CommandHandler {

    @Override
    public void run(Member member, CommandIssued e, Turn turn) {
        String typed = e.argument() == null || e.argument().isBlank() ? "?" : e.argument();
        turn.say(MessageKey.UNKNOWN_COMMAND, Map.of("command", typed), e.messageRef());
    }
}
