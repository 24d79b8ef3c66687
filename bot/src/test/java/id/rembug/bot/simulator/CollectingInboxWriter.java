package id.rembug.bot.simulator;

import id.rembug.bot.channel.Inbound;
import id.rembug.bot.channel.InboxWriter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An inbox that keeps what it is handed, in order, once per update id (like the real one). */
final class CollectingInboxWriter implements InboxWriter {

    private final List<Inbound> received = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    @Override
    public synchronized int append(List<Inbound> updates) {
        int fresh = 0;
        for (Inbound update : updates) {
            if (seen.add(update.updateId())) {
                received.add(update);
                fresh++;
            }
        }
        return fresh;
    }

    synchronized List<Inbound> received() {
        return List.copyOf(received);
    }

    synchronized <T extends Inbound> List<T> received(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }

    synchronized void clear() {
        received.clear();
        seen.clear();
    }
}
