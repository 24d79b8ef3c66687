package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.MessageKey;

import java.util.Map;

/** /bantuan: what the bot does and the commands there are. */
final class HelpCommand implements CommandHandler {

    @Override
    public void run(Member member, CommandIssued e, Turn turn) {
        turn.say(MessageKey.HELP, Map.of(), e.messageRef());
    }
}
