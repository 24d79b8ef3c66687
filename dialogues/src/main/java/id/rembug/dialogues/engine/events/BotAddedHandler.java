package id.rembug.dialogues.engine.events;

import id.rembug.dialogues.engine.Event.BotAdded;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.MessageKey;

import java.util.Map;

/** The bot was added: it says hello and knows who added it. */
final class BotAddedHandler implements EventHandler<BotAdded> {

    @Override
    public void handle(BotAdded event, Turn turn) {
        turn.remember(event.addedBy());
        turn.say(MessageKey.BOT_ADDED, Map.of(), null);
    }
}
