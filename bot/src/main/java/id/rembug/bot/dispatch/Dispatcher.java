package id.rembug.bot.dispatch;

import id.rembug.bot.logging.SafeLog;
import id.rembug.bot.channel.ChannelCodec;
import id.rembug.bot.channel.ChatGateway;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.channel.Outgoing.Lane;
import id.rembug.bot.channel.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Drains the outbox ({@link id.rembug.bot.channel.OutboxKeys}) to the chat platforms, within
 * their rate limits, each message exactly once as far as the platform's answers allow.
 *
 * <p>Several instances may share one Redis. A worker claims a batch of ready chats at a time
 * ({@code batch}), each with a lease (its ready score moves to now + lease), sends each chat's
 * oldest message, and commits the outcomes in one Lua script that also reschedules the chats and
 * claims the worker's next batch: so a chat's messages go out one at a time and in order, and a
 * chat whose worker died is picked up again once the lease runs out. The conversation lane is
 * always claimed first. The claim also takes each head's slots in the limits when it is to go
 * now, so a batch costs one round trip to Redis besides its sends: the outcomes, with the next
 * claim and its slots.
 *
 * <p>Exactly once, as far as the platform allows: a message leaves the queue in the same script
 * that records it sent, and only its own claim may remove it. What no outbox can close is the
 * moment between the platform accepting a message and that script: if the instance dies there,
 * the message is sent again once the lease runs out. A send that outlasts the lease may likewise
 * be repeated by the next worker, so keep the lease well above the gateway's time-out.
 *
 * <p>Telegram counts a message against its limits when the request reaches it, somewhere between
 * our request and its answer. So a send's slots in Telegram's limits count as on their way until
 * the answer and from the answer's time after it ({@code answered.lua}): however late a request
 * arrives, Telegram never counts more in a window than the limits allow.
 *
 * <p>Time comes from the injected {@link Clock} (the limits' windows included), so instances'
 * clocks should be kept in sync (NTP); a skew of a few ms only shifts a window by as much.
 */
public final class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final long JOIN_MILLIS = 10_000;
    private static final long MAX_ERROR_PAUSE_MILLIS = 5_000;
    private static final String GAVE_WAY = "gave way to the messages queued after it";

    private final OutboxStore store;
    private final DispatchProperties properties;
    private final Supplier<List<ChatGateway>> gateways;
    private final Supplier<List<DeliveryListener>> listeners;
    private final DispatchStats stats;
    private final Clock clock;
    private final RandomGenerator random;
    private final Object idle = new Object();
    /**
     * Wake-ups so far, guarded by {@link #idle}. A worker notes the count before it looks at the
     * outbox and sleeps only if it has not moved: a message enqueued (and its wake-up given) while
     * the worker was still finding nothing to do would otherwise wait for the idle poll.
     */
    private long wakeUps;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;
    /** The chats {@link #runOnce} claimed with the last outcomes it committed, handled by its next call. */
    private List<OutboxStore.Claim> carried = List.of();

    /**
     * @param gateways  the platforms, asked in order which one {@link ChatGateway#handles} a chat;
     *                  looked up on each send, so beans may be resolved lazily
     * @param listeners told of every outcome, looked up the same way
     * @param random    the backoff's jitter
     */
    public Dispatcher(StringRedisTemplate redis, DispatchProperties properties, Supplier<List<ChatGateway>> gateways,
                      Supplier<List<DeliveryListener>> listeners, DispatchStats stats, Clock clock,
                      RandomGenerator random) {
        this.store = new OutboxStore(redis, properties);
        this.properties = properties;
        this.gateways = gateways;
        this.listeners = listeners;
        this.stats = stats;
        this.clock = clock;
        this.random = random;
    }

    /**
     * One pass, as a worker makes it: deals with the oldest message of each chat of one batch of
     * ready chats and with the run claimed behind it (sends it, or puts the chat back for later).
     * Like a worker, it claims the next batch in the step that commits the outcomes and deals with
     * those on its next call. For tests and benchmarks, in place of starting the dispatcher; not to
     * be called from several threads at once.
     *
     * @return whether a chat was dealt with (false: nothing was due)
     */
    public synchronized boolean runOnce() {
        List<OutboxStore.Claim> claims = !carried.isEmpty() ? carried : counted(store.claim(clock.millis())).claims();
        carried = List.of();
        if (claims.isEmpty()) {
            return false;
        }
        carried = counted(handleAll(claims, () -> false)).claims();
        return true;
    }

    /** Lets the chat receive messages again (the bot was re-added, the user started it). */
    public void clearForbidden(String chatId) {
        store.clearForbidden(chatId);
    }

    /** Why the bot may not write to this chat, if that was recorded. */
    public Optional<String> forbiddenReason(String chatId) {
        return store.forbiddenReason(chatId);
    }

    /** What became of an outgoing message, while its record lasts. */
    public Optional<Delivery> delivery(String outgoingId) {
        Map<Object, Object> hash = store.delivery(outgoingId);
        return hash.isEmpty() ? Optional.empty() : Optional.of(Delivery.of(hash));
    }

    public DispatchStats stats() {
        return stats;
    }

    /**
     * Wakes an idle worker of this instance at once (for a producer that just enqueued). One, not
     * all: a commit usually enqueues for one chat, and each woken worker runs a claim; the one that
     * claims a chat wakes the next while others are due ({@link OutboxStore.Poll#othersDue}).
     */
    public void wakeUp() {
        signal(false);
    }

    /** Counts a wake-up and wakes one idle worker, or every one (on stopping). */
    private void signal(boolean everyWorker) {
        synchronized (idle) {
            wakeUps++;
            if (everyWorker) {
                idle.notifyAll();
            } else {
                idle.notify();
            }
        }
    }

    private long wakeUpsSoFar() {
        synchronized (idle) {
            return wakeUps;
        }
    }

    // --- lifecycle ---------------------------------------------------------------------------

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < properties.workers(); i++) {
            Thread worker = new Thread(this::work, "rembug-dispatch-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        log.info("Dispatcher started with {} workers", properties.workers());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        signal(true);
        long deadline = System.currentTimeMillis() + JOIN_MILLIS;
        for (Thread worker : workers) {
            try {
                worker.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.enabled();
    }

    private void work() {
        int failuresInARow = 0;
        List<OutboxStore.Claim> next = List.of();
        // claims a failed pass may have left leased to nobody, handed back once Redis answers again
        List<String> inDoubt = new ArrayList<>();
        while (running && !Thread.currentThread().isInterrupted()) {
            long wakeUpsBefore = wakeUpsSoFar();
            List<OutboxStore.Claim> handling = next;
            try {
                if (!inDoubt.isEmpty()) {
                    store.releaseInDoubt(inDoubt, clock.millis());
                    log.info("Handed back the chats of {} claims a failed pass left in doubt", inDoubt.size());
                    inDoubt.clear();
                }
                OutboxStore.Poll poll = counted(!next.isEmpty() ? handleAll(next, () -> !running)
                        : store.claim(clock.millis()));
                next = poll.claims();
                failuresInARow = 0;
                if (next.isEmpty()) {
                    idle(idleMillis(poll.nextDueAt()), wakeUpsBefore);
                } else if (poll.othersDue()) {
                    wakeUp();
                }
            } catch (RuntimeException e) {
                // Redis away or a bug: keep the worker alive. Chats claimed in a step Redis may have run
                // go on once Redis answers again; one a bug stopped comes back after its lease.
                if (e instanceof OutboxStore.ClaimInDoubt doubt) {
                    inDoubt.addAll(doubt.claimScores());
                } else if (!handling.isEmpty() && e instanceof DataAccessException) {
                    handling.forEach(claim -> inDoubt.add(claim.claimScore()));
                }
                // a claim score is its lease's end: one that has passed needs no handing back
                long failedAt = clock.millis();
                inDoubt.removeIf(score -> Double.parseDouble(score) <= failedAt);
                next = List.of();
                failuresInARow++;
                if (failuresInARow == 1 || failuresInARow % 100 == 0) {
                    log.warn("Dispatch pass failed ({} in a row); retrying: {}", failuresInARow, SafeLog.describe(e));
                }
                pause(Math.min(MAX_ERROR_PAUSE_MILLIS, properties.idlePoll().toMillis() * failuresInARow));
            }
        }
        next.forEach(this::release);
    }

    /** Counts the chats the poll's claim held back for a limit as put back for one; returns the poll. */
    private OutboxStore.Poll counted(OutboxStore.Poll poll) {
        stats.rateDeferred(Lane.CONVERSATION, poll.heldForLimits().conversations());
        stats.rateDeferred(Lane.BROADCAST, poll.heldForLimits().broadcasts());
        return poll;
    }

    /** Hands back a chat claimed but not dealt with, at once, rather than after its lease. */
    private void release(OutboxStore.Claim claim) {
        try {
            store.release(claim, clock.millis());
        } catch (RuntimeException e) {
            log.warn("Could not hand back chat {} on stopping; it is taken up again after its lease: {}",
                    claim.chatId(), SafeLog.describe(e));
        }
    }

    private long idleMillis(long nextDueAt) {
        long poll = properties.idlePoll().toMillis();
        if (nextDueAt < 0) {
            return poll;
        }
        return Math.max(1, Math.min(poll, nextDueAt - clock.millis()));
    }

    /** Sleeps until woken or {@code millis} pass, unless a wake-up came since {@code wakeUpsBefore}. */
    private void idle(long millis, long wakeUpsBefore) {
        synchronized (idle) {
            if (wakeUps != wakeUpsBefore) {
                return;
            }
            pause(millis);
        }
    }

    private void pause(long millis) {
        synchronized (idle) {
            if (!running) {
                return;
            }
            try {
                idle.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // ends this worker only
            }
        }
    }

    // --- one pass ----------------------------------------------------------------------------

    /**
     * Deals with the oldest message of each claimed chat, in the order claimed, and with the run of
     * messages claimed behind it (each only once the one before was delivered), then commits their
     * outcomes together with the next claim; returns that claim. A chat whose handling fails on the
     * way (Redis away while committing an outcome of its own, a bug) is left to its lease or to the
     * in-doubt hand-back, and the batch's other outcomes are still committed: their messages went.
     * The rest of the batch is handed back unsent, to be claimed afresh, when a worker is stopping
     * ({@code stopping}), and after an outcome that moved queues on its own (a chat that forbids
     * the bot, a migrated group), which a later chat of the batch may have been claimed before.
     */
    private OutboxStore.Poll handleAll(List<OutboxStore.Claim> claims, BooleanSupplier stopping) {
        List<OutboxStore.Finish> finishes = new ArrayList<>(claims.size());
        List<String> failed = new ArrayList<>();
        RuntimeException trouble = null;
        boolean handBack = false;
        // how the claim before ended when that is the last of `finishes`, else null
        OutboxStore.Finish before = null;
        for (OutboxStore.Claim claim : claims) {
            handBack |= stopping.getAsBoolean();
            if (claim.follows()) {
                if (handBack || before == null || !before.delivered()) {
                    // the run stopped before it: it waits for the next claim, and the ending that
                    // stopped the run reschedules the chat
                    before = handBack(claim).leavingSchedule();
                    finishes.add(before);
                    continue;
                }
                // the run goes on: its last ending reschedules the chat
                finishes.set(finishes.size() - 1, before.leavingSchedule());
            } else if (handBack) {
                before = handBack(claim);
                finishes.add(before);
                continue;
            }
            before = null;
            try {
                OutboxStore.Finish finish = handle(claim);
                if (finish != null) {
                    finishes.add(finish);
                    before = finish;
                } else {
                    handBack = true;
                }
            } catch (RuntimeException e) {
                trouble = e;
                failed.add(claim.claimScore());
                log.warn("Dispatching to chat {} failed; its batch's other outcomes are committed: {}", claim.chatId(),
                        SafeLog.describe(e));
            }
        }
        OutboxStore.Poll poll;
        try {
            poll = store.finishThenClaim(finishes, clock.millis());
        } catch (OutboxStore.ClaimInDoubt doubt) {
            List<String> scores = new ArrayList<>(doubt.claimScores());
            if (trouble instanceof DataAccessException) {
                scores.addAll(failed);
            }
            throw new OutboxStore.ClaimInDoubt(scores, doubt);
        }
        finishes.forEach(finish -> finish.committed().run());
        if (trouble instanceof DataAccessException && !failed.isEmpty()) {
            // Redis failed under one chat's own step but answered the batch's: that chat goes on now
            store.releaseInDoubt(failed, clock.millis());
        }
        return poll;
    }

    /** Gives a claimed chat back, due now, its message unsent. */
    private OutboxStore.Finish handBack(OutboxStore.Claim claim) {
        long now = clock.millis();
        return unsent(claim, now).defer(claim, now, now);
    }

    /**
     * The store to end a claim with whose message does not go: the slots its claim took count
     * from {@code now}, not as on their way.
     */
    private OutboxStore unsent(OutboxStore.Claim claim, long now) {
        OutboxStore.Slot slot = claim.slot();
        return slot != null && slot.taken()
                ? store.answering(claim, slot.member(), ChatGateway.isGroupChat(claim.chatId()), now) : store;
    }

    /**
     * Deals with the claimed chat's oldest message: sends it, or decides it does not go now.
     * Returns how the claim ends, to be committed with the batch's other outcomes, or null when the
     * outcome was committed on its own (a chat that forbids the bot, a migrated group).
     */
    private OutboxStore.Finish handle(OutboxStore.Claim claim) {
        long now = clock.millis();
        boolean group = ChatGateway.isGroupChat(claim.chatId());
        OutboxStore.Slot slot = claim.slot();
        OutboxStore unsent = unsent(claim, now);
        Outgoing stored;
        try {
            stored = ChannelCodec.readOutgoing(claim.headJson());
        } catch (RuntimeException e) {
            log.error("Dropping an unreadable outbox entry for chat {}: {}", claim.chatId(), SafeLog.describe(e));
            return unsent.settleFailed(claim, null, "unreadable: " + e.getClass().getSimpleName(), claim.attempts(), now,
                    now).then(() -> stats.failed(claim.lane()));
        }
        // after a migration the stored message still names the old chat
        Outgoing message = stored.addressedTo(claim.chatId());
        if (claim.forbidden() != null) {
            return unsent.settleFailed(claim, message.id(), claim.forbidden(), claim.attempts(), now, now).then(() -> {
                stats.forbidden(claim.lane(), 1);
                notifyListeners(l -> l.onWithheld(message, claim.forbidden()));
            });
        }
        Optional<ChatGateway> gateway = ChatGateway.forChat(gateways.get().stream(), claim.chatId());
        if (gateway.isEmpty()) {
            return fail(unsent, claim, message, "no gateway handles chat " + claim.chatId(), claim.attempts(), now, now);
        }
        // stopping a poll and pinning name our earlier message, like an edit, but are never skipped
        if (message.kind() == Outgoing.Kind.EDIT && !message.lasting()) {
            OutboxStore.Finish unsentEdit = holdProgress(unsent, claim, message, now);
            if (unsentEdit != null) {
                return unsentEdit;
            }
        }
        if (message.refersToEarlier() && claim.earlierMessageId() == null) {
            return fail(unsent, claim, message, "the message to edit (" + message.editOf() + ") was not delivered",
                    claim.attempts(), now, now);
        }
        Outgoing toSend = message.refersToEarlier() ? message.replyingTo(claim.earlierMessageId()) : message;
        long nextAt = now;
        // answers to button presses take no slot, so they have none to give back
        String slotMember = null;
        if (message.kind() != Outgoing.Kind.CALLBACK_ANSWER) {
            if (slot == null) {
                // the claim judged the message not to go yet where this worker judges it due (a creation
                // time only one of them could read): it takes its slots when claimed again
                log.debug("Chat {}'s message {} had no slots from its claim; looking again shortly", claim.chatId(),
                        message.id());
                return store.defer(claim, now + OutboxStore.EDIT_RECHECK_MILLIS, now);
            }
            if (!slot.taken() && message.kind() == Outgoing.Kind.EDIT && !message.lasting()
                    && claim.messageFollows()) {
                // progress is worth less than what waits behind it: the question goes first, and
                // the next answer's edit shows the progress again
                return supersede(store, claim, message, GAVE_WAY, now);
            }
            if (!slot.taken()) {
                // a waiting edit is looked at again soon, so a message queued meanwhile need not wait
                boolean edit = message.kind() == Outgoing.Kind.EDIT || message.kind() == Outgoing.Kind.STOP_POLL;
                return store.defer(claim, claim.claimedAt() + (edit
                        ? Math.min(slot.waitMillis(), OutboxStore.EDIT_RECHECK_MILLIS) : slot.waitMillis()), now)
                        .then(() -> stats.rateDeferred(claim.lane(), 1));
            }
            nextAt = slot.nextChatAt();
            slotMember = slot.member();
        }
        long sendStarted = System.nanoTime();
        SendResult result = send(gateway.get(), toSend);
        stats.sendTook(claim.lane(), System.nanoTime() - sendStarted);
        long after = clock.millis();
        // the slots the send took count from its answer: restamped in the step that commits the outcome
        OutboxStore outcome = slotMember == null ? store : store.answering(claim, slotMember, group, after);
        return commit(outcome, claim, message, result, after, nextAt);
    }

    /** How the claim ends after what the platform answered, as {@link #handle} returns it. */
    private OutboxStore.Finish commit(OutboxStore outcome, OutboxStore.Claim claim, Outgoing message, SendResult result,
                                    long after, long nextAt) {
        int attempt = claim.attempts() + 1;
        if (result instanceof SendResult.Sent sent) {
            return outcome.settleSent(claim, message, sent.messageId(), attempt, after, Math.max(after, nextAt))
                    .then(() -> {
                        stats.sent(claim.lane());
                        notifyListeners(l -> l.onSent(message, sent.messageId()));
                    });
        } else if (result instanceof SendResult.RetryAfter retryAfter) {
            // Telegram's retry_after, honoured to the second; not a failed attempt
            return outcome.defer(claim, after + Math.max(0, retryAfter.seconds()) * 1000L, after)
                    .then(() -> stats.retried429(claim.lane()));
        } else if (result instanceof SendResult.Transient failure) {
            if (attempt >= properties.retry().maxAttempts()) {
                return fail(outcome, claim, message, "gave up after " + attempt + " attempts: " + failure.reason(), attempt,
                        after, after);
            }
            return outcome.deferAttempt(claim, after + backoffMillis(attempt), message.id(), attempt, failure.reason(),
                    after).then(() -> stats.transientRetry(claim.lane()));
        } else if (result instanceof SendResult.Forbidden forbidden) {
            List<Outgoing> dropped = outcome.forbid(claim.chatId(), forbidden.reason(), after).stream()
                    .flatMap(json -> readable(json).stream()).toList();
            dropped.forEach(m -> stats.forbidden(m.lane(), 1));
            log.info("Chat {} forbids the bot ({}); dropped {} messages", claim.chatId(), forbidden.reason(),
                    dropped.size());
            notifyListeners(l -> l.onForbidden(claim.chatId(), forbidden.reason(), dropped));
            return null;
        } else if (result instanceof SendResult.Migrated migrated) {
            String newChatId = migrated.newChatId();
            if (newChatId == null || newChatId.isBlank() || newChatId.equals(claim.chatId())) {
                return fail(outcome, claim, message, "migrated to an unusable chat id: " + newChatId, attempt, after, after);
            }
            outcome.migrate(claim.chatId(), newChatId, after);
            log.info("Chat {} migrated to {}; its queue follows", claim.chatId(), newChatId);
            notifyListeners(l -> l.onMigrated(claim.chatId(), newChatId));
            return null;
        } else if (result instanceof SendResult.Rejected rejected) {
            return fail(outcome, claim, message, rejected.reason(), attempt, after, after);
        } else {
            throw new IllegalStateException("unknown send result " + result);
        }
    }

    /**
     * A progress edit goes out only while it is the newest edit of its message in the chat's
     * queue (the later one carries the newer text: the older is skipped, spending nothing), and
     * not before {@code edit-delay} after it was made. A {@linkplain Outgoing#lasting() lasting}
     * edit is content, not progress: never skipped nor made to give way. What is queued behind
     * the edit the claim read with it. Returns how the claim ends when the edit is settled or put
     * back unsent, null when it may go now.
     */
    private OutboxStore.Finish holdProgress(OutboxStore unsent, OutboxStore.Claim claim, Outgoing edit, long now) {
        if (claim.newerEditFollows()) {
            return supersede(unsent, claim, edit, "a newer edit of the same message follows", now);
        }
        long due = edit.createdAt() == null ? now : edit.createdAt().toEpochMilli()
                + properties.limits().editDelay().toMillis();
        // judged as of the claim, as the claim judged whether to take the edit's slots
        if (claim.claimedAt() >= due) {
            return null;
        }
        if (claim.messageFollows()) {
            return supersede(unsent, claim, edit, GAVE_WAY, now);
        }
        // More answers may come in the same breath: their edit will supersede this one. Looked
        // at again soon, not only when due, so a message queued meanwhile need not wait for it.
        return unsent.defer(claim, Math.min(due, now + OutboxStore.EDIT_RECHECK_MILLIS), now);
    }

    /** Ends a progress edit's life unsent: a newer edit or a real message made it pointless. */
    private OutboxStore.Finish supersede(OutboxStore outcome, OutboxStore.Claim claim, Outgoing edit, String reason,
                                         long now) {
        return outcome.settleSuperseded(claim, edit.id(), reason, claim.attempts(), now)
                .then(() -> stats.superseded(claim.lane()));
    }

    private OutboxStore.Finish fail(OutboxStore outcome, OutboxStore.Claim claim, Outgoing message, String reason,
                                    int attempts, long at, long nextAt) {
        return outcome.settleFailed(claim, message.id(), reason, attempts, at, nextAt).then(() -> {
            stats.failed(claim.lane());
            notifyListeners(l -> l.onFailed(message, reason));
        });
    }

    private static SendResult send(ChatGateway gateway, Outgoing message) {
        try {
            SendResult result = gateway.send(message);
            return result != null ? result : new SendResult.Transient("gateway gave no result");
        } catch (RuntimeException e) {
            // the contract says gateways do not throw; if one does, treat it as a passing failure
            return new SendResult.Transient(e.toString());
        }
    }

    /** 1 s, 2 s, 4 s ... up to the cap, each stretched by up to the jitter share. */
    long backoffMillis(int attempt) {
        DispatchProperties.Retry retry = properties.retry();
        long initial = retry.initialBackoff().toMillis();
        long cap = retry.maxBackoff().toMillis();
        int doublings = Math.min(attempt - 1, 40);
        long base = initial > (cap >> doublings) ? cap : Math.min(cap, initial << doublings);
        return base + (long) (base * retry.jitter() * random.nextDouble());
    }

    private void notifyListeners(Consumer<DeliveryListener> call) {
        for (DeliveryListener listener : listeners.get()) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                log.warn("Delivery listener {} failed: {}", listener.getClass().getName(), SafeLog.describe(e));
            }
        }
    }

    private static Optional<Outgoing> readable(String json) {
        try {
            return Optional.of(ChannelCodec.readOutgoing(json));
        } catch (RuntimeException e) {
            log.error("Unreadable outbox entry dropped: {}", SafeLog.describe(e));
            return Optional.empty();
        }
    }

}
