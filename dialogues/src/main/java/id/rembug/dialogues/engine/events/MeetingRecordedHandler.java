package id.rembug.dialogues.engine.events;

import id.rembug.dialogues.engine.Event.MeetingRecorded;
import id.rembug.dialogues.engine.turn.Planning;
import id.rembug.dialogues.engine.turn.Turn;

/** The facilitator recorded a face-to-face meeting: it joins the open stage's record. */
final class MeetingRecordedHandler implements EventHandler<MeetingRecorded> {

    @Override
    public void handle(MeetingRecorded event, Turn turn) {
        Planning.of(turn).meetingRecorded(event);
    }
}
