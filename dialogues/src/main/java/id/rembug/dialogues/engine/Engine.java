package id.rembug.dialogues.engine;

import id.rembug.dialogues.engine.events.EventHandlers;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.Messages;
import id.rembug.dialogues.goal.GoalChecker;

import java.util.Objects;

/**
 * The conversation engine: a pure function from a group's state and one event to the new state
 * and the effects the application must carry out. No I/O, no clock, no randomness; the same
 * input always gives the same output, which is what makes every behaviour testable in
 * microseconds and replayable after a crash.
 *
 * <p>It only dispatches: each kind of event has its handler in {@code engine.events}, each
 * command its handler in {@code engine.commands}, and what they share (saying, asking, recording
 * an answer, moving a stage on) is in {@code engine.turn}.
 */
public final class Engine {

    private final Flow flow;
    private final Messages messages;
    private final GoalChecker goalChecker;
    private final EngineSettings settings;
    private final EventHandlers handlers = new EventHandlers();
    /** What the flow's prompts quote: found once, not each time a stage closes (it showed in the profile). */
    private final java.util.Set<String> quoted;

    public Engine(Flow flow, Messages messages, GoalChecker goalChecker, EngineSettings settings) {
        this.flow = Objects.requireNonNull(flow, "flow");
        // One form of address per group: the flow's, written into the engine's texts here.
        this.messages = Objects.requireNonNull(messages, "messages").addressing(flow);
        this.goalChecker = Objects.requireNonNull(goalChecker, "goalChecker");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.quoted = java.util.Set.copyOf(id.rembug.dialogues.flow.References.quotedIn(flow));
    }

    public Flow flow() {
        return flow;
    }

    public Messages messages() {
        return messages;
    }

    public EngineSettings settings() {
        return settings;
    }

    /** The state of a group the engine has not seen before. */
    public GroupState newGroup(String groupId) {
        return GroupState.fresh(groupId, settings.defaultLanguage(), settings.defaultZone().getId());
    }

    public Step step(GroupState state, Event event) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
        Turn turn = new Turn(state, event, flow, quoted, messages, goalChecker, settings);
        handlers.handle(event, turn);
        return turn.result();
    }
}
