package id.rembug.dialogues.engine;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/**
 * Something that happened in a group. Channels turn platform updates into events; the engine
 * never sees a platform type. Every event carries the time it happened, so the engine needs no
 * clock.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Event.BotAdded.class, name = "bot-added"),
        @JsonSubTypes.Type(value = Event.MemberJoined.class, name = "member-joined"),
        @JsonSubTypes.Type(value = Event.MemberLeft.class, name = "member-left"),
        @JsonSubTypes.Type(value = Event.MemberErased.class, name = "member-erased"),
        @JsonSubTypes.Type(value = Event.FacilitatorAssigned.class, name = "facilitator-assigned"),
        @JsonSubTypes.Type(value = Event.MemberAnswered.class, name = "member-answered"),
        @JsonSubTypes.Type(value = Event.AnswerEdited.class, name = "answer-edited"),
        @JsonSubTypes.Type(value = Event.OptionChosen.class, name = "option-chosen"),
        @JsonSubTypes.Type(value = Event.CommandIssued.class, name = "command-issued"),
        @JsonSubTypes.Type(value = Event.GroupSizeReported.class, name = "group-size-reported"),
        @JsonSubTypes.Type(value = Event.TimePassed.class, name = "time-passed"),
        @JsonSubTypes.Type(value = Event.VoteCast.class, name = "vote-cast"),
        @JsonSubTypes.Type(value = Event.MeetingRecorded.class, name = "meeting-recorded"),
        @JsonSubTypes.Type(value = Event.AnswerTranscribed.class, name = "answer-transcribed"),
        @JsonSubTypes.Type(value = Event.PrivateQuestionOpened.class, name = "private-question-opened"),
        @JsonSubTypes.Type(value = Event.AnsweredPrivately.class, name = "answered-privately")
})
public sealed interface Event {

    Instant at();

    /** The bot was added to the group by {@code addedBy}. */
    record BotAdded(Instant at, Member addedBy) implements Event {
    }

    record MemberJoined(Instant at, Member member) implements Event {
    }

    record MemberLeft(Instant at, String memberId) implements Event {
    }

    /**
     * Program staff made {@code member} the group's facilitator, in place of whoever was, or with
     * {@code member} null took the role away (an admin may then claim it again). The channel has
     * checked that {@code byId} is staff and that {@code member} is in the group.
     *
     * @param messageRef the staff member's command, which the group's answer replies to
     */
    record FacilitatorAssigned(Instant at, Member member, String byId, String messageRef) implements Event {
    }

    /**
     * A person asked, outside the group (in their private chat with the bot), to delete their data
     * here, possibly after they left: forgotten at once, without a word to the group.
     */
    record MemberErased(Instant at, String memberId) implements Event {
    }

    /**
     * A member wrote an answer.
     *
     * @param stageKey  the stage of the question the message replied to, when the channel knows
     *                  it (a reply to the bot's question); null means the stage open now
     * @param round     that question's round; 0 means the round open now
     * @param promptKey the prompt the message replied to; null means the question asked last
     * @param media     the photo, voice note, place... the message carried ({@code text} is then its
     *                  caption, maybe empty); null for words only
     */
    record MemberAnswered(Instant at, Member member, String messageRef, String stageKey, int round,
                          String promptKey, String text, AnswerMedia media) implements Event {

        /** An answer in words. */
        public MemberAnswered(Instant at, Member member, String messageRef, String stageKey, int round,
                              String promptKey, String text) {
            this(at, member, messageRef, stageKey, round, promptKey, text, null);
        }

        /** An answer to {@code promptKey} of the stage open now (null: the question asked last). */
        public MemberAnswered(Instant at, Member member, String messageRef, String promptKey, String text) {
            this(at, member, messageRef, null, 0, promptKey, text);
        }
    }

    /** A member edited a message that carried an answer. */
    record AnswerEdited(Instant at, Member member, String messageRef, String text) implements Event {
    }

    /** A member pressed an answer button of a choice or scale prompt. */
    record OptionChosen(Instant at, Member member, String messageRef, String stageKey, int round,
                        String promptKey, String value) implements Event {
    }

    /**
     * A member typed a command or pressed a button that runs one.
     *
     * @param argument the rest of the typed line; for a pressed button, what the button carried
     *                 (for /lanjut, /ulang and /jeda the stage it was made for: {@code stage:round},
     *                 and {@code :yes} once confirmed)
     * @param pressed  a button press: refusals are answered to the presser alone, not the group
     */
    record CommandIssued(Instant at, Member member, String messageRef, Command command, String argument,
                         boolean pressed) implements Event {

        /** A typed command. */
        public CommandIssued(Instant at, Member member, String messageRef, Command command, String argument) {
            this(at, member, messageRef, command, argument, false);
        }
    }

    /** The channel counted the people in the group (bots excluded, facilitator included). */
    record GroupSizeReported(Instant at, int people) implements Event {
    }

    /**
     * A member voted in the poll of a decision (the platform's poll: Telegram's poll_answer), or
     * took their vote back ({@code candidate} null). Buttons vote through {@link Command#VOTE}.
     *
     * @param candidate the 0-based candidate chosen; null when the vote was retracted
     */
    record VoteCast(Instant at, Member member, String stageKey, int round, String promptKey, Integer candidate)
            implements Event {
    }

    /** The clock moved on; lets the engine nudge quiet members and move waiting groups on. */
    record TimePassed(Instant at) implements Event {
    }

    /**
     * The facilitator recorded a face-to-face meeting of the group in their private chat with the
     * bot (the channel has checked that {@code byId} leads this group).
     *
     * @param photoFileId the platform's id of a flipchart photo, or null
     */
    record MeetingRecorded(Instant at, String byId, java.time.LocalDate date, int attended, int women,
                           String decisions, String photoFileId) implements Event {
    }

    /**
     * A machine wrote down what a voice note that answered a question says (speech to text, after
     * the answer was stored). The transcript joins the answer once; the voice note stays its source.
     *
     * @param answerKey    the answer's {@link Answer#key()}
     * @param fileUniqueId the voice note's stable id: the transcript of a note since replaced by
     *                     another answer changes nothing
     * @param transcript   what the machine heard
     * @param stored       the answer as the channel stored it, for one whose stage has closed (no
     *                     longer in the state); null when the channel has none
     */
    record AnswerTranscribed(Instant at, String answerKey, String fileUniqueId, String transcript, Answer stored)
            implements Event {
    }

    /**
     * A member opened their private chat with the bot from a sensitive question's button in the
     * group ({@code private: true} in the flow): the question is asked there. The channel has
     * checked that the link is one of ours, made for this group and question.
     */
    record PrivateQuestionOpened(Instant at, Member member, String stageKey, int round, String promptKey)
            implements Event {
    }

    /**
     * A member answered a sensitive question in their private chat with the bot: their answer to
     * the group's prompt, counted like any other, never shown in the group.
     *
     * @param messageRef the private message the answer came in (never one of the group's)
     */
    record AnsweredPrivately(Instant at, Member member, String messageRef, String stageKey, int round,
                             String promptKey, String text) implements Event {
    }
}
