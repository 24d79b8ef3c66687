package id.rembug.bot.dispatch;

import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.channel.Outgoing.Lane;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** The dispatcher's side of the outbox in Redis: every change is one atomic Lua script. */
final class OutboxStore {

    /**
     * A chat this worker holds until it reschedules it or the lease runs out.
     *
     * @param claimScore the ready-ZSET score the claim wrote: the lease's end and our token
     * @param headJson   the message to send now, exactly as stored
     * @param forbidden  the recorded reason when the bot may not write to this chat, else null
     * @param attempts   failed attempts at this message so far
     * @param earlierMessageId for a message naming an earlier one (an edit, a poll's stop, a pin):
     *                   that one's platform id, null while it is not delivered
     * @param newerEditFollows for a progress edit: a newer edit of the same message is queued behind it
     * @param messageFollows   for a progress edit: a message other than an edit is queued behind it
     * @param claimedAt        the time the claim was made at (epoch ms)
     * @param slot             the head's slots as the claim found them; null when it took none: none
     *                         is needed (an answer to a press), or the head is not to go now
     * @param inARow           how many of the chat's messages this worker dealt with right before
     *                         this one, in the claim's run or kept on from claim to claim
     *                         ({@link #KEPT_ON_AT_MOST})
     * @param follows          one of the messages queued right behind the chat's head that the
     *                         claim took with it (its run, claim.lua): it comes right after the
     *                         claim before it in the batch, the same chat's, and goes only once
     *                         that one was delivered
     */
    record Claim(Lane lane, String chatId, String claimScore, String headJson, String forbidden, int attempts,
                 String earlierMessageId, boolean newerEditFollows, boolean messageFollows, long claimedAt,
                 Slot slot, int inARow, boolean follows) {
    }

    /**
     * How many of one chat's messages a worker deals with in a row at most, in one claim's run or
     * keeping the chat on from claim to claim while its next one may go (claim.lua), before the
     * chat takes its turn behind the others again.
     */
    static final int KEPT_ON_AT_MOST = 8;

    /**
     * The head's slots in every limit, which the claim takes in its own step when the head is to go
     * now (claim.lua): taken as {@code member}, the chat then free to send again from
     * {@code nextChatAt}; or not taken, to be looked at again in {@code waitMillis}.
     */
    record Slot(String member, long waitMillis, long nextChatAt) {

        boolean taken() {
            return waitMillis == 0;
        }
    }

    /**
     * The chats claimed (at most the batch), or when none was, the epoch ms at which the next chat is
     * due (or -1: none); {@code othersDue}: with claims, another chat could be claimed now too.
     */
    record Poll(List<Claim> claims, long nextDueAt, boolean othersDue, Held heldForLimits) {
    }

    /**
     * How one claim ends (settle.lua or defer.lua, with answered.lua when its send took slots),
     * committed together with the worker's next claim ({@link #finishThenClaim}); {@code committed}
     * is what the worker does once it is (its counts, its listeners); {@code delivered}: the
     * message was sent.
     */
    record Finish(String step, Claim claim, List<String> keys, List<String> args, Answered answered,
                  Runnable committed, boolean delivered) {

        /** This ending, doing {@code next} too once it is committed. */
        Finish then(Runnable next) {
            Runnable before = committed;
            return new Finish(step, claim, keys, args, answered, () -> {
                before.run();
                next.run();
            }, delivered);
        }

        /**
         * This ending, leaving the chat's schedule to a later ending of the same claim: a message
         * of a chat's run that the next one follows, or one handed back after the run stopped
         * before it. The claim score, settle.lua's and defer.lua's first ARGV, is left out.
         */
        Finish leavingSchedule() {
            List<String> unscheduled = new ArrayList<>(args);
            unscheduled.set(0, "");
            return new Finish(step, claim, keys, List.copyOf(unscheduled), answered, committed, delivered);
        }

        /** Whether this ending reschedules the chat (see {@link #leavingSchedule}). */
        boolean reschedules() {
            return !args.get(0).isEmpty();
        }
    }

    /**
     * How many due chats of each lane the claim held back for a limit instead of claiming them
     * (claim.lua's {@code hold}): what the dispatcher would otherwise have claimed only to put back.
     */
    record Held(int conversations, int broadcasts) {
    }

    /**
     * How soon a chat whose head is a waiting edit is looked at again at the latest (a progress edit
     * not yet due, an edit waiting for the chat to rest), so a message queued behind it meanwhile
     * need not wait for the edit's time.
     */
    static final long EDIT_RECHECK_MILLIS = 250;

    /** A send the platform answered, whose slots (taken as {@code member}) count from {@code at} now. */
    record Answered(Claim claim, String member, boolean group, long at) {
    }

    private final StringRedisTemplate redis;
    private final DispatchProperties properties;
    private final Answered answered;
    /** Names the slots this instance's claims take, each its own ({@link #claimArgs}). */
    private final String instanceId;
    private final AtomicLong claims;

    OutboxStore(StringRedisTemplate redis, DispatchProperties properties) {
        this(redis, properties, null, UUID.randomUUID().toString(), new AtomicLong());
    }

    private OutboxStore(StringRedisTemplate redis, DispatchProperties properties, Answered answered,
                        String instanceId, AtomicLong claims) {
        this.redis = redis;
        this.properties = properties;
        this.answered = answered;
        this.instanceId = instanceId;
        this.claims = claims;
    }

    /**
     * This store, for committing the outcome of a send the platform answered that took the slots
     * of {@code member}: whatever it commits also restamps those slots (answered.lua), in the
     * same script as the outcome where one script commits it.
     */
    OutboxStore answering(Claim claim, String member, boolean group, long at) {
        return new OutboxStore(redis, properties, new Answered(claim, member, group, at), instanceId, claims);
    }

    /** Claims the next ready chats, each with its head's slots when it is to go now (claim.lua). */
    Poll claim(long now) {
        return finishThenClaim(List.of(), now);
    }

    /**
     * What a claim is made as: the member its slots are taken as, and its score (the lease's end),
     * each this instance's own: the score's fraction of a millisecond numbers the claim, so a claim
     * whose answer was lost can be found by it ({@link #releaseInDoubt}). The fraction is taken off
     * the lease's last millisecond, so the lease still ends by now + lease.
     */
    private record Asked(String member, String claimScore) {
    }

    private Asked ask(long now) {
        long claim = claims.incrementAndGet();
        return new Asked(instanceId + ":" + claim, (now + properties.lease().toMillis() - 1) + "."
                + String.format(Locale.ROOT, "%03d", 1 + Math.floorMod(claim, 999)));
    }

    /**
     * A step that claims the next chat failed on the way (Redis away, a failover, a time-out), so
     * Redis may or may not have run it: the chat it claimed, and the one it was settling, may be
     * leased to a worker that no longer holds them. {@link #releaseInDoubt} hands them back.
     */
    static final class ClaimInDoubt extends RuntimeException {

        private final List<String> claimScores;

        ClaimInDoubt(List<String> claimScores, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.claimScores = claimScores;
        }

        List<String> claimScores() {
            return claimScores;
        }
    }

    /** Runs a step that claims; its failure leaves the claim asked for, and those it was finishing, in doubt. */
    private <T> T inDoubtOnFailure(Asked asked, List<Finish> finishing, Supplier<T> step) {
        try {
            return step.get();
        } catch (DataAccessException failed) {
            List<String> scores = new ArrayList<>();
            scores.add(asked.claimScore());
            finishing.forEach(finish -> scores.add(finish.claim().claimScore()));
            throw new ClaimInDoubt(List.copyOf(new LinkedHashSet<>(scores)), failed);
        }
    }

    /**
     * Makes the chats still leased under these claim scores due at {@code now}: claims whose step
     * failed on the way ({@link ClaimInDoubt}), so that their chats go on now rather than when the
     * lease runs out. A message whose delivery was not recorded goes again, as it would then.
     */
    void releaseInDoubt(List<String> claimScores, long now) {
        redis.execute(DispatchScripts.RELEASE_IN_DOUBT, List.of(OutboxKeys.ready(Lane.CONVERSATION),
                OutboxKeys.ready(Lane.BROADCAST)), Stream.concat(Stream.of(Long.toString(now)), claimScores.stream())
                .toArray());
    }

    private static final List<String> CLAIM_KEYS = List.of(OutboxKeys.ready(Lane.CONVERSATION),
            OutboxKeys.ready(Lane.BROADCAST), DispatchKeys.RATE_GLOBAL, DispatchKeys.RATE_BROADCAST);

    /**
     * {@code keptOn}: the chats whose messages were just settled, kept on while their next message
     * may go ({@link #keptOn}); {@code asked}: what the heads' slots are taken as.
     */
    private List<String> claimArgs(long now, List<Claim> keptOn, Asked asked) {
        DispatchProperties.Limits limits = properties.limits();
        DispatchProperties.PaidBroadcast paid = properties.paidBroadcast();
        return List.of(Long.toString(now), asked.claimScore(),
                QUEUE_PREFIX_CONVERSATION, QUEUE_PREFIX_BROADCAST, DispatchKeys.ALIAS_PREFIX,
                DispatchKeys.FORBIDDEN_PREFIX, DispatchKeys.FORBIDDEN_SUFFIX, DispatchKeys.DELIVERY_PREFIX,
                Integer.toString(limits.global()), Long.toString(limits.globalWindow().toMillis()),
                Integer.toString(paid.enabled() ? paid.rate() : limits.broadcast()), paid.enabled() ? "1" : "0",
                keptOn.isEmpty() ? "" : JSON.writeValueAsString(keptOn.stream()
                        .map(claim -> List.of(claim.chatId(), laneNumber(claim.lane()),
                                Integer.toString(KEPT_ON_AT_MOST - claim.inARow() - 1))).toList()),
                Integer.toString(properties.batch()),
                DispatchKeys.rateChat(""), DispatchKeys.rateGroup(""), asked.member(),
                Long.toString(limits.chatInterval().toMillis()), Integer.toString(limits.chatBurst()),
                Integer.toString(limits.group()), Long.toString(limits.groupWindow().toMillis()),
                Integer.toString(limits.editReserve()), Long.toString(limits.editDelay().toMillis()),
                Long.toString(EDIT_RECHECK_MILLIS), Integer.toString(properties.workers()),
                Integer.toString(KEPT_ON_AT_MOST));
    }

    /**
     * The settled chats passed to the claim to keep on, each by the ending that rescheduled it (its
     * run's last): each only while fewer than {@link #KEPT_ON_AT_MOST} of its messages went in a row.
     */
    private static List<Claim> keptOn(List<Finish> finishes) {
        return finishes.stream().filter(finish -> finish.step().equals(SETTLE) && finish.reschedules()
                && finish.claim().inARow() + 1 < KEPT_ON_AT_MOST).map(Finish::claim).toList();
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How claim.lua numbers the lanes (its {@code readies}): the conversation lane first. */
    private static String laneNumber(Lane lane) {
        return lane == Lane.CONVERSATION ? "1" : "2";
    }

    /**
     * claim.lua's answer to a claim made at {@code now} as {@code asked}, after settling the chats
     * {@code keptOn} offered to keep on.
     */
    private static Poll poll(List<?> reply, long now, Asked asked, List<Claim> keptOn) {
        int count = Integer.parseInt((String) reply.get(0));
        List<Claim> claims = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            claims.add(claim(reply, 1 + i * CLAIM_FIELDS, now, asked.member() + "#" + (i + 1), keptOn,
                    i == 0 ? null : claims.get(i - 1)));
        }
        int trailer = 1 + count * CLAIM_FIELDS;
        String next = (String) reply.get(trailer + 1);
        return new Poll(claims, next.isEmpty() ? -1 : (long) Double.parseDouble(next),
                "1".equals(reply.get(trailer)), held(reply, trailer + 2));
    }

    /** How many fields claim.lua answers for each message it claimed. */
    private static final int CLAIM_FIELDS = 11;

    /**
     * One message of claim.lua's answer, from {@code reply.get(from)} on, its slots taken as
     * {@code member}; {@code before}: the one before it in the answer, if any. The claim takes each
     * chat once, so a message of the same chat and claim as the one before it is of that chat's run.
     */
    private static Claim claim(List<?> reply, int from, long now, String member, List<Claim> keptOn, Claim before) {
        String lane = (String) reply.get(from);
        String chat = (String) reply.get(from + 1);
        String forbidden = (String) reply.get(from + 4);
        String earlier = (String) reply.get(from + 6);
        String slotValue = (String) reply.get(from + 10);
        Slot slot = switch ((String) reply.get(from + 9)) {
            case "taken" -> new Slot(member, 0, Long.parseLong(slotValue));
            case "wait" -> new Slot(member, Long.parseLong(slotValue), -1);
            default -> null;
        };
        String claimScore = (String) reply.get(from + 2);
        boolean follows = before != null && before.chatId().equals(chat) && before.claimScore().equals(claimScore);
        int inARow = follows ? before.inARow() + 1 : keptOn.stream().filter(settled -> settled.chatId().equals(chat))
                .findFirst().map(settled -> settled.inARow() + 1).orElse(0);
        return new Claim(lane.equals(laneNumber(Lane.CONVERSATION)) ? Lane.CONVERSATION : Lane.BROADCAST, chat,
                claimScore, (String) reply.get(from + 3), forbidden.isEmpty() ? null : forbidden,
                Integer.parseInt((String) reply.get(from + 5)), earlier.isEmpty() ? null : earlier,
                "1".equals(reply.get(from + 7)), "1".equals(reply.get(from + 8)), now, slot, inARow, follows);
    }

    private static Held held(List<?> reply, int from) {
        return new Held(Integer.parseInt((String) reply.get(from)), Integer.parseInt((String) reply.get(from + 1)));
    }

    /**
     * Commits how each claim ended (settle.lua or defer.lua, and answered.lua where its send took
     * slots) and claims the next ready chats as of {@code claimAt}, all in one round trip
     * (then-claim.lua); returns the next claims. The chats just settled are offered to the claim
     * to keep on ({@link #keptOn}).
     */
    Poll finishThenClaim(List<Finish> finishes, long claimAt) {
        List<String> keys = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (Finish finish : finishes) {
            List<String> answerKeys = finish.answered() == null ? List.of() : answeredKeys(finish.answered());
            List<String> answerArgs = finish.answered() == null ? List.of() : answeredArgs(finish.answered());
            headers.addAll(List.of(finish.step(), Integer.toString(finish.keys().size()),
                    Integer.toString(finish.args().size()), Integer.toString(answerKeys.size()),
                    Integer.toString(answerArgs.size())));
            keys.addAll(finish.keys());
            keys.addAll(answerKeys);
            bodies.addAll(finish.args());
            bodies.addAll(answerArgs);
        }
        keys.addAll(CLAIM_KEYS);
        List<Claim> keptOn = keptOn(finishes);
        Asked asked = ask(claimAt);
        List<String> args = new ArrayList<>(1 + headers.size() + bodies.size() + 25);
        args.add(Integer.toString(finishes.size()));
        args.addAll(headers);
        args.addAll(bodies);
        args.addAll(claimArgs(claimAt, keptOn, asked));
        return poll(inDoubtOnFailure(asked, finishes,
                () -> redis.execute(DispatchScripts.FINISH_THEN_CLAIM, keys, args.toArray())), claimAt, asked, keptOn);
    }

    private static final String SETTLE = "settle";
    private static final String DEFER = "defer";

    /**
     * The keys and ARGV of answered.lua for a send the platform answered that took the slots of
     * {@code member} (the claim's {@link Slot}): they count from {@code at} then, the latest moment Telegram
     * can have counted the request, so a request that reached it late never makes it count more
     * than its limits in a window.
     */
    private List<String> answeredKeys(Answered answer) {
        boolean paid = answer.claim().lane() == Lane.BROADCAST && properties.paidBroadcast().enabled();
        return List.of(paid ? OutboxKeys.NONE : DispatchKeys.RATE_GLOBAL,
                paid ? DispatchKeys.RATE_BROADCAST : OutboxKeys.NONE,
                answer.group() ? DispatchKeys.rateGroup(answer.claim().chatId()) : OutboxKeys.NONE,
                DispatchKeys.rateChat(answer.claim().chatId()));
    }

    private List<String> answeredArgs(Answered answer) {
        return List.of(answer.member(), Long.toString(answer.at()),
                Long.toString(properties.limits().chatInterval().toMillis()));
    }

    /**
     * Removes the message, records it sent and reschedules the chat for {@code nextAt}, remembering
     * it by its platform id where {@link SentMessages#remembers} says so. The record of what posts no
     * message (an edit, a pin, a reaction, a button's answer) is kept {@link #BRIEF_RECORD_KEPT} at
     * most: nothing later names one, where an edit names its message.
     */
    Finish settleSent(Claim claim, Outgoing message, String platformMessageId, int attempts, long at, long nextAt) {
        return settle(claim, message.id(), "sent", platformMessageId, "", attempts, at, nextAt,
                message.postsMessage() ? ttlSeconds() : briefTtlSeconds(),
                SentMessages.remembers(message, claim.chatId()));
    }

    /** Removes the message, records it failed and reschedules the chat for {@code nextAt}. */
    Finish settleFailed(Claim claim, String outgoingId, String reason, int attempts, long at, long nextAt) {
        return settle(claim, outgoingId, "failed", "", reason, attempts, at, nextAt, ttlSeconds(), false);
    }

    /**
     * Removes the message without sending it: a newer message made it pointless. Its record is
     * kept {@link #BRIEF_RECORD_KEPT} at most: nothing edits a message that was never sent, and a
     * group's progress edits, most of them superseded, were two thirds of its delivery records.
     */
    Finish settleSuperseded(Claim claim, String outgoingId, String reason, int attempts, long at) {
        return settle(claim, outgoingId, "superseded", "", reason, attempts, at, at, briefTtlSeconds(), false);
    }

    private String briefTtlSeconds() {
        return Long.toString(Math.min(BRIEF_RECORD_KEPT.toSeconds(), properties.deliveryTtl().toSeconds()));
    }

    /**
     * How long the record of a message nothing will name is kept: one superseded before it was sent,
     * or one that posts none.
     */
    static final java.time.Duration BRIEF_RECORD_KEPT = java.time.Duration.ofDays(1);

    private Finish settle(Claim claim, String outgoingId, String status, String messageId, String reason,
                        int attempts, long at, long nextAt, String recordTtlSeconds, boolean remembers) {
        boolean remembered = remembers && messageId != null && !messageId.isEmpty() && outgoingId != null;
        return new Finish(SETTLE, claim,
                List.of(OutboxKeys.ready(claim.lane()), OutboxKeys.queue(claim.lane(), claim.chatId()),
                        outgoingId == null ? OutboxKeys.NONE : DispatchKeys.delivery(outgoingId),
                        remembered ? DispatchKeys.sentMessages(claim.chatId()) : OutboxKeys.NONE),
                List.of(claim.claimScore(), claim.headJson(), Long.toString(nextAt), claim.chatId(), status,
                        messageId == null ? "" : messageId, reason == null ? "" : reason, Integer.toString(attempts),
                        Long.toString(at), recordTtlSeconds, OutboxKeys.laneName(claim.lane()),
                        queuePrefix(claim.lane()), DispatchKeys.ALIAS_PREFIX, SENT_MESSAGES_KEPT_SECONDS,
                        outgoingId == null ? "" : outgoingId),
                answered, () -> { }, "sent".equals(status));
    }

    /** Gives the chat back until {@code until}, leaving the message where it is. */
    Finish defer(Claim claim, long until, long now) {
        return defer(claim, until, null, 0, "", now);
    }

    /** Gives the chat back until {@code until} and notes a failed attempt on the message's record. */
    Finish deferAttempt(Claim claim, long until, String outgoingId, int attempts, String reason, long at) {
        return defer(claim, until, outgoingId, attempts, reason, at);
    }

    /**
     * Gives the chat back until {@code until} without claiming another: a worker that stops hands
     * back the chat it claimed last, so it need not wait for the lease.
     */
    void release(Claim claim, long until) {
        redis.execute(DispatchScripts.DEFER, deferKeys(claim, null), deferArgs(claim, until, 0, "", until).toArray());
    }

    private Finish defer(Claim claim, long until, String outgoingId, int attempts, String reason, long at) {
        return new Finish(DEFER, claim, deferKeys(claim, outgoingId), deferArgs(claim, until, attempts, reason, at),
                answered, () -> { }, false);
    }

    private static List<String> deferKeys(Claim claim, String outgoingId) {
        return List.of(OutboxKeys.ready(claim.lane()), OutboxKeys.queue(claim.lane(), claim.chatId()),
                outgoingId == null ? OutboxKeys.NONE : DispatchKeys.delivery(outgoingId));
    }

    private List<String> deferArgs(Claim claim, long until, int attempts, String reason, long at) {
        return List.of(claim.claimScore(), Long.toString(until), claim.chatId(), Integer.toString(attempts),
                reason == null ? "" : reason, Long.toString(at), ttlSeconds(), OutboxKeys.laneName(claim.lane()));
    }

    /** Marks the chat forbidden and drops all it had pending; returns the dropped JSON, in order. */
    List<String> forbid(String chatId, String reason, long at) {
        List<?> reply = redis.execute(DispatchScripts.FORBID,
                List.of(OutboxKeys.ready(Lane.CONVERSATION), OutboxKeys.ready(Lane.BROADCAST),
                        OutboxKeys.queue(Lane.CONVERSATION, chatId), OutboxKeys.queue(Lane.BROADCAST, chatId),
                        DispatchKeys.forbidden(chatId)),
                chatId, reason, Long.toString(at), DispatchKeys.DELIVERY_PREFIX, ttlSeconds());
        restampAnswered();
        return reply.stream().map(String.class::cast).toList();
    }

    /** Moves the chat's queues in front of the new id's and links the old id to the new one. */
    long migrate(String oldChatId, String newChatId, long now) {
        Long moved = redis.execute(DispatchScripts.MIGRATE,
                List.of(OutboxKeys.ready(Lane.CONVERSATION), OutboxKeys.ready(Lane.BROADCAST),
                        OutboxKeys.queue(Lane.CONVERSATION, oldChatId), OutboxKeys.queue(Lane.BROADCAST, oldChatId),
                        OutboxKeys.queue(Lane.CONVERSATION, newChatId), OutboxKeys.queue(Lane.BROADCAST, newChatId),
                        DispatchKeys.alias(oldChatId)),
                oldChatId, newChatId, Long.toString(now));
        restampAnswered();
        return moved;
    }

    /** After an outcome committed on its own (not followed by a claim): the answered send's slots, in a call of their own. */
    private void restampAnswered() {
        if (answered != null) {
            redis.execute(DispatchScripts.ANSWERED, answeredKeys(answered), answeredArgs(answered).toArray());
        }
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

    private static final String QUEUE_PREFIX_CONVERSATION = OutboxKeys.queue(Lane.CONVERSATION, "");
    private static final String QUEUE_PREFIX_BROADCAST = OutboxKeys.queue(Lane.BROADCAST, "");
    private static final String SENT_MESSAGES_KEPT_SECONDS = Long.toString(DispatchKeys.SENT_MESSAGES_KEPT.toSeconds());

    private static String queuePrefix(Lane lane) {
        return lane == Lane.CONVERSATION ? QUEUE_PREFIX_CONVERSATION : QUEUE_PREFIX_BROADCAST;
    }
}
