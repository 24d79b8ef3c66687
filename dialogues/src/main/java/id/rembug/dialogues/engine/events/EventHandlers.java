package id.rembug.dialogues.engine.events;

import id.rembug.dialogues.engine.Event;
import id.rembug.dialogues.engine.commands.CommandHandlers;
import id.rembug.dialogues.engine.turn.Turn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One handler per kind of event; built once, complete or not at all. */
public final class EventHandlers {

    private final Map<Class<?>, EventHandler<?>> byKind = new LinkedHashMap<>();

    public EventHandlers() {
        register(Event.BotAdded.class, new BotAddedHandler());
        register(Event.MemberJoined.class, new MemberJoinedHandler());
        register(Event.MemberLeft.class, new MemberLeftHandler());
        register(Event.MemberErased.class, new MemberErasedHandler());
        register(Event.FacilitatorAssigned.class, new FacilitatorAssignedHandler());
        register(Event.MemberAnswered.class, new MemberAnsweredHandler());
        register(Event.AnswerEdited.class, new AnswerEditedHandler());
        register(Event.OptionChosen.class, new OptionChosenHandler());
        register(Event.CommandIssued.class, new CommandIssuedHandler(new CommandHandlers()));
        register(Event.GroupSizeReported.class, new GroupSizeReportedHandler());
        register(Event.TimePassed.class, new TimePassedHandler());
        register(Event.VoteCast.class, new VoteCastHandler());
        register(Event.MeetingRecorded.class, new MeetingRecordedHandler());
        register(Event.AnswerTranscribed.class, new AnswerTranscribedHandler());
        register(Event.PrivateQuestionOpened.class, new PrivateQuestionOpenedHandler());
        register(Event.AnsweredPrivately.class, new AnsweredPrivatelyHandler());
        List<String> missing = Arrays.stream(Event.class.getPermittedSubclasses())
                .filter(kind -> !byKind.containsKey(kind)).map(Class::getSimpleName).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No handler for the events " + missing
                    + ": register one in " + EventHandlers.class.getSimpleName());
        }
    }

    private <E extends Event> void register(Class<E> kind, EventHandler<E> handler) {
        byKind.put(kind, handler);
    }

    @SuppressWarnings("unchecked")
    public <E extends Event> void handle(E event, Turn turn) {
        ((EventHandler<E>) byKind.get(event.getClass())).handle(event, turn);
    }
}
