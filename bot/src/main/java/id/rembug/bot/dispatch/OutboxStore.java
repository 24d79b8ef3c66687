package id.rembug.bot.dispatch;

import id.rembug.bot.channel.ChatGateway;
import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.channel.Outgoing.Lane;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The dispatcher's side of the outbox in Redis: every change is one atomic Lua script. */
final class OutboxStore {

    /**
     * A chat this worker holds until it reschedules it or the lease runs out.
     *
     * @param claimScore the ready-ZSET score the claim wrote: the lease's end and our token
     * @param headJson   the message to send now, exactly as stored
     * @param forbidden  the recorded reason when the bot may not write to this chat, else null
     * @param attempts   failed attempts at this message so far
     */
    record Claim(Lane lane, String chatId, String claimScore, String headJson, String forbidden, int attempts) {
    }

    /** A claim, or when nothing was due, the epoch ms at which the next chat is (or -1: none). */
    record Poll(Claim claim, long nextDueAt) {
    }

    /** {@code waitMillis} 0: the slot is taken, and the chat may send again from {@code nextChatAt}. */
    record Acquisition(long waitMillis, long nextChatAt) {
    }

    private final StringRedisTemplate redis;
    private final DispatchProperties properties;

    OutboxStore(StringRedisTemplate redis, DispatchProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    Poll claim(long now) {
        DispatchProperties.Limits limits = properties.limits();
        DispatchProperties.PaidBroadcast paid = properties.paidBroadcast();
        List<?> reply = redis.execute(DispatchScripts.CLAIM,
                List.of(OutboxKeys.ready(Lane.CONVERSATION), OutboxKeys.ready(Lane.BROADCAST),
                        DispatchKeys.RATE_GLOBAL, DispatchKeys.RATE_BROADCAST),
                Long.toString(now), Long.toString(now + properties.lease().toMillis()),
                queuePrefix(Lane.CONVERSATION), queuePrefix(Lane.BROADCAST), DispatchKeys.ALIAS_PREFIX,
                DispatchKeys.FORBIDDEN_PREFIX, DispatchKeys.FORBIDDEN_SUFFIX, DispatchKeys.DELIVERY_PREFIX,
                Integer.toString(limits.global()), Long.toString(limits.globalWindow().toMillis()),
                Integer.toString(paid.enabled() ? paid.rate() : limits.broadcast()), paid.enabled() ? "1" : "0");
        String lane = (String) reply.get(0);
        if (lane.isEmpty()) {
            String next = (String) reply.get(1);
            return new Poll(null, next.isEmpty() ? -1 : (long) Double.parseDouble(next));
        }
        String forbidden = (String) reply.get(4);
        return new Poll(new Claim(lane.equals("1") ? Lane.CONVERSATION : Lane.BROADCAST, (String) reply.get(1),
                (String) reply.get(2), (String) reply.get(3), forbidden.isEmpty() ? null : forbidden,
                Integer.parseInt((String) reply.get(5))), -1);
    }

    /**
     * Takes a slot in every limit that applies, or says how long to wait. A progress edit takes
     * one only when the chat is rested (burst 1) and the group's window keeps
     * {@code editReserve} free for messages. The slots in Telegram's own limits count as on their
     * way until {@link #answered} (at most until the claim's lease ends).
     */
    Acquisition acquire(Claim claim, long now, boolean group, String member, boolean edit) {
        DispatchProperties.Limits limits = properties.limits();
        int chatBurst = edit ? 1 : limits.chatBurst();
        int groupLimit = edit ? Math.max(1, limits.group() - limits.editReserve()) : limits.group();
        boolean paid = claim.lane() == Lane.BROADCAST && properties.paidBroadcast().enabled();
        List<?> reply = redis.execute(DispatchScripts.ACQUIRE,
                List.of(DispatchKeys.RATE_GLOBAL, DispatchKeys.RATE_BROADCAST, DispatchKeys.rateChat(claim.chatId()),
                        DispatchKeys.rateGroup(claim.chatId()), OutboxKeys.ready(Lane.CONVERSATION)),
                Long.toString(now), member, claim.lane() == Lane.BROADCAST ? "1" : "0", group ? "1" : "0",
                Integer.toString(limits.global()), Long.toString(limits.globalWindow().toMillis()),
                Integer.toString(paid ? properties.paidBroadcast().rate() : limits.broadcast()),
                Long.toString(limits.chatInterval().toMillis()),
                Integer.toString(chatBurst), Integer.toString(groupLimit),
                Long.toString(limits.groupWindow().toMillis()), Integer.toString(limits.chatBurst()),
                Integer.toString(limits.group()), paid ? "1" : "0", claim.claimScore());
        return new Acquisition(((Number) reply.get(0)).longValue(), ((Number) reply.get(1)).longValue());
    }

    /**
     * The platform answered the send that took the slots of {@code member} ({@link #acquire}):
     * they count from {@code at} now, the latest moment Telegram can have counted the request, so
     * a request that reached it late never makes it count more than its limits in a window.
     */
    void answered(Claim claim, String member, boolean group, long at) {
        boolean paid = claim.lane() == Lane.BROADCAST && properties.paidBroadcast().enabled();
        redis.execute(DispatchScripts.ANSWERED,
                List.of(paid ? OutboxKeys.NONE : DispatchKeys.RATE_GLOBAL,
                        paid ? DispatchKeys.RATE_BROADCAST : OutboxKeys.NONE,
                        group ? DispatchKeys.rateGroup(claim.chatId()) : OutboxKeys.NONE,
                        DispatchKeys.rateChat(claim.chatId())),
                member, Long.toString(at), Long.toString(properties.limits().chatInterval().toMillis()));
    }

    /** Removes the message, records it sent, and reschedules the chat for {@code nextAt}. */
    void settleSent(Claim claim, String outgoingId, String platformMessageId, int attempts, long at, long nextAt) {
        settle(claim, outgoingId, "sent", platformMessageId, "", attempts, at, nextAt, ttlSeconds());
    }

    /** Removes the message, records it failed, and reschedules the chat for {@code nextAt}. */
    void settleFailed(Claim claim, String outgoingId, String reason, int attempts, long at, long nextAt) {
        settle(claim, outgoingId, "failed", "", reason, attempts, at, nextAt, ttlSeconds());
    }

    /**
     * Removes the message without sending it: a newer message made it pointless. Its record is
     * kept {@link #SUPERSEDED_KEPT} at most: nothing edits a message that was never sent, and a
     * group's progress edits, most of them superseded, were two thirds of its delivery records.
     */
    void settleSuperseded(Claim claim, String outgoingId, String reason, int attempts, long at) {
        settle(claim, outgoingId, "superseded", "", reason, attempts, at, at,
                Long.toString(Math.min(SUPERSEDED_KEPT.toSeconds(), properties.deliveryTtl().toSeconds())));
    }

    /** How long the record of a message that was superseded before it was sent is kept. */
    static final java.time.Duration SUPERSEDED_KEPT = java.time.Duration.ofDays(1);

    /** Everything the claimed chat has queued in the claim's lane, the head first. */
    List<String> queued(Claim claim) {
        List<String> queue = redis.opsForList().range(OutboxKeys.queue(claim.lane(), claim.chatId()), 0, -1);
        return queue == null ? List.of() : queue;
    }

    private void settle(Claim claim, String outgoingId, String status, String messageId, String reason,
                        int attempts, long at, long nextAt, String recordTtlSeconds) {
        // only group chats: a reply there may answer a question; a private chat's replies are not placed
        boolean remembered = "sent".equals(status) && messageId != null && !messageId.isEmpty()
                && outgoingId != null && ChatGateway.isGroupChat(claim.chatId());
        redis.execute(DispatchScripts.SETTLE,
                List.of(OutboxKeys.ready(claim.lane()), OutboxKeys.queue(claim.lane(), claim.chatId()),
                        outgoingId == null ? OutboxKeys.NONE : DispatchKeys.delivery(outgoingId),
                        remembered ? DispatchKeys.sentMessages(claim.chatId()) : OutboxKeys.NONE),
                claim.claimScore(), claim.headJson(), Long.toString(nextAt), claim.chatId(), status,
                messageId == null ? "" : messageId, reason == null ? "" : reason, Integer.toString(attempts),
                Long.toString(at), recordTtlSeconds, OutboxKeys.laneName(claim.lane()), queuePrefix(claim.lane()),
                DispatchKeys.ALIAS_PREFIX, Long.toString(DispatchKeys.SENT_MESSAGES_KEPT.toSeconds()),
                outgoingId == null ? "" : outgoingId);
    }

    /** Gives the chat back until {@code until}, leaving the message where it is. */
    void defer(Claim claim, long until) {
        defer(claim, until, null, 0, "", 0);
    }

    /** Gives the chat back until {@code until} and notes a failed attempt on the message's record. */
    void deferAttempt(Claim claim, long until, String outgoingId, int attempts, String reason, long at) {
        defer(claim, until, outgoingId, attempts, reason, at);
    }

    private void defer(Claim claim, long until, String outgoingId, int attempts, String reason, long at) {
        redis.execute(DispatchScripts.DEFER,
                List.of(OutboxKeys.ready(claim.lane()), OutboxKeys.queue(claim.lane(), claim.chatId()),
                        outgoingId == null ? OutboxKeys.NONE : DispatchKeys.delivery(outgoingId)),
                claim.claimScore(), Long.toString(until), claim.chatId(), Integer.toString(attempts),
                reason == null ? "" : reason, Long.toString(at), ttlSeconds(), OutboxKeys.laneName(claim.lane()));
    }

    /** Marks the chat forbidden and drops all it had pending; returns the dropped JSON, in order. */
    List<String> forbid(String chatId, String reason, long at) {
        List<?> reply = redis.execute(DispatchScripts.FORBID,
                List.of(OutboxKeys.ready(Lane.CONVERSATION), OutboxKeys.ready(Lane.BROADCAST),
                        OutboxKeys.queue(Lane.CONVERSATION, chatId), OutboxKeys.queue(Lane.BROADCAST, chatId),
                        DispatchKeys.forbidden(chatId)),
                chatId, reason, Long.toString(at), DispatchKeys.DELIVERY_PREFIX, ttlSeconds());
        return reply.stream().map(String.class::cast).toList();
    }

    /** Moves the chat's queues in front of the new id's and links the old id to the new one. */
    long migrate(String oldChatId, String newChatId, long now) {
        return redis.execute(DispatchScripts.MIGRATE,
                List.of(OutboxKeys.ready(Lane.CONVERSATION), OutboxKeys.ready(Lane.BROADCAST),
                        OutboxKeys.queue(Lane.CONVERSATION, oldChatId), OutboxKeys.queue(Lane.BROADCAST, oldChatId),
                        OutboxKeys.queue(Lane.CONVERSATION, newChatId), OutboxKeys.queue(Lane.BROADCAST, newChatId),
                        DispatchKeys.alias(oldChatId)),
                oldChatId, newChatId, Long.toString(now));
    }

    Optional<String> forbiddenReason(String chatId) {
        Object reason = redis.opsForHash().get(DispatchKeys.forbidden(chatId), "reason");
        return Optional.ofNullable((String) reason);
    }

    void clearForbidden(String chatId) {
        redis.delete(DispatchKeys.forbidden(chatId));
    }

    Map<Object, Object> delivery(String outgoingId) {
        return redis.opsForHash().entries(DispatchKeys.delivery(outgoingId));
    }

    private String ttlSeconds() {
        return Long.toString(properties.deliveryTtl().toSeconds());
    }

    private static String queuePrefix(Lane lane) {
        return OutboxKeys.queue(lane, "");
    }
}
