package id.rembug.bot.conversation;

import id.rembug.bot.media.MediaCache;
import id.rembug.bot.logging.SafeLog;
import id.rembug.bot.channel.ChannelCodec;
import id.rembug.bot.channel.Inbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import id.rembug.bot.dispatch.Dispatcher;
import id.rembug.bot.redis.AppendOnlyFileRewrite;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.atomic.LongAdder;

/**
 * Applies a conversation's pending inbox entries in stream order. Several workers and instances
 * may call this for the same conversation at once: each commit is conditional on the last applied
 * entry, so exactly one of them applies each entry and the others reload.
 *
 * <p>Entries read together are planned one after another in memory and committed together, in one
 * script, as long as no entry's turn reads what an earlier one of them writes (the stage summaries,
 * a person's settings, the model's rate: {@link TurnLoader#readsCommittedRecords},
 * {@link Plan#changesWhatLaterTurnsRead}). When a group's members answer at the same moment, their
 * answers cost one commit, one state written, and one progress edit of the question.
 */
@Component
public class ConversationProcessor {

    private static final Logger log = LoggerFactory.getLogger(ConversationProcessor.class);
    private static final int BATCH = 50;

    private final ConversationStore store;
    private final GroupPlanner groups;
    private final TurnLoader loader;
    private final PrivatePlanner privates;
    private final Clock clock;
    /** Beans looked up once, not per entry (resolving them each time showed in the profile). */
    private final SingletonSupplier<Optional<Dispatcher>> dispatcher;
    private final LongAdder appliedSinceStart = new LongAdder();
    private final AppendOnlyFileRewrite aofRewrite;
    private final SingletonSupplier<Optional<ModelJobs>> modelJobs;
    private final RecentSnapshots snapshots = new RecentSnapshots();
    /** Conversations a worker of this instance is applying now (or waits to). */
    private final ConcurrentHashMap<String, Turn> working = new ConcurrentHashMap<>();
    private final SingletonSupplier<Optional<MediaCache>> mediaCache;

    public ConversationProcessor(ConversationStore store, GroupPlanner groups, TurnLoader loader,
                                 PrivatePlanner privates, Clock clock,
                                 ObjectProvider<Dispatcher> dispatcher, AppendOnlyFileRewrite aofRewrite,
                                 ObjectProvider<ModelJobs> modelJobs, ObjectProvider<MediaCache> mediaCache) {
        this.mediaCache = SingletonSupplier.of(() -> Optional.ofNullable(mediaCache.getIfAvailable()));
        this.aofRewrite = aofRewrite;
        this.modelJobs = SingletonSupplier.of(() -> Optional.ofNullable(modelJobs.getIfAvailable()));
        this.store = store;
        this.groups = groups;
        this.loader = loader;
        this.privates = privates;
        this.clock = clock;
        this.dispatcher = SingletonSupplier.of(() -> Optional.ofNullable(dispatcher.getIfAvailable()));
    }

    /**
     * Applies everything pending for the conversation; returns how many entries this call applied.
     * Called once per work entry read after the entries it names were appended (the inbox adds
     * both in one script), so one read of the event stream sees them all: a read that returns
     * fewer than a batch is the end, with no second read to find nothing.
     *
     * <p>When another worker of this instance is applying the conversation already, this waits for
     * it and then finds little or nothing left: two workers on one group at once would both plan the
     * same entries, and one of them would only lose the commit and read the group again. (Waiting,
     * not leaving the work to the first: if the first fails, say Redis fails over under it, this
     * worker's own entries must still be applied by someone now, not when the first one's work
     * entry is claimed again. Other instances are kept apart by the commit's compare-and-set alone.)
     */
    public int process(String conversation) {
        return process(conversation, null);
    }

    /**
     * Applies everything pending for each conversation, in order, as {@link #process} does. The
     * pending entries of those this instance holds a snapshot of are read first, all in one round
     * trip: a work read names several groups at once, and each of them would otherwise wait for a
     * read of its own.
     */
    public void processAll(List<String> conversations) {
        Map<String, String> appliedByConversation = new LinkedHashMap<>();
        for (String conversation : conversations) {
            String applied = snapshots.appliedOf(conversation);
            if (applied != null) {
                appliedByConversation.put(conversation, applied);
            }
        }
        Map<String, List<MapRecord<String, Object, Object>>> pending = appliedByConversation.size() < 2 ? Map.of()
                : store.pendingOfEach(appliedByConversation, BATCH);
        for (String conversation : conversations) {
            List<MapRecord<String, Object, Object>> entries = pending.get(conversation);
            process(conversation, entries == null ? null
                    : new ReadAhead(appliedByConversation.get(conversation), entries));
        }
    }

    /** A conversation's pending entries read ahead, after its entry {@code after}. */
    private record ReadAhead(String after, List<MapRecord<String, Object, Object>> entries) {
    }

    private int process(String conversation, ReadAhead readAhead) {
        Turn turn = working.compute(conversation, (id, busy) -> {
            Turn joined = busy == null ? new Turn() : busy;
            joined.workers++;
            return joined;
        });
        turn.lock.lock();
        try {
            return processPending(conversation, readAhead);
        } finally {
            turn.lock.unlock();
            working.computeIfPresent(conversation, (id, busy) -> --busy.workers == 0 ? null : busy);
        }
    }

    /** The workers of this instance on one conversation: one applies it at a time. */
    private static final class Turn {
        private final ReentrantLock lock = new ReentrantLock();
        /** Guarded by the map's compute. */
        private int workers;
    }

    private int processPending(String conversation, ReadAhead readAhead) {
        int applied = 0;
        ConversationStore.Snapshot snapshot = snapshots.take(conversation);
        boolean fromMemory = snapshot != null;
        if (snapshot == null) {
            snapshot = load(conversation);
        }
        while (true) {
            // what was read ahead holds only while the snapshot still stands where it was read from
            // (another worker of this instance may have applied the conversation meanwhile)
            List<MapRecord<String, Object, Object>> entries = readAhead != null && fromMemory
                    && readAhead.after().equals(snapshot.applied()) ? readAhead.entries()
                    : store.pending(conversation, snapshot.applied(), BATCH);
            readAhead = null;
            if (entries.isEmpty()) {
                if (fromMemory && !store.applied(conversation).equals(snapshot.applied())) {
                    // another instance (or a Redis that lost its last writes) moved the conversation: read it
                    snapshot = load(conversation);
                    fromMemory = false;
                    continue;
                }
                snapshots.keep(snapshot);
                return applied;
            }
            Batch batch = new Batch(snapshot);
            boolean movedOn = false;
            for (MapRecord<String, Object, Object> entry : entries) {
                String entryId = entry.getId().getValue();
                Inbound inbound = read(snapshot, entry, entryId);
                // what this entry's turn reads may be among what the batch writes: commit that first
                if (inbound != null && loader.readsCommittedRecords(inbound) && !batch.commit(snapshot)) {
                    movedOn = true;
                    break;
                }
                Plan plan = inbound == null ? new Plan(snapshot.state()) : plan(snapshot, inbound, entryId);
                batch.plans.add(new ConversationStore.Applied(entryId, plan));
                snapshot = snapshot.after(entryId, plan);
                if ((plan.changesWhatLaterTurnsRead() || snapshot.conversation().startsWith("user:"))
                        && !batch.commit(snapshot)) {
                    movedOn = true;
                    break;
                }
            }
            movedOn = movedOn || !batch.commit(snapshot);
            applied += batch.applied;
            if (movedOn) {
                log.debug("Conversation {} moved on under us after {}; reloading", conversation, batch.committed.applied());
                snapshot = load(conversation);
                fromMemory = false;
            } else if (entries.size() < BATCH) {
                snapshots.keep(snapshot);
                return applied;
            }
        }
    }

    /** Plans of consecutive entries not yet committed, and the conversation as committed before them. */
    private final class Batch {
        private ConversationStore.Snapshot committed;
        private final List<ConversationStore.Applied> plans = new ArrayList<>();
        private int applied;

        private Batch(ConversationStore.Snapshot committed) {
            this.committed = committed;
        }

        /** Commits the plans, if any, which leave the conversation as {@code planned}; false when another worker was first. */
        private boolean commit(ConversationStore.Snapshot planned) {
            if (plans.isEmpty()) {
                return true;
            }
            if (!ConversationProcessor.this.commit(committed, plans)) {
                return false;
            }
            applied += plans.size();
            plans.clear();
            committed = planned;
            return true;
        }
    }

    /**
     * Commits a batch of consecutive entries' plans in one step (their commit is guarded by the entry
     * {@code committed} stands at) and does what follows a commit; false when another worker was first.
     */
    private boolean commit(ConversationStore.Snapshot committed, List<ConversationStore.Applied> batch) {
        if (!store.commit(committed, batch, clock.instant())) {
            return false;
        }
        appliedSinceStart.add(batch.size());
        for (ConversationStore.Applied entry : batch) {
            Plan plan = entry.plan();
            if (plan.erasure != null || plan.erasedUserId != null) {
                aofRewrite.request();
            }
            if (plan.erasure != null && !plan.erasure.media().isEmpty()) {
                // the committed deletion reaches the dashboard's copies of their photos and voice notes
                mediaCache.obtain().ifPresent(cache -> cache.forget(plan.erasure.media()));
            }
        }
        if (batch.stream().anyMatch(entry -> !entry.plan().outgoing.isEmpty())) {
            // a reply should not wait for the dispatcher's next idle poll
            dispatcher.obtain().ifPresent(Dispatcher::wakeUp);
        }
        if (batch.stream().anyMatch(entry -> !entry.plan().modelJobs.isEmpty())) {
            // the model is asked after the commit, off this worker: the group's next entry need not wait
            modelJobs.obtain().ifPresent(ModelJobs::wakeUp);
        }
        return true;
    }

    /**
     * The conversation as Redis has it, after what an earlier commit left outside its slot (a worker
     * that stopped half-way) is applied, so that it goes first. A snapshot this worker kept needs no
     * such check: it is kept only once its own follow-ups were applied, and if anyone else committed
     * since, the next commit's compare-and-set fails and the conversation is loaded here.
     */
    private ConversationStore.Snapshot load(String conversation) {
        store.finishFollowUps(conversation);
        return store.load(conversation);
    }

    /** Inbox entries this instance applied since start (for metrics). */
    public long appliedSinceStart() {
        return appliedSinceStart.sum();
    }

    /** The entry's inbound message; null (and logged) when it cannot be read, and it is skipped. */
    private static Inbound read(ConversationStore.Snapshot snapshot, MapRecord<String, Object, Object> entry,
                                String entryId) {
        Object json = entry.getValue().get("inbound");
        try {
            return ChannelCodec.readInbound(String.valueOf(json));
        } catch (RuntimeException unreadable) {
            log.warn("Skipping inbox entry {} of {}: it cannot be read ({})", entryId, snapshot.conversation(),
                    SafeLog.describe(unreadable));
            return null;
        }
    }

    private Plan plan(ConversationStore.Snapshot snapshot, Inbound inbound, String entryId) {
        try {
            if (snapshot.conversation().startsWith("user:")) {
                return privates.plan(snapshot, inbound, entryId);
            }
            // what the group's turn needs from outside is read first; the planning itself does no I/O
            TurnInputs inputs = loader.load(snapshot, inbound);
            Plan plan = groups.plan(snapshot, inbound, entryId, inputs);
            if (!plan.digestChoicesNeeded().isEmpty()) {
                // the turn sends a summary (a few times per stage): whether it waits for the digest is read now
                plan.applyDigestChoices(loader.dailyDigestReaders(plan.digestChoicesNeeded()));
            }
            return plan;
        } catch (DataAccessException redisTrouble) {
            throw redisTrouble;
        } catch (RuntimeException bug) {
            // One poisoned entry must not stop the group forever: log where it failed (ids, no
            // text: the entry itself is still in the event stream for whoever investigates), skip it, go on.
            log.error("Skipping inbox entry {} of {} (update {}) that could not be applied: {}", entryId,
                    snapshot.conversation(), inbound.updateId(), SafeLog.describe(bug));
            return new Plan(snapshot.state());
        }
    }
}
