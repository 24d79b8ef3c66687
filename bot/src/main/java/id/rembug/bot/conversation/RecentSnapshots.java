package id.rembug.bot.conversation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The conversations this instance committed last, as its commits left them, so that the next
 * entry of a busy group does not read and parse the whole group state from Redis again. Only a
 * shortcut: every commit is still guarded by the last applied entry in Redis, and a snapshot that
 * is behind (another instance moved the group on) fails that guard and is read afresh.
 */
final class RecentSnapshots {

    /** Enough for the groups that talk at once on one instance; a state is a few kilobytes. */
    private static final int KEPT = 4096;

    private final Map<String, ConversationStore.Snapshot> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ConversationStore.Snapshot> eldest) {
            return size() > KEPT;
        }
    };

    /** The conversation's last kept snapshot, removed: the caller works on it now; null if none. */
    synchronized ConversationStore.Snapshot take(String conversation) {
        return recent.remove(conversation);
    }

    /** Where the conversation's kept snapshot stands (its last applied entry), left kept; null if none is. */
    synchronized String appliedOf(String conversation) {
        ConversationStore.Snapshot kept = recent.get(conversation);
        return kept == null ? null : kept.applied();
    }

    synchronized void keep(ConversationStore.Snapshot snapshot) {
        recent.put(snapshot.conversation(), snapshot);
    }
}
