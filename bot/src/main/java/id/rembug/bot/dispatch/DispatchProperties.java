package id.rembug.bot.dispatch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the outbox dispatcher runs ({@code rembug.dispatch.*}). The limit defaults are Telegram's
 * published ones; every instance sharing one Redis shares the same limits.
 *
 * @param enabled     start the dispatcher with the application (off: nothing is sent)
 * @param workers     worker threads per instance; each handles one batch of chats at a time
 * @param batch       how many chats a worker claims at most in one step: it sends their messages
 *                    one after another and commits their outcomes, with its next claim, in one
 *                    round trip to Redis (1: one chat at a time)
 * @param lease       how long a claimed chat stays with its worker; after that (a crashed
 *                    worker) another worker may take it. Keep it well above the gateway's
 *                    request time-out, or a slow send may be repeated by the next worker. A
 *                    send without an answer (a crashed worker) holds its rate-limit slots as
 *                    long.
 * @param idlePoll    the longest a worker sleeps when no chat is due
 * @param deliveryTtl how long delivery records ({@code rembug:delivery:<id>}) are kept
 * @param retry       retries after server errors and time-outs
 * @param limits      the rate limits
 * @param paidBroadcast Telegram's paid broadcasts, off unless set (they cost Telegram Stars)
 */
@ConfigurationProperties("rembug.dispatch")
public record DispatchProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("4") int workers,
        @DefaultValue("8") int batch,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("200ms") Duration idlePoll,
        @DefaultValue("30d") Duration deliveryTtl,
        @DefaultValue Retry retry,
        @DefaultValue Limits limits,
        @DefaultValue PaidBroadcast paidBroadcast) {

    public DispatchProperties {
        requireAtLeastOne(workers, "workers");
        requireAtLeastOne(batch, "batch");
        requirePositive(lease, "lease");
        requirePositive(idlePoll, "idle-poll");
        require(deliveryTtl != null && deliveryTtl.toSeconds() >= 1, "delivery-ttl must be at least 1s");
        retry = retry == null ? Retry.defaults() : retry;
        limits = limits == null ? Limits.defaults() : limits;
        paidBroadcast = paidBroadcast == null ? PaidBroadcast.OFF : paidBroadcast;
    }

    /** The defaults, as Spring binds them when nothing is set. */
    public static DispatchProperties defaults() {
        return new DispatchProperties(true, 4, 8, Duration.ofSeconds(30), Duration.ofMillis(200),
                Duration.ofDays(30), Retry.defaults(), Limits.defaults(), PaidBroadcast.OFF);
    }

    public DispatchProperties withWorkers(int workers) {
        return new DispatchProperties(enabled, workers, batch, lease, idlePoll, deliveryTtl, retry, limits, paidBroadcast);
    }

    public DispatchProperties withBatch(int batch) {
        return new DispatchProperties(enabled, workers, batch, lease, idlePoll, deliveryTtl, retry, limits, paidBroadcast);
    }

    public DispatchProperties withLease(Duration lease) {
        return new DispatchProperties(enabled, workers, batch, lease, idlePoll, deliveryTtl, retry, limits, paidBroadcast);
    }

    public DispatchProperties withIdlePoll(Duration idlePoll) {
        return new DispatchProperties(enabled, workers, batch, lease, idlePoll, deliveryTtl, retry, limits, paidBroadcast);
    }

    public DispatchProperties withRetry(Retry retry) {
        return new DispatchProperties(enabled, workers, batch, lease, idlePoll, deliveryTtl, retry, limits, paidBroadcast);
    }

    public DispatchProperties withLimits(Limits limits) {
        return new DispatchProperties(enabled, workers, batch, lease, idlePoll, deliveryTtl, retry, limits, paidBroadcast);
    }

    public DispatchProperties withPaidBroadcast(PaidBroadcast paidBroadcast) {
        return new DispatchProperties(enabled, workers, batch, lease, idlePoll, deliveryTtl, retry, limits, paidBroadcast);
    }

    /**
     * Telegram's paid broadcasts (the Bot API's {@code allow_paid_broadcast} on sendMessage): the
     * broadcast lane's messages carry it and are held to {@code rate} a second of their own instead
     * of sharing the free {@code limits.global}, which the conversations then keep to themselves.
     * Telegram charges 0.1 Telegram Stars for each such message beyond the free 30 a second, from
     * the bot's balance; the per-chat and per-group limits still apply.
     *
     * @param enabled send broadcasts with {@code allow_paid_broadcast}
     * @param rate    broadcast messages a second (Telegram allows up to 1000)
     */
    public record PaidBroadcast(@DefaultValue("false") boolean enabled, @DefaultValue("1000") int rate) {

        public static final PaidBroadcast OFF = new PaidBroadcast(false, 1000);

        public PaidBroadcast {
            require(rate >= 1 && rate <= 1000, "paid-broadcast.rate must be between 1 and 1000");
        }
    }

    /**
     * Server errors and time-outs are retried after {@code initialBackoff}, doubling each time up
     * to {@code maxBackoff}, each wait stretched by a random share up to {@code jitter} (0.1: up
     * to 10% longer) so that many chats hit by one outage do not all come back at once.
     *
     * @param maxAttempts attempts in all, the first one included; then the message is failed
     */
    public record Retry(
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("5m") Duration maxBackoff,
            @DefaultValue("0.1") double jitter) {

        public Retry {
            requireAtLeastOne(maxAttempts, "retry.max-attempts");
            requirePositive(initialBackoff, "retry.initial-backoff");
            require(maxBackoff != null && maxBackoff.compareTo(initialBackoff) >= 0,
                    "retry.max-backoff must be at least retry.initial-backoff");
            require(jitter >= 0 && jitter <= 1, "retry.jitter must be between 0 and 1");
        }

        public static Retry defaults() {
            return new Retry(8, Duration.ofSeconds(1), Duration.ofMinutes(5), 0.1);
        }
    }

    /**
     * The limits, checked together before every send except answers to button presses.
     *
     * @param global       sends in any {@code globalWindow}, over all chats and instances, each
     *                     counted from Telegram's answer to it (the latest Telegram can have counted
     *                     it), so requests that reach Telegram late never make it count more
     * @param globalWindow the window of {@code global} and {@code broadcast}
     * @param broadcast    of those, at most this many from the broadcast lane; the broadcast lane
     *                     also waits whenever a conversation is due, so it only uses what the
     *                     conversations leave, and they always have {@code global - broadcast}
     * @param chatInterval one send per this interval per chat, on average...
     * @param chatBurst    ...with bursts of up to this many (a token bucket of this size that
     *                     refills one token per interval, kept as GCRA: one number per chat)
     * @param group        sends in any {@code groupWindow} to one group chat (on top of the
     *                     per-chat limit)
     * @param groupWindow  the window of {@code group}
     * @param editReserve  of a group's {@code group} sends, this many are kept for messages: a
     *                     progress edit goes only while the window has more than this many free,
     *                     and only when the chat is rested (no burst), so it never delays a question;
     *                     a reserve as large as {@code group} leaves edits one slot
     * @param editDelay    a progress edit waits this long after the answer that caused it, so the
     *                     answers that come together (five in the same second) cost one edit: the
     *                     newest; a message queued meanwhile goes first
     */
    public record Limits(
            @DefaultValue("30") int global,
            @DefaultValue("1s") Duration globalWindow,
            @DefaultValue("29") int broadcast,
            @DefaultValue("1s") Duration chatInterval,
            @DefaultValue("3") int chatBurst,
            @DefaultValue("20") int group,
            @DefaultValue("1m") Duration groupWindow,
            @DefaultValue("8") int editReserve,
            @DefaultValue("3s") Duration editDelay) {

        public Limits {
            requireAtLeastOne(global, "limits.global");
            requirePositive(globalWindow, "limits.global-window");
            require(broadcast >= 1 && broadcast <= global, "limits.broadcast must be between 1 and limits.global");
            requirePositive(chatInterval, "limits.chat-interval");
            requireAtLeastOne(chatBurst, "limits.chat-burst");
            requireAtLeastOne(group, "limits.group");
            requirePositive(groupWindow, "limits.group-window");
            require(editReserve >= 0, "limits.edit-reserve must be at least 0");
            require(editDelay != null && !editDelay.isNegative(), "limits.edit-delay must be 0 or more");
        }

        public static Limits defaults() {
            return new Limits(30, Duration.ofSeconds(1), 29, Duration.ofSeconds(1), 3, 20, Duration.ofMinutes(1), 8,
                    Duration.ofSeconds(3));
        }
    }

    private static void requirePositive(Duration duration, String name) {
        require(duration != null && !duration.isNegative() && !duration.isZero(), name + " must be positive");
    }

    private static void requireAtLeastOne(int value, String name) {
        require(value >= 1, name + " must be at least 1");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("rembug.dispatch: " + message);
        }
    }
}
