package id.rembug.bot.dispatch;

import id.rembug.bot.channel.OutboxKeys;

/**
 * The Redis keys the dispatcher adds next to the outbox ({@link id.rembug.bot.channel.OutboxKeys}).
 *
 * All carry the outbox's hash tag ({@code {outbox}}, {@link OutboxKeys#SLOT}), left out below.
 *
 * <ul>
 *   <li>{@code rembug:delivery:<outgoingId>}: HASH, what became of one message: {@code status}
 *       ({@code retrying}, {@code sent}, {@code failed}), {@code chatId}, {@code lane},
 *       {@code attempts}, {@code at} (epoch ms), {@code messageId} once sent, {@code reason} when it
 *       failed or is being retried. Expires after {@code rembug.dispatch.delivery-ttl}.</li>
 *   <li>{@code rembug:chat:<chatId>:forbidden}: HASH {@code reason}, {@code at}: the bot may not
 *       write there; kept until {@link Dispatcher#clearForbidden(String)}.</li>
 *   <li>{@code rembug:chat:<chatId>:sent}: HASH, the platform's message id of each message
 *       delivered to a group chat to its outbox id; expires {@link #SENT_MESSAGES_KEPT} after the
 *       last. A delivery fact only: whoever wrote the message knows what it meant by its outbox id
 *       (a question's prompt: {@code ConversationKeys.questions}).</li>
 *   <li>{@code rembug:chat-alias:<oldChatId>}: STRING, the id a migrated group lives under now.</li>
 *   <li>{@code rembug:dispatch:rate:*}: the limits' state, shared by every instance: sliding logs
 *       (ZSET of send times: when Telegram answered, or the claim's lease end while the request is
 *       on its way; a free broadcast's share: when its slot was taken) {@code global},
 *       {@code broadcast}, {@code group:<chatId>}; and {@code chat:<chatId>}, the per-chat GCRA's
 *       next theoretical send time. All expire on their own.</li>
 * </ul>
 */
public final class DispatchKeys {

    // every key here carries the outbox's hash tag (OutboxKeys.SLOT): the dispatcher's scripts touch them together
    static final String DELIVERY_PREFIX = "rembug:delivery:" + OutboxKeys.SLOT + ":";
    static final String FORBIDDEN_PREFIX = "rembug:chat:" + OutboxKeys.SLOT + ":";
    static final String FORBIDDEN_SUFFIX = ":forbidden";
    static final String ALIAS_PREFIX = "rembug:chat-alias:" + OutboxKeys.SLOT + ":";
    private static final String RATE_PREFIX = "rembug:dispatch:rate:" + OutboxKeys.SLOT + ":";
    static final String RATE_GLOBAL = RATE_PREFIX + "global";
    static final String RATE_BROADCAST = RATE_PREFIX + "broadcast";

    /**
     * How long a chat's sent-message map is kept after its last delivery: a reply to a message
     * older than that (with nothing sent since) is a reply to a message we no longer place.
     */
    public static final java.time.Duration SENT_MESSAGES_KEPT = java.time.Duration.ofDays(60);

    private DispatchKeys() {
    }

    /** HASH: platform message id to outbox id of what was delivered to the chat (see above). */
    public static String sentMessages(String chatId) {
        return FORBIDDEN_PREFIX + chatId + ":sent";
    }

    public static String delivery(String outgoingId) {
        return DELIVERY_PREFIX + outgoingId;
    }

    public static String forbidden(String chatId) {
        return FORBIDDEN_PREFIX + chatId + FORBIDDEN_SUFFIX;
    }

    public static String alias(String chatId) {
        return ALIAS_PREFIX + chatId;
    }

    public static String rateGlobal() {
        return RATE_GLOBAL;
    }

    public static String rateBroadcast() {
        return RATE_BROADCAST;
    }

    public static String rateChat(String chatId) {
        return RATE_PREFIX + "chat:" + chatId;
    }

    public static String rateGroup(String chatId) {
        return RATE_PREFIX + "group:" + chatId;
    }
}
