package id.rembug.bot.dispatch;

import id.rembug.bot.testsupport.TestClock;
import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.channel.Outgoing.Lane;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.fail;

/** Builds dispatchers over the test Redis and drives them on a hand-moved clock. */
final class DispatchFixture {

    static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

    final StringRedisTemplate redis;
    final TestClock clock = new TestClock(START);
    final ScriptedGateway gateway = new ScriptedGateway(clock);
    final RecordingListener listener = new RecordingListener();
    final OutboxWriter writer;

    DispatchFixture(StringRedisTemplate redis) {
        this.redis = redis;
        this.writer = new OutboxWriter(redis, clock);
    }

    Dispatcher dispatcher(DispatchProperties properties) {
        return dispatcher(properties, List.of());
    }

    /** A dispatcher that also tells these listeners of every outcome. */
    Dispatcher dispatcher(DispatchProperties properties, List<DeliveryListener> more) {
        List<DeliveryListener> listeners = new java.util.ArrayList<>(more);
        listeners.add(0, listener);
        return new Dispatcher(redis, properties, () -> List.of(gateway), () -> listeners,
                new DispatchStats(), clock, new Random(7));
    }

    static Outgoing text(String id, String chatId, Lane lane) {
        return Outgoing.text(id, lane, chatId, chatId, "pesan " + id, START);
    }

    static Outgoing text(String id, String chatId) {
        return text(id, chatId, Lane.CONVERSATION);
    }

    static Outgoing callbackAnswer(String id, String chatId) {
        return Outgoing.callbackAnswer(id, chatId, chatId, "cb-" + id, "Tercatat", false, START);
    }

    void enqueue(Outgoing... messages) {
        writer.enqueue(List.of(messages));
    }

    long elapsed() {
        return clock.millis() - START.toEpochMilli();
    }

    boolean outboxEmpty() {
        return size(OutboxKeys.ready(Lane.CONVERSATION)) == 0 && size(OutboxKeys.ready(Lane.BROADCAST)) == 0;
    }

    private long size(String zset) {
        Long size = redis.opsForZSet().zCard(zset);
        return size == null ? 0 : size;
    }

    /** Runs every pass due at the current instant, on each dispatcher in turn. */
    void runDue(Dispatcher... dispatchers) {
        for (int guard = 0; guard < 100_000; guard++) {
            boolean any = false;
            for (Dispatcher dispatcher : dispatchers) {
                any |= dispatcher.runOnce();
            }
            if (!any) {
                return;
            }
        }
        fail("dispatchers kept finding work at one instant");
    }

    /** Runs the dispatchers, moving the clock by {@code stepMillis}, until the outbox is empty. */
    void drain(long stepMillis, long maxMillis, Dispatcher... dispatchers) {
        long end = clock.millis() + maxMillis;
        while (true) {
            runDue(dispatchers);
            if (outboxEmpty()) {
                return;
            }
            if (clock.millis() >= end) {
                fail("outbox not drained within " + maxMillis + " ms of clock time");
            }
            clock.advanceMillis(stepMillis);
        }
    }

    /** Runs the dispatchers, moving the clock by {@code stepMillis}, for {@code millis} of clock time. */
    void runFor(long stepMillis, long millis, Dispatcher... dispatchers) {
        long end = clock.millis() + millis;
        while (clock.millis() < end) {
            runDue(dispatchers);
            clock.advanceMillis(stepMillis);
        }
        runDue(dispatchers);
    }
}
