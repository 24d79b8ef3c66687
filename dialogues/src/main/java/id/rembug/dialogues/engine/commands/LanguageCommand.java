package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.MessageKey;

import java.util.Map;

/** /bahasa id|en: the group's language from now on. */
final class LanguageCommand implements CommandHandler {

    @Override
    public void run(Member member, CommandIssued e, Turn turn) {
        Language language = Language.fromCode(e.argument()).orElse(null);
        if (language == null) {
            turn.say(MessageKey.LANGUAGE_INVALID, Map.of(), e.messageRef());
            return;
        }
        turn.state().language = language;
        turn.say(MessageKey.LANGUAGE_SET, Map.of(), e.messageRef());
    }
}
