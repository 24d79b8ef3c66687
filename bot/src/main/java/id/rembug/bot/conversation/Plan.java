package id.rembug.bot.conversation;

import id.rembug.bot.channel.Outgoing;
import id.rembug.dialogues.engine.GroupState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one inbox entry changes, committed together in one atomic Redis script: the new
 * state, the answers, the milestones, the wake-ups and the messages we now owe.
 */
final class Plan {

    GroupState state;
    final Map<String, String> answers = new LinkedHashMap<>();
    final List<String> forgetMembers = new ArrayList<>();
    final Map<String, String> milestones = new LinkedHashMap<>();
    /** Answers that leave the answers hash: their stage's stored summary now holds them. */
    final java.util.Set<String> droppedAnswers = new java.util.LinkedHashSet<>();
    final List<Instant> wakeUps = new ArrayList<>();
    final List<Outgoing> outgoing = new ArrayList<>();
    /** A group that moved to a new chat id (became a supergroup). */
    String newChatId;
    /** A person who just started the bot: send what was kept for them and lift the 403 mark. */
    String reconnectUserId;
    /** Whose user hash {@link #userFields} go to. */
    String userId;
    /** Fields of the user's hash to set. */
    final Map<String, String> userFields = new LinkedHashMap<>();
    /** Questions sent by this plan, by prompt reference, for updating their messages later. */
    final Map<String, ConversationStore.AskedQuestion> asked = new LinkedHashMap<>();
    /** Outbox id of each question this plan sends to the prompt it asks, so a reply can be placed. */
    final Map<String, String> questions = new LinkedHashMap<>();
    /** Prompt references of questions whose messages will not be updated any more (their stage closed). */
    final java.util.Set<String> droppedAsked = new java.util.LinkedHashSet<>();
    /** Summaries held back for a facilitator who chose the daily digest, keyed by the facilitator. */
    final Map<String, List<Outgoing>> digests = new LinkedHashMap<>();

    /**
     * Messages this plan sends that wait for their reader's daily digest if that is what they chose
     * (a stage's summary, its media copies, late answers), by reader. Planning does not read the
     * choice: most turns send no summary, so it is read only for a plan that names readers here,
     * and then applied ({@link #applyDigestChoices}).
     */
    private final Map<String, List<Outgoing>> heldIfDaily = new LinkedHashMap<>();

    /** Questions for the language model, written with the answers they may improve ({@link ModelJob}). */
    final List<ModelJob> modelJobs = new ArrayList<>();

    private int issued;

    /** People this entry shows (writer, joiner, leaver): the group goes into their index of groups. */
    final java.util.Set<String> people = new java.util.LinkedHashSet<>();
    /** A member's data to remove from the group's other structures, with the state's ForgetMember. */
    MemberErasure.GroupErasure erasure;
    /** A person who deleted their data from their private chat: their own keys go too. */
    String erasedUserId;

    Plan(GroupState state) {
        this.state = state;
    }

    /**
     * The outbox id of the next message this entry owes: {@code <conversation>:<entry>:<n>}, n
     * counting up within the entry and never reused. Messages leave {@link #outgoing} (a summary
     * held for the digest, lines merged into one), so the list's size would hand out an id twice;
     * the same entry applied again (after a crash) hands out the same ids, so nothing goes twice.
     */
    String nextId(String conversation, String entryId) {
        return conversation + ":" + entryId + ":" + issued++;
    }

    /**
     * Whether this writes something a later entry's turn reads from Redis rather than from the
     * state (a person's settings, the model's rate, a deletion, a new chat id): the entries after it
     * are then planned on what is committed, not batched with it ({@link ConversationProcessor}).
     */
    boolean changesWhatLaterTurnsRead() {
        return userId != null || reconnectUserId != null || !modelJobs.isEmpty() || erasure != null
                || erasedUserId != null || newChatId != null;
    }

    /** Sends the message to its reader now, or with their daily digest if they chose it ({@link #applyDigestChoices}). */
    void holdIfDailyDigest(String reader, Outgoing message) {
        heldIfDaily.computeIfAbsent(reader, id -> new ArrayList<>()).add(message);
    }

    /** The people whose digest choice decides when some of this plan's messages go. */
    java.util.Set<String> digestChoicesNeeded() {
        return java.util.Collections.unmodifiableSet(heldIfDaily.keySet());
    }

    /**
     * Holds the messages of each reader who chose the daily digest for it (the model does not
     * improve a summary that waits for the digest: the digest carries it as written); the others'
     * messages go now.
     */
    void applyDigestChoices(java.util.Set<String> dailyReaders) {
        heldIfDaily.forEach((reader, messages) -> {
            if (!dailyReaders.contains(reader)) {
                return;
            }
            for (Outgoing message : messages) {
                outgoing.remove(message);
                modelJobs.removeIf(job -> message.id().equals(job.editOf()));
                digests.computeIfAbsent(reader, id -> new ArrayList<>()).add(message);
            }
        });
        heldIfDaily.clear();
    }

    /** A model job for the text this plan sent last, when the hook asked for one. */
    void improveLast(String conversation, ConversationHook.ModelQuestion question) {
        if (question == null || outgoing.isEmpty()) {
            return;
        }
        Outgoing answer = outgoing.get(outgoing.size() - 1);
        modelJobs.add(ModelJob.answer(answer.id() + ":model", conversation, answer.chatId(), answer.groupId(),
                answer.id(), question.question(), question.language(), question.at()));
    }
}
