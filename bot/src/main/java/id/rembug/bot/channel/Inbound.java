package id.rembug.bot.channel;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.List;

/**
 * A platform update turned into what Rembug cares about, before any state is consulted. Channels
 * (Telegram, the simulator) produce these; the inbox stores them; the group processor turns them
 * into engine events.
 *
 * <p>{@link #updateId()} is the channel's unique id for the update it came from
 * ({@code tg:<update_id>}, {@code sim:<n>}): the inbox refuses an id it has seen, so a
 * redelivered update changes nothing.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Inbound.Message.class, name = "message"),
        @JsonSubTypes.Type(value = Inbound.PostedAsChat.class, name = "posted-as-chat"),
        @JsonSubTypes.Type(value = Inbound.ButtonPressed.class, name = "button"),
        @JsonSubTypes.Type(value = Inbound.MembersJoined.class, name = "joined"),
        @JsonSubTypes.Type(value = Inbound.MemberLeft.class, name = "left"),
        @JsonSubTypes.Type(value = Inbound.ChatMigrated.class, name = "migrated"),
        @JsonSubTypes.Type(value = Inbound.WakeUp.class, name = "wake-up"),
        @JsonSubTypes.Type(value = Inbound.GroupCounted.class, name = "counted"),
        @JsonSubTypes.Type(value = Inbound.ErasureRequested.class, name = "erasure"),
        @JsonSubTypes.Type(value = Inbound.PollAnswered.class, name = "poll-answer"),
        @JsonSubTypes.Type(value = Inbound.MeetingReported.class, name = "meeting"),
        @JsonSubTypes.Type(value = Inbound.Transcribed.class, name = "transcribed"),
        @JsonSubTypes.Type(value = Inbound.PrivateQuestionOpened.class, name = "private-question"),
        @JsonSubTypes.Type(value = Inbound.PrivateAnswerGiven.class, name = "private-answer")
})
public sealed interface Inbound {

    String updateId();

    String chatId();

    Instant at();

    /**
     * A text message, in a group or in a private chat with the bot.
     *
     * @param replyToMessageId the message it replies to, if any (how answers find their question)
     * @param replyToBot       whether that message was the bot's: a reply to a question whose
     *                         delivery was not recorded yet still counts as an answer
     * @param edited           true when this is an edit of an earlier message
     * @param senderChat       the chat it was sent on behalf of (an anonymous admin's group, a
     *                         linked channel), or null when a person wrote as themselves; then
     *                         {@code from} is Telegram's placeholder bot, not a person
     * @param threadId         the forum topic it was written in, or null outside topics
     * @param media            what it carried besides text (the text is then its caption), or null
     * @param replyToUser      the person who wrote the message it replies to, or null (none, or a
     *                         bot): how staff name the member they make facilitator
     */
    record Message(String updateId, String chatId, boolean privateChat, Instant at, ChatUser from,
                   String messageId, String text, String replyToMessageId, boolean replyToBot, boolean edited,
                   ChatUser senderChat, String threadId, Media media, ChatUser replyToUser)
            implements Inbound {

        /** A message that replies to nobody in particular, or whose replied-to author does not matter. */
        public Message(String updateId, String chatId, boolean privateChat, Instant at, ChatUser from,
                       String messageId, String text, String replyToMessageId, boolean replyToBot, boolean edited,
                       ChatUser senderChat, String threadId, Media media) {
            this(updateId, chatId, privateChat, at, from, messageId, text, replyToMessageId, replyToBot, edited,
                    senderChat, threadId, media, null);
        }

        /** A message written by a person as themselves, outside topics, text only. */
        public Message(String updateId, String chatId, boolean privateChat, Instant at, ChatUser from,
                       String messageId, String text, String replyToMessageId, boolean replyToBot, boolean edited) {
            this(updateId, chatId, privateChat, at, from, messageId, text, replyToMessageId, replyToBot, edited,
                    null, null, null);
        }
    }

    /**
     * A photo, voice note, video note, document, location or venue a message carried, as the
     * platform described it.
     *
     * @param kind         the platform's name for it ({@code photo}, {@code voice}, {@code video_note},
     *                     {@code video}, {@code audio}, {@code document}, {@code location}, {@code venue})
     * @param fileId       the platform's id to fetch it with (null for a place, which has no file)
     * @param fileUniqueId the file's id that stays the same over time and for every bot
     * @param duration     seconds of a voice note, video or audio; null otherwise
     * @param size         bytes, when the platform said
     * @param mimeType     when the platform said
     * @param name         a venue's name, a document's file name; null otherwise
     * @param latitude     a place's; null otherwise
     * @param longitude    a place's; null otherwise
     */
    record Media(String kind, String fileId, String fileUniqueId, Integer duration, Long size, String mimeType,
                 String name, Double latitude, Double longitude) {

        /** A file known by its id alone. */
        public Media(String kind, String fileId) {
            this(kind, fileId, null, null, null, null, null, null, null);
        }
    }

    /**
     * A command, or a reply to the bot, sent in a group on behalf of a chat rather than a person:
     * an anonymous admin (the group itself) or a linked channel. Telegram gives all of them one
     * shared {@code from} (GroupAnonymousBot, Channel_Bot), so it names nobody; Rembug asks them to
     * post as themselves and acts on nothing.
     */
    record PostedAsChat(String updateId, String chatId, Instant at, String messageId) implements Inbound {
    }

    /** An inline button was pressed; {@code data} is the callback data we put on it. */
    record ButtonPressed(String updateId, String chatId, boolean privateChat, Instant at, ChatUser from,
                         String callbackId, String messageId, String data) implements Inbound {
    }

    /** People joined a group; {@code botAdded} when one of them is this bot. */
    record MembersJoined(String updateId, String chatId, Instant at, ChatUser addedBy, List<ChatUser> members,
                         boolean botAdded) implements Inbound {
        public MembersJoined {
            members = List.copyOf(members);
        }
    }

    /** Someone left a group; {@code botRemoved} when it was this bot. */
    record MemberLeft(String updateId, String chatId, Instant at, ChatUser member, boolean botRemoved)
            implements Inbound {
    }

    /** Not from a platform: a wake-up the engine asked for fell due ({@code chatId} is the conversation). */
    record WakeUp(String updateId, String chatId, Instant at) implements Inbound {
    }

    /** A group became a supergroup and now lives under {@code newChatId}. */
    record ChatMigrated(String updateId, String chatId, Instant at, String newChatId) implements Inbound {
    }

    /**
     * The platform counted the people in a group ({@code members}, bots included: Telegram's
     * getChatMemberCount), after an update that may have changed it.
     */
    record GroupCounted(String updateId, String chatId, Instant at, int members) implements Inbound {
    }

    /**
     * A member voted in one of our polls, or took the vote back ({@code optionIds} empty). The
     * platform names only the poll; {@code chatId} and {@code promptRef} ({@code stage|round|index}
     * of the decision) come from where the poll was sent ({@link PollDirectory}).
     */
    record PollAnswered(String updateId, String chatId, Instant at, ChatUser from, String promptRef,
                        List<Integer> optionIds) implements Inbound {
        public PollAnswered {
            // stored without empty lists: a retraction reads back with none
            optionIds = optionIds == null ? List.of() : List.copyOf(optionIds);
        }
    }

    /**
     * Not from a platform: a person asked in their private chat with the bot to delete their data
     * in this group ({@code chatId} is the group's conversation), maybe after leaving it.
     */
    record ErasureRequested(String updateId, String chatId, Instant at, String userId) implements Inbound {
    }

    /**
     * Not from a platform: a facilitator recorded a face-to-face meeting of this group
     * ({@code chatId} is the group's conversation) in their private chat with the bot.
     *
     * @param date        the meeting's day, ISO ({@code 2026-01-14})
     * @param photoFileId the flipchart photo's Telegram file id, or null
     */
    record MeetingReported(String updateId, String chatId, Instant at, String userId, String date, int attended,
                           int women, String decisions, String photoFileId) implements Inbound {
    }

    /**
     * Not from a platform: speech to text wrote down a voice note that answered a question, after
     * the answer was stored ({@code chatId} is the group's conversation).
     *
     * @param answerKey    the stored answer's key
     * @param fileUniqueId the voice note's stable id, so words for a note since replaced change nothing
     * @param transcript   what the machine heard
     */
    record Transcribed(String updateId, String chatId, Instant at, String answerKey, String fileUniqueId,
                       String transcript) implements Inbound {
    }

    /**
     * Not from a platform: a person opened their private chat with the bot from a sensitive
     * question's link in this group ({@code chatId} is the group's conversation); the link was ours.
     *
     * @param promptIndex the question's place in its stage
     */
    /** An entry about a group's sensitive question that reached the bot in someone's private chat. */
    sealed interface PrivateQuestionEntry extends Inbound {
        ChatUser from();
    }

    record PrivateQuestionOpened(String updateId, String chatId, Instant at, ChatUser from, String stageKey,
                                 int round, int promptIndex) implements PrivateQuestionEntry {
    }

    /**
     * Not from a platform: a person answered a sensitive question of this group ({@code chatId}, the
     * group's conversation) in their private chat with the bot.
     *
     * @param messageId the private message the answer came in
     */
    record PrivateAnswerGiven(String updateId, String chatId, Instant at, ChatUser from, String messageId,
                              String stageKey, int round, int promptIndex, String text)
            implements PrivateQuestionEntry {
    }
}
