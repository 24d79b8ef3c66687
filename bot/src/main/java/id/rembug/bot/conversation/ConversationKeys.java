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
     * How long a group's prompt-message map is kept after the last question was sent: a reply to
     * a question older than that (with nothing asked since) counts as an answer to the question
     * asked last, as a reply to any other message of the bot does.
     */
    public static final Duration PROMPT_MESSAGES_KEPT = Duration.ofDays(60);

    /**
     * HASH: message id of a question we sent to the prompt it asked ({@code stage|round|index});
     * expires {@link #PROMPT_MESSAGES_KEPT} after the last question was recorded.
     */
    public static String promptMessages(String groupId) {
        return "rembug:group:" + groupId + ":prompt-messages";
    }

    /**
     * STRING (expiring): the article was posted to the group through a "read" button under the
     * message; holds the update id of the press that posted it.
     */
    public static String postedArticle(String groupId, String messageId, String articleId) {
        return "rembug:group:" + groupId + ":posted-article:" + messageId + ":" + articleId;
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
        return "rembug:group:" + groupId + ":told-pin-refused";
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
