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
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Drains the outbox ({@link id.rembug.bot.channel.OutboxKeys}) to the chat platforms, within
 * their rate limits, each message exactly once as far as the platform's answers allow.
 *
 * <p>Several instances may share one Redis. A worker claims one ready chat at a time with a
 * lease (its ready score moves to now + lease), sends that chat's oldest message, and commits
 * the outcome in one Lua script that also reschedules the chat: so a chat's messages go out
 * one at a time and in order, and a chat whose worker died is picked up again once the lease
 * runs out. The conversation lane is always claimed first.
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
    /** How often a chat whose head is a waiting progress edit is looked at again. */
    private static final long EDIT_RECHECK_MILLIS = 250;
    private static final String GAVE_WAY = "gave way to the messages queued after it";

    private final OutboxStore store;
    private final DispatchProperties properties;
    private final Supplier<List<ChatGateway>> gateways;
    private final Supplier<List<DeliveryListener>> listeners;
    private final DispatchStats stats;
    private final Clock clock;
    private final RandomGenerator random;
    private final String instanceId = UUID.randomUUID().toString();
    private final AtomicLong sends = new AtomicLong();
    private final Object idle = new Object();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

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
     * One pass, as a worker makes it: claims at most one ready chat and deals with its oldest
     * message (sends it, or puts the chat back for later). The worker threads call this in a
     * loop; tests and benchmarks may call it directly instead of starting the dispatcher.
     *
     * @return whether a chat was claimed (false: nothing was due)
     */
    public boolean runOnce() {
        return pass().claim() != null;
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

    /** Wakes idle workers of this instance at once (for a producer that just enqueued). */
    public void wakeUp() {
        synchronized (idle) {
            idle.notifyAll();
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
        wakeUp();
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
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                OutboxStore.Poll poll = pass();
                failuresInARow = 0;
                if (poll.claim() == null) {
                    pause(idleMillis(poll.nextDueAt()));
                }
            } catch (RuntimeException e) {
                // Redis away or a bug: keep the worker alive; a claimed chat comes back after its lease
                failuresInARow++;
                if (failuresInARow == 1 || failuresInARow % 100 == 0) {
                    log.warn("Dispatch pass failed ({} in a row); retrying: {}", failuresInARow, SafeLog.describe(e));
                }
                pause(Math.min(MAX_ERROR_PAUSE_MILLIS, properties.idlePoll().toMillis() * failuresInARow));
            }
        }
    }

    private long idleMillis(long nextDueAt) {
        long poll = properties.idlePoll().toMillis();
        if (nextDueAt < 0) {
            return poll;
        }
        return Math.max(1, Math.min(poll, nextDueAt - clock.millis()));
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

    private OutboxStore.Poll pass() {
        OutboxStore.Poll poll = store.claim(clock.millis());
        if (poll.claim() != null) {
            handle(poll.claim());
        }
        return poll;
    }

    private void handle(OutboxStore.Claim claim) {
        long now = clock.millis();
        Outgoing stored;
        try {
            stored = ChannelCodec.readOutgoing(claim.headJson());
        } catch (RuntimeException e) {
            log.error("Dropping an unreadable outbox entry for chat {}: {}", claim.chatId(), SafeLog.describe(e));
            store.settleFailed(claim, null, "unreadable: " + e.getClass().getSimpleName(), claim.attempts(), now, now);
            stats.failed(claim.lane());
            return;
        }
        // after a migration the stored message still names the old chat
        Outgoing message = stored.addressedTo(claim.chatId());
        if (claim.forbidden() != null) {
            store.settleFailed(claim, message.id(), claim.forbidden(), claim.attempts(), now, now);
            stats.forbidden(claim.lane(), 1);
            notifyListeners(l -> l.onWithheld(message, claim.forbidden()));
            return;
        }
        Optional<ChatGateway> gateway = ChatGateway.forChat(gateways.get().stream(), claim.chatId());
        if (gateway.isEmpty()) {
            fail(claim, message, "no gateway handles chat " + claim.chatId(), claim.attempts(), now, now);
            return;
        }
        // stopping a poll and pinning name our earlier message, like an edit, but are never skipped
        Outgoing toSend = message.kind() == Outgoing.Kind.EDIT ? resolveEdit(claim, message, now)
                : message.refersToEarlier() ? editedMessage(claim, message, now) : message;
        if (toSend == null) {
            return;
        }
        long nextAt = now;
        boolean group = gateway.get().isGroup(claim.chatId());
        // answers to button presses take no slot, so they have none to give back
        String slotMember = null;
        if (message.kind() != Outgoing.Kind.CALLBACK_ANSWER) {
            boolean edit = message.kind() == Outgoing.Kind.EDIT || message.kind() == Outgoing.Kind.STOP_POLL;
            // the slot is stamped with the time it is taken, not when the claim began: a slow pass
            // (a loaded machine) must not send early by the windows' count
            long slotAt = clock.millis();
            String member = instanceId + ":" + sends.incrementAndGet();
            OutboxStore.Acquisition slot = store.acquire(claim, slotAt, group, member, edit);
            if (slot.waitMillis() > 0 && message.kind() == Outgoing.Kind.EDIT && !message.lasting()
                    && anyMessage(behind(claim))) {
                // progress is worth less than what waits behind it: the question goes first, and
                // the next answer's edit shows the progress again
                supersede(claim, message, GAVE_WAY, now);
                return;
            }
            if (slot.waitMillis() > 0) {
                // a waiting edit is looked at again soon, so a message queued meanwhile need not wait
                store.defer(claim, slotAt + (edit ? Math.min(slot.waitMillis(), EDIT_RECHECK_MILLIS)
                        : slot.waitMillis()));
                stats.rateDeferred(claim.lane());
                return;
            }
            nextAt = slot.nextChatAt();
            slotMember = member;
        }
        long sendStarted = System.nanoTime();
        SendResult result = send(gateway.get(), toSend);
        stats.sendTook(claim.lane(), System.nanoTime() - sendStarted);
        long after = clock.millis();
        int attempt = claim.attempts() + 1;
        if (result instanceof SendResult.Sent sent) {
            store.settleSent(claim, message.id(), sent.messageId(), attempt, after, Math.max(after, nextAt));
            stats.sent(claim.lane());
            notifyListeners(l -> l.onSent(message, sent.messageId()));
        } else if (result instanceof SendResult.RetryAfter retryAfter) {
            // Telegram's retry_after, honoured to the second; not a failed attempt
            store.defer(claim, after + Math.max(0, retryAfter.seconds()) * 1000L);
            stats.retried429(claim.lane());
        } else if (result instanceof SendResult.Transient failure) {
            if (attempt >= properties.retry().maxAttempts()) {
                fail(claim, message, "gave up after " + attempt + " attempts: " + failure.reason(), attempt, after,
                        after);
            } else {
                store.deferAttempt(claim, after + backoffMillis(attempt), message.id(), attempt, failure.reason(),
                        after);
                stats.transientRetry(claim.lane());
            }
        } else if (result instanceof SendResult.Forbidden forbidden) {
            List<Outgoing> dropped = store.forbid(claim.chatId(), forbidden.reason(), after).stream()
                    .flatMap(json -> readable(json).stream()).toList();
            dropped.forEach(m -> stats.forbidden(m.lane(), 1));
            log.info("Chat {} forbids the bot ({}); dropped {} messages", claim.chatId(), forbidden.reason(),
                    dropped.size());
            notifyListeners(l -> l.onForbidden(claim.chatId(), forbidden.reason(), dropped));
        } else if (result instanceof SendResult.Migrated migrated) {
            String newChatId = migrated.newChatId();
            if (newChatId == null || newChatId.isBlank() || newChatId.equals(claim.chatId())) {
                fail(claim, message, "migrated to an unusable chat id: " + newChatId, attempt, after, after);
            } else {
                store.migrate(claim.chatId(), newChatId, after);
                log.info("Chat {} migrated to {}; its queue follows", claim.chatId(), newChatId);
                notifyListeners(l -> l.onMigrated(claim.chatId(), newChatId));
            }
        } else if (result instanceof SendResult.Rejected rejected) {
            fail(claim, message, rejected.reason(), attempt, after, after);
        } else {
            throw new IllegalStateException("unknown send result " + result);
        }
        if (slotMember != null) {
            // after the outcome is safe: should this fail, the slots count only until the lease ends
            store.answered(claim, slotMember, group, after);
        }
    }

    /**
     * An edit goes out only while it is the newest edit of its message in the chat's queue (the
     * later one carries the newer text: the older is skipped, spending nothing), and only once the
     * message it changes was delivered; it then names that message by its platform id. A
     * {@linkplain Outgoing#lasting() lasting} edit is never skipped. Returns null when the edit was
     * settled without sending.
     */
    private Outgoing resolveEdit(OutboxStore.Claim claim, Outgoing edit, long now) {
        if (edit.lasting()) {
            // content, not progress: neither skipped nor made to give way, only pointed at its message
            return editedMessage(claim, edit, now);
        }
        List<Outgoing> behind = behind(claim);
        if (behind.stream().anyMatch(later -> later.kind() == Outgoing.Kind.EDIT && edit.editOf().equals(later.editOf()))) {
            supersede(claim, edit, "a newer edit of the same message follows", now);
            return null;
        }
        long due = edit.createdAt() == null ? now : edit.createdAt().toEpochMilli()
                + properties.limits().editDelay().toMillis();
        if (now < due) {
            if (anyMessage(behind)) {
                supersede(claim, edit, GAVE_WAY, now);
            } else {
                // More answers may come in the same breath: their edit will supersede this one. Looked
                // at again soon, not only when due, so a message queued meanwhile need not wait for it.
                store.defer(claim, Math.min(due, now + EDIT_RECHECK_MILLIS));
            }
            return null;
        }
        return editedMessage(claim, edit, now);
    }

    /** The edit naming its message by the platform's id; null (settled as failed) when that message was not delivered. */
    private Outgoing editedMessage(OutboxStore.Claim claim, Outgoing edit, long now) {
        Optional<Delivery> target = edit.editOf() == null ? Optional.empty() : delivery(edit.editOf());
        String platformId = target.map(Delivery::messageId).orElse(null);
        if (platformId == null) {
            fail(claim, edit, "the message to edit (" + edit.editOf() + ") was not delivered", claim.attempts(), now,
                    now);
            return null;
        }
        return edit.replyingTo(platformId);
    }

    /** Ends a progress edit's life unsent: a newer edit or a real message made it pointless. */
    private void supersede(OutboxStore.Claim claim, Outgoing edit, String reason, long now) {
        store.settleSuperseded(claim, edit.id(), reason, claim.attempts(), now);
        stats.superseded(claim.lane());
    }

    /** What the claimed chat has queued after the message being handled. */
    private List<Outgoing> behind(OutboxStore.Claim claim) {
        return store.queued(claim).stream().skip(1).flatMap(json -> readable(json).stream()).toList();
    }

    /** Whether a real message (not a progress edit) is among them: progress gives way to it. */
    private static boolean anyMessage(List<Outgoing> queued) {
        return queued.stream().anyMatch(later -> later.kind() != Outgoing.Kind.EDIT);
    }

    private void fail(OutboxStore.Claim claim, Outgoing message, String reason, int attempts, long at, long nextAt) {
        store.settleFailed(claim, message.id(), reason, attempts, at, nextAt);
        stats.failed(claim.lane());
        notifyListeners(l -> l.onFailed(message, reason));
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
