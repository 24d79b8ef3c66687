package id.rembug.bot.telegram;

import id.rembug.bot.channel.InboxWriter;
import id.rembug.bot.channel.Inbound;
import org.springframework.dao.DataAccessResourceFailureException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory inbox with the real one's contract (in order, each update id once), that can be
 * told to fail like an unreachable Redis.
 */
class CollectingInbox implements InboxWriter {

    private final List<Inbound> stored = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger successfulAppends = new AtomicInteger();
    private volatile Runnable onSuccess = () -> { };

    /** The next {@code count} appends throw as if Redis were down. */
    void failNext(int count) {
        failuresLeft.set(count);
    }

    void onSuccess(Runnable action) {
        onSuccess = action;
    }

    @Override
    public synchronized int append(List<Inbound> updates) {
        attempts.incrementAndGet();
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new DataAccessResourceFailureException("Redis is not reachable (test)");
        }
        int added = 0;
        for (Inbound update : updates) {
            if (seen.add(update.updateId())) {
                stored.add(update);
                added++;
            }
        }
        successfulAppends.incrementAndGet();
        onSuccess.run();
        return added;
    }

    synchronized List<Inbound> stored() {
        return List.copyOf(stored);
    }

    synchronized List<String> storedIds() {
        return stored.stream().map(Inbound::updateId).toList();
    }

    int attempts() {
        return attempts.get();
    }

    int successfulAppends() {
        return successfulAppends.get();
    }
}
