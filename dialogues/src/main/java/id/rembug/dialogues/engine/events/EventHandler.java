package id.rembug.dialogues.engine.events;

import id.rembug.dialogues.engine.Event;
import id.rembug.dialogues.engine.turn.Turn;

/** What one kind of event does to a group: changes the turn's state and adds effects, nothing else. */
@FunctionalInterface
public interface EventHandler<E extends Event> {

    void handle(E event, Turn turn);
}
