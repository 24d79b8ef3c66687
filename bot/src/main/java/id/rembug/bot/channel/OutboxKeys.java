package id.rembug.bot.channel;

/**
 * Where the outbox lives in Redis. The group processor writes here inside its atomic commit;
 * the dispatcher drains it.
 *
 * <ul>
 *   <li>{@code rembug:outbox:<lane>:<chatId>}: a LIST of {@link Outgoing} JSON, oldest first
 *       (RPUSH to add, the dispatcher removes the head once delivered or given up);</li>
 *   <li>{@code rembug:outbox:ready:<lane>}: a ZSET of chat ids whose list is not empty, scored
 *       by the epoch millisecond from which the chat may be sent to (enqueue uses ZADD NX now,
 *       so it never pulls a chat's rate-limited schedule forward).</li>
 * </ul>
 */
public final class OutboxKeys {

    private OutboxKeys() {
    }

    public static String queue(Outgoing.Lane lane, String chatId) {
        return "rembug:outbox:" + laneName(lane) + ":" + chatId;
    }

    public static String ready(Outgoing.Lane lane) {
        return "rembug:outbox:ready:" + laneName(lane);
    }

    public static String laneName(Outgoing.Lane lane) {
        return lane == Outgoing.Lane.CONVERSATION ? "conversation" : "broadcast";
    }
}
