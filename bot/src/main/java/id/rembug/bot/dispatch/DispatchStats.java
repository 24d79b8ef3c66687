package id.rembug.bot.dispatch;

import id.rembug.bot.channel.Outgoing.Lane;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of what this instance's dispatcher did, per lane, since it started; for reports and
 * benchmarks (every instance keeps its own). {@code failed} and {@code forbidden} are messages
 * given up, counted apart: together they are everything that was not delivered.
 */
public final class DispatchStats {

    /**
     * @param sent             delivered
     * @param retried429       put back because the platform answered 429 (retry after)
     * @param transientRetries put back after a server error or time-out, to try again
     * @param failed           given up: rejected, out of retries, or no gateway for the chat
     * @param forbidden        dropped because the chat forbids the bot
     * @param rateDeferred     put back because one of our own limits said not yet
     * @param superseded       edits skipped because a newer edit of the same message followed
     */
    public record Counts(long sent, long retried429, long transientRetries, long failed, long forbidden,
                         long rateDeferred, long superseded) {

        Counts plus(Counts other) {
            return new Counts(sent + other.sent, retried429 + other.retried429,
                    transientRetries + other.transientRetries, failed + other.failed,
                    forbidden + other.forbidden, rateDeferred + other.rateDeferred, superseded + other.superseded);
        }
    }

    private final Map<Lane, Adders> lanes = new EnumMap<>(Lane.class);

    public DispatchStats() {
        for (Lane lane : Lane.values()) {
            lanes.put(lane, new Adders());
        }
    }

    public Counts lane(Lane lane) {
        return lanes.get(lane).snapshot();
    }

    public Counts total() {
        Counts total = new Counts(0, 0, 0, 0, 0, 0, 0);
        for (Lane lane : Lane.values()) {
            total = total.plus(lane(lane));
        }
        return total;
    }

    void sent(Lane lane) {
        lanes.get(lane).sent.increment();
    }

    void retried429(Lane lane) {
        lanes.get(lane).retried429.increment();
    }

    void transientRetry(Lane lane) {
        lanes.get(lane).transientRetries.increment();
    }

    void failed(Lane lane) {
        lanes.get(lane).failed.increment();
    }

    void forbidden(Lane lane, int messages) {
        lanes.get(lane).forbidden.add(messages);
    }

    void superseded(Lane lane) {
        lanes.get(lane).superseded.increment();
    }

    /** One call to the platform (whatever its answer) took this long. */
    void sendTook(Lane lane, long nanos) {
        Adders adders = lanes.get(lane);
        adders.sendCalls.increment();
        adders.sendNanos.add(nanos);
    }

    /** Calls to the platform made for this lane, and the time they took in all, for a timer. */
    public long sendCalls(Lane lane) {
        return lanes.get(lane).sendCalls.sum();
    }

    public long sendNanos(Lane lane) {
        return lanes.get(lane).sendNanos.sum();
    }

    void rateDeferred(Lane lane, int chats) {
        lanes.get(lane).rateDeferred.add(chats);
    }

    @Override
    public String toString() {
        return "DispatchStats" + lanes.keySet().stream().map(l -> l + "=" + lane(l)).toList();
    }

    private static final class Adders {
        final LongAdder sent = new LongAdder();
        final LongAdder retried429 = new LongAdder();
        final LongAdder transientRetries = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder forbidden = new LongAdder();
        final LongAdder rateDeferred = new LongAdder();
        final LongAdder superseded = new LongAdder();
        final LongAdder sendCalls = new LongAdder();
        final LongAdder sendNanos = new LongAdder();

        Counts snapshot() {
            return new Counts(sent.sum(), retried429.sum(), transientRetries.sum(), failed.sum(),
                    forbidden.sum(), rateDeferred.sum(), superseded.sum());
        }
    }
}
