package id.rembug.bot.channel;

/**
 * Where the outbox lives in Redis. The group processor's commit leaves its messages here (in its
 * second step, {@code ConversationFollowUps}); the dispatcher drains it.
 *
 * <p>Every key of the outbox and of what feeds it or settles it (the dispatcher's delivery records,
 * rate logs, chat marks and aliases, messages kept for people, digests, model jobs, broadcast jobs)
 * carries the one hash tag {@link #SLOT}, so on a Redis Cluster they live in one slot and every
 * dispatcher script stays one atomic step. One slot is enough: sending is held to Telegram's
 * ~30 messages a second per bot, a small fraction of what one Redis master serves.
 *
 * <ul>
 *   <li>{@code rembug:outbox:{outbox}:<lane>:<chatId>}: a LIST of {@link Outgoing} JSON, oldest first
 *       (RPUSH to add, the dispatcher removes the head once delivered or given up);</li>
 *   <li>{@code rembug:outbox:{outbox}:ready:<lane>}: a ZSET of chat ids whose list is not empty, scored
 *       by the epoch millisecond from which the chat may be sent to (enqueue uses ZADD NX now,
 *       so it never pulls a chat's rate-limited schedule forward).</li>
 * </ul>
 */
public final class OutboxKeys {

    /** The hash tag of the outbox's slot (see above). */
    public static final String SLOT = "{outbox}";

    /**
     * Stands for "no key" where a script takes an optional one: in the outbox's slot like every
     * key beside it (an empty name would be another slot on a Redis Cluster); never written.
     */
    public static final String NONE = "rembug:outbox:" + SLOT + ":none";

    private OutboxKeys() {
    }

    public static String queue(Outgoing.Lane lane, String chatId) {
        return "rembug:outbox:" + SLOT + ":" + laneName(lane) + ":" + chatId;
    }

    public static String ready(Outgoing.Lane lane) {
        return "rembug:outbox:" + SLOT + ":ready:" + laneName(lane);
    }

    /** LIST: messages kept for a person while their private chat refuses the bot (FacilitatorReachability). */
    public static String kept(String userId) {
        return "rembug:user:" + SLOT + ":" + userId + ":pending";
    }

    public static String laneName(Outgoing.Lane lane) {
        return lane == Outgoing.Lane.CONVERSATION ? "conversation" : "broadcast";
    }
}
