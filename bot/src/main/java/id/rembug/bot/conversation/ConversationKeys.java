package id.rembug.bot.conversation;

import java.time.Duration;

/**
 * Where conversations live in Redis. A conversation is a group (keyed by the chat id it was
 * first seen under, which stays its id after a migration) or a person's private chat with the
 * bot ({@code user:<id>}).
 */
public final class ConversationKeys {

    /** Signals that a conversation has events to apply; read by the processors' consumer group. */
    public static final String WORK = "rembug:work";
    public static final String WORK_GROUP = "processors";
    /** Pending wake-ups: members {@code <conversation>|<epochMillis>}, scored by the millis. */
    public static final String WAKE_UPS = "rembug:wakeups";
    /** Every group Rembug has seen. */
    public static final String GROUPS = "rembug:groups";

    private ConversationKeys() {
    }

    public static String seen(String updateId) {
        return "rembug:seen:" + updateId;
    }

    public static String events(String conversation) {
        return "rembug:events:" + conversation;
    }

    /** HASH: state (engine JSON), applied (last applied events-stream id), chat (where to send). */
    public static String group(String conversation) {
        return "rembug:group:" + conversation;
    }

    /** HASH: answer key to answer JSON, for every stage and round. */
    public static String answers(String groupId) {
        return "rembug:group:" + groupId + ":answers";
    }

    /** HASH: {@code <stage>:<round>} to the stage summary JSON. */
    public static String milestones(String groupId) {
        return "rembug:group:" + groupId + ":milestones";
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
        return "rembug:group:" + groupId + ":questions";
    }

    /**
     * HASH: platform message id of a question to its prompt, as the dispatcher wrote it before
     * questions were kept by outbox id; only read, until it expires (60 days after the upgrade).
     */
    public static String legacyPromptMessages(String groupId) {
        return "rembug:group:" + groupId + ":prompt-messages";
    }

    /**
     * STRING (expiring): the article was posted to the group through a "read" button under the
     * message; holds the update id of the press that posted it.
     */
    public static String postedArticle(String groupId, String messageId, String articleId) {
        return "rembug:group:" + groupId + ":posted-article:" + messageId + ":" + articleId;
    }

    /** A chat that became a supergroup: the new chat id maps back to the group's id. */
    public static String chatGroup(String chatId) {
        return "rembug:chat-group:" + chatId;
    }

    /** People who have summaries waiting for their daily digest. */
    public static final String DIGEST_USERS = "rembug:digest-users";

    /** LIST of the private summary messages held for a person's daily digest. */
    public static String digest(String userId) {
        return "rembug:user:" + userId + ":digest";
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
