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

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Applies a conversation's pending inbox entries one at a time, in stream order. Several workers
 * and instances may call this for the same conversation at once: each commit is conditional on
 * the last applied entry, so exactly one of them applies each entry and the others reload.
 */
@Component
public class ConversationProcessor {

    private static final Logger log = LoggerFactory.getLogger(ConversationProcessor.class);
    private static final int BATCH = 50;

    private final ConversationStore store;
    private final GroupPlanner groups;
    private final PrivatePlanner privates;
    private final Clock clock;
    private final ObjectProvider<Dispatcher> dispatcher;
    private final LongAdder appliedSinceStart = new LongAdder();
    private final AppendOnlyFileRewrite aofRewrite;
    private final ObjectProvider<ModelJobs> modelJobs;
    private final ObjectProvider<MediaCache> mediaCache;

    public ConversationProcessor(ConversationStore store, GroupPlanner groups, PrivatePlanner privates, Clock clock,
                                 ObjectProvider<Dispatcher> dispatcher, AppendOnlyFileRewrite aofRewrite,
                                 ObjectProvider<ModelJobs> modelJobs, ObjectProvider<MediaCache> mediaCache) {
        this.mediaCache = mediaCache;
        this.aofRewrite = aofRewrite;
        this.modelJobs = modelJobs;
        this.store = store;
        this.groups = groups;
        this.privates = privates;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    /** Applies everything pending for the conversation; returns how many entries this call applied. */
    public int process(String conversation) {
        int applied = 0;
        while (true) {
            ConversationStore.Snapshot snapshot = store.load(conversation);
            List<MapRecord<String, Object, Object>> entries = store.pending(conversation, snapshot.applied(), BATCH);
            if (entries.isEmpty()) {
                return applied;
            }
            for (MapRecord<String, Object, Object> entry : entries) {
                String entryId = entry.getId().getValue();
                Plan plan = plan(snapshot, entry, entryId);
                if (!store.commit(snapshot, entryId, plan, plan.state != snapshot.state(), clock.instant())) {
                    log.debug("Conversation {} moved on under us at {}; reloading", conversation, entryId);
                    break;
                }
                applied++;
                appliedSinceStart.increment();
                if (plan.erasure != null || plan.erasedUserId != null) {
                    aofRewrite.request();
                }
                if (plan.erasure != null && !plan.erasure.media().isEmpty()) {
                    // the committed deletion reaches the dashboard's copies of their photos and voice notes
                    mediaCache.ifAvailable(cache -> cache.forget(plan.erasure.media()));
                }
                if (!plan.outgoing.isEmpty()) {
                    // a reply should not wait for the dispatcher's next idle poll
                    dispatcher.ifAvailable(Dispatcher::wakeUp);
                }
                if (!plan.modelJobs.isEmpty()) {
                    // the model is asked after the commit, off this worker: the group's next entry need not wait
                    modelJobs.ifAvailable(ModelJobs::wakeUp);
                }
                snapshot = snapshot.after(entryId, plan);
            }
        }
    }

    /** Inbox entries this instance applied since start (for metrics). */
    public long appliedSinceStart() {
        return appliedSinceStart.sum();
    }

    private Plan plan(ConversationStore.Snapshot snapshot, MapRecord<String, Object, Object> entry, String entryId) {
        Object json = entry.getValue().get("inbound");
        Inbound inbound;
        try {
            inbound = ChannelCodec.readInbound(String.valueOf(json));
        } catch (RuntimeException unreadable) {
            log.warn("Skipping inbox entry {} of {}: it cannot be read ({})", entryId, snapshot.conversation(),
                    SafeLog.describe(unreadable));
            return new Plan(snapshot.state());
        }
        try {
            return snapshot.conversation().startsWith("user:")
                    ? privates.plan(snapshot, inbound, entryId)
                    : groups.plan(snapshot, inbound, entryId);
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
