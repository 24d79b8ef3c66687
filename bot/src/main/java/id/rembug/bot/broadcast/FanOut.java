package id.rembug.bot.broadcast;

import id.rembug.bot.channel.ChannelCodec;
import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.channel.Outgoing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts due broadcast waves in the outbox. A wave's targets are frozen when it first fires; then
 * each step enqueues one batch and moves the wave's cursor in one script that checks the cursor
 * first ({@code broadcast/step.lua}). Killed anywhere, a fresh instance resumes from the
 * cursor: every target gets its message once. Any instance may run this at the same time.
 */
public class FanOut {

    private static final Logger log = LoggerFactory.getLogger(FanOut.class);

    private final StringRedisTemplate redis;
    private final BroadcastStore store;
    private final GroupDirectory groups;
    private final BroadcastMessages messages;
    private final int batchSize;
    private final Clock clock;

    public FanOut(StringRedisTemplate redis, BroadcastStore store, GroupDirectory groups, BroadcastTexts texts,
                  BroadcastProperties properties, Clock clock) {
        this.redis = redis;
        this.store = store;
        this.groups = groups;
        this.messages = new BroadcastMessages(texts);
        this.batchSize = properties.broadcast().batchSize();
        this.clock = clock;
    }

    /** Enqueues everything due now; returns how many messages this call enqueued. */
    public int runDue() {
        return runDue(Integer.MAX_VALUE);
    }

    /** As {@link #runDue()}, stopping after {@code maxSteps} batches (how tests stop a process mid-way). */
    public int runDue(int maxSteps) {
        Set<String> due = redis.opsForZSet().rangeByScore(BroadcastKeys.DUE, Double.NEGATIVE_INFINITY, clock.millis());
        int enqueued = 0;
        int[] steps = {maxSteps};
        for (String member : due == null ? Set.<String>of() : due) {
            int bar = member.lastIndexOf('|');
            enqueued += fire(member.substring(0, bar), Integer.parseInt(member.substring(bar + 1)), steps);
            if (steps[0] <= 0) {
                break;
            }
        }
        return enqueued;
    }

    private int fire(String jobId, int wave, int[] steps) {
        String member = BroadcastKeys.dueMember(jobId, wave);
        Optional<BroadcastJob> loaded = store.load(jobId);
        if (loaded.isEmpty()) {
            log.warn("Broadcast {} is due but gone; dropping it from the schedule", jobId);
            redis.opsForZSet().remove(BroadcastKeys.DUE, member);
            return 0;
        }
        BroadcastJob job = loaded.get();
        if (store.count(jobId, wave) == null) {
            freeze(jobId, wave, member, wave == 0 ? groups.matching(job.target()) : notCancelled(jobId));
        }
        int count = store.count(jobId, wave);
        int enqueued = 0;
        while (steps[0] > 0) {
            int cursor = store.cursor(jobId, wave);
            if (cursor >= count) {
                redis.opsForZSet().remove(BroadcastKeys.DUE, member);
                break;
            }
            List<String> batch = store.targets(jobId, wave, cursor, cursor + batchSize - 1L);
            if (batch.isEmpty()) {
                log.error("Broadcast {} wave {}: target list shorter than its count {}", jobId, wave, count);
                break;
            }
            List<Outgoing> outgoing = batch.stream()
                    .map(groupId -> messages.render(job, wave, groups.view(groupId), clock.instant())).toList();
            steps[0]--;
            if (step(jobId, wave, cursor, count, member, outgoing)) {
                enqueued += outgoing.size();
            }
        }
        if (enqueued > 0) {
            log.info("Broadcast {} wave {}: {} messages enqueued", jobId, wave, enqueued);
        }
        return enqueued;
    }

    /** Reminders go to the announcement's groups except those that said they are not coming. */
    private List<String> notCancelled(String jobId) {
        Map<String, Vote.Counts> votes = store.votesByGroup(jobId);
        Integer count = store.count(jobId, 0);
        List<String> announced = count == null ? List.of() : store.targets(jobId, 0, 0, count - 1L);
        return announced.stream().filter(g -> !votes.getOrDefault(g, Vote.Counts.NONE).cancelled()).toList();
    }

    private void freeze(String jobId, int wave, String member, List<String> targets) {
        List<String> args = new ArrayList<>(targets.size() + 2);
        args.add(Integer.toString(wave));
        args.add(member);
        args.addAll(targets);
        redis.execute(BroadcastScripts.FREEZE,
                List.of(BroadcastKeys.job(jobId), BroadcastKeys.targets(jobId, wave), BroadcastKeys.DUE), args.toArray());
    }

    private boolean step(String jobId, int wave, int cursor, int count, String member, List<Outgoing> outgoing) {
        List<String> keys = new ArrayList<>(2 + outgoing.size() * 2);
        keys.add(BroadcastKeys.job(jobId));
        keys.add(BroadcastKeys.DUE);
        List<String> args = new ArrayList<>(6 + outgoing.size() * 2);
        args.add(Integer.toString(wave));
        args.add(Integer.toString(cursor));
        args.add(Integer.toString(cursor + outgoing.size()));
        args.add(Integer.toString(count));
        args.add(member);
        args.add(Long.toString(clock.millis()));
        for (Outgoing message : outgoing) {
            keys.add(OutboxKeys.queue(message.lane(), message.chatId()));
            keys.add(OutboxKeys.ready(message.lane()));
            args.add(ChannelCodec.write(message));
        }
        outgoing.forEach(m -> args.add(m.chatId()));
        Long applied = redis.execute(BroadcastScripts.STEP, keys, args.toArray());
        return applied != null && applied == 1L;
    }
}
