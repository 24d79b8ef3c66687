package id.rembug.bot.conversation;

import id.rembug.bot.channel.OutboxKeys;

import java.time.Duration;

/**
 * Where conversations live in Redis. A conversation is a group (keyed by the chat id it was
 * first seen under, which stays its id after a migration) or a person's private chat with the
 * bot ({@code user:<id>}).
 */
public final class ConversationKeys {

    /** The consumer group of the processors on every work stream partition ({@link #work}). */
    public static final String WORK_GROUP = "processors";
    /** STRING: the secret that signs button data, made once and shared by every instance. */
    public static final String CALLBACK_KEY = "rembug:callback-key";
    /** HASH: language-model jobs not yet done, by id (in the outbox's slot: delivering one writes the outbox). */
    public static final String MODEL_JOBS = "rembug:llm:" + OutboxKeys.SLOT + ":jobs";
    /** LIST: ids of language-model jobs waiting for a worker, oldest first. */
    public static final String MODEL_QUEUE = "rembug:llm:" + OutboxKeys.SLOT + ":queue";
    /** STRING (expiring): dedupe marks of an earlier version may still exist ({@link GroupKeysMigration}). */
    public static final String OLD_SEEN_KEPT = "rembug:layout:old-seen";
    /** STRING: the most work partitions this Redis was ever written with ({@link WorkPartitions}). */
    public static final String PARTITIONS = "rembug:partitions";
    /** STRING: the key layout this Redis holds ({@link GroupKeysMigration}). */
    public static final String LAYOUT = "rembug:layout";
    /** Every group Rembug has seen. */
    public static final String GROUPS = "rembug:groups";

    private ConversationKeys() {
    }

    /** STRING (expiring): the update id was stored in this conversation's inbox (in its slot, so storing is one step). */
    public static String seen(String conversation, String updateId) {
        return "rembug:seen:" + tag(conversation) + ":" + updateId;
    }

    /**
     * The hash tag of one partition of the shared work structures ({@link #work}, {@link #wakeUps}):
     * on a Redis Cluster each partition is one slot, so N partitions spread over the masters.
     */
    public static String partitionTag(int partition) {
        return "{p:" + partition + "}";
    }

    /** STREAM: signals that a conversation of the partition has events to apply; read by the processors' consumer group. */
    public static String work(int partition) {
        return "rembug:work:" + partitionTag(partition);
    }

    /** ZSET: pending wake-ups of the partition's conversations: members {@code <conversation>|<epochMillis>}, scored by the millis. */
    public static String wakeUps(int partition) {
        return "rembug:wakeups:" + partitionTag(partition);
    }

    /**
     * LIST: what the conversation's commits still have to write outside its slot (the outbox, the
     * wake-ups, the indexes), oldest first ({@link ConversationFollowUps}); empty almost always.
     */
    public static String followUps(String conversation) {
        return groupPart(conversation, "follow-ups");
    }

    /**
     * STRING (expiring): the last of this conversation's follow-ups applied to the slot of
     * {@code slotKey}, so applying one again changes nothing. Named with the slot's hash tag.
     */
    public static String followUpsDone(String slotKey, String conversation) {
        return "rembug:follow-ups-done:" + slotTag(slotKey) + ":" + conversation;
    }

    /** The hash tag that places {@code key}: its own tag, or the whole key when it has none. */
    static String slotTag(String key) {
        int open = key.indexOf('{');
        if (open >= 0) {
            int close = key.indexOf('}', open + 1);
            if (close > open + 1) {
                return key.substring(open, close + 1);
            }
        }
        return "{" + key + "}";
    }

    /** STRING (expiring): this wake-up's inbox entry was stored (in the conversation's slot). */
    public static String wokenUp(String conversation, String wakeUp) {
        return groupPart(conversation, "woken:" + wakeUp);
    }

    /**
     * The hash tag every key of one conversation carries, so Redis Cluster keeps them in one slot
     * and the conversation's commit stays one atomic script; a single Redis ignores it.
     */
    public static String tag(String conversation) {
        return "{g:" + conversation + "}";
    }

    /** STREAM: the conversation's inbox entries not yet applied. */
    public static String events(String conversation) {
        return "rembug:events:" + tag(conversation);
    }

    /** HASH: state (engine JSON), applied (last applied events-stream id), chat (where to send). */
    public static String group(String conversation) {
        return "rembug:group:" + tag(conversation);
    }

    /** HASH: answer key to answer JSON, for every stage and round. */
    public static String answers(String groupId) {
        return groupPart(groupId, "answers");
    }

    /** HASH: {@code <stage>:<round>} to the stage summary JSON. */
    public static String milestones(String groupId) {
        return groupPart(groupId, "milestones");
    }

    /** SET of the group's tags (set by staff; broadcasts and the dashboard read them). */
    public static String tags(String groupId) {
        return groupPart(groupId, "tags");
    }

    /** ZSET (expiring): the conversation's recent questions to the language model, for its rate. */
    public static String modelRate(String conversation) {
        return "rembug:llm:rate:" + tag(conversation);
    }

    /** {@code rembug:group:{g:<id>}:<part>}: every per-group key beside the hash has this layout. */
    private static String groupPart(String groupId, String part) {
        return group(groupId) + ":" + part;
    }

    /**
     * How long a group's question map is kept after its last question: a reply to a question
     * older than that (with nothing asked since) counts as an answer to the question asked last,
     * as a reply to any other message of the bot does.
     */
    public static final Duration QUESTIONS_KEPT = Duration.ofDays(60);

    /**
     * HASH: outbox id of each question we sent to the prompt it asked ({@code stage|round|index}),
     * written by the commit that queued the question; expires {@link #QUESTIONS_KEPT} after the
     * last. The dispatcher's {@code DispatchKeys.sentMessages} places a reply's message id.
     */
    public static String questions(String groupId) {
        return groupPart(groupId, "questions");
    }

    /**
     * HASH: platform message id of a question to its prompt, as the dispatcher wrote it before
     * questions were kept by outbox id; only read, until it expires (60 days after the upgrade).
     */
    public static String legacyPromptMessages(String groupId) {
        return groupPart(groupId, "prompt-messages");
    }

    /**
     * STRING (expiring): the article was posted to the group through a "read" button under the
     * message; holds the update id of the press that posted it.
     */
    public static String postedArticle(String groupId, String messageId, String articleId) {
        return groupPart(groupId, "posted-article:" + messageId + ":" + articleId);
    }

    /**
     * STRING (expiring): the group was told that this person cannot be reached privately yet, so
     * it is told once while the problem lasts.
     */
    public static String toldUnreachable(String groupId, String userId) {
        return groupPart(groupId, "told-unreachable:" + userId);
    }

    /** How long a poll's chat is remembered: votes on an older poll find no group. */
    public static final Duration POLLS_KEPT = Duration.ofDays(90);

    /**
     * STRING (expiring after {@link #POLLS_KEPT}): the chat and decision of a poll we sent, by
     * Telegram's poll id; a vote names only the poll.
     */
    public static String poll(String pollId) {
        return "rembug:poll:" + pollId;
    }

    /** STRING: the group's facilitator was told the bot may not pin there (said once). */
    public static String pinRefusedTold(String groupId) {
        return groupPart(groupId, "told-pin-refused");
    }

    /** A chat that became a supergroup: the new chat id maps back to the group's id. */
    public static String chatGroup(String chatId) {
        return "rembug:chat-group:" + chatId;
    }

    /** STRING (expiring): the daily digest of that day was sent (claimed by one instance). */
    public static String digestSent(java.time.LocalDate day) {
        return "rembug:digest:sent:" + day;
    }

    /** People who have summaries waiting for their daily digest. */
    public static final String DIGEST_USERS = "rembug:digest-users:" + OutboxKeys.SLOT;

    /** LIST of the private summary messages held for a person's daily digest (in the outbox's slot: released to it). */
    public static String digest(String userId) {
        return "rembug:user:" + OutboxKeys.SLOT + ":" + userId + ":digest";
    }

    /**
     * SET of the groups (conversation ids) a person appeared in, so that deleting their data from
     * their private chat finds groups they have left; deleted with their data.
     */
    public static String personGroups(String userId) {
        return "rembug:user:" + userId + ":groups";
    }

    public static String user(String userId) {
        return "rembug:user:" + userId;
    }

    public static String privateConversation(String userId) {
        return "user:" + userId;
    }
}
