package id.rembug.bot.broadcast;

import id.rembug.bot.dispatch.DispatchKeys;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Creating broadcasts and reporting on them: what the chat commands and the REST API share. */
public class BroadcastService {

    private final StringRedisTemplate redis;
    private final BroadcastStore store;
    private final GroupDirectory groups;
    private final List<Duration> reminderOffsets;
    private final Clock clock;

    public BroadcastService(StringRedisTemplate redis, BroadcastStore store, GroupDirectory groups,
                            BroadcastProperties properties, Clock clock) {
        this.redis = redis;
        this.store = store;
        this.groups = groups;
        this.reminderOffsets = properties.broadcast().reminders();
        this.clock = clock;
    }

    /**
     * Stores and schedules a broadcast. {@code sendAt} null or past: it goes out at the next
     * poll. Reminders fall at the meeting time less each configured offset, when that is after
     * the announcement itself.
     */
    public BroadcastJob create(Announcement announcement, Target target, Instant sendAt, String createdBy) {
        Instant now = clock.instant();
        Instant when = sendAt == null || sendAt.isBefore(now) ? now : sendAt;
        List<Instant> reminders = reminderOffsets.stream()
                .map(offset -> announcement.startsAt().toInstant().minus(offset))
                .filter(t -> t.isAfter(when)).sorted().toList();
        BroadcastJob job = new BroadcastJob(store.nextId(), announcement, target, when, reminders, createdBy, now);
        store.create(job);
        return job;
    }

    /**
     * As {@link #create}, but at most once per {@code key}: a second call with the same key (a
     * redelivered confirmation) returns the job the first one made.
     */
    public BroadcastJob createOnce(String key, Announcement announcement, Target target, Instant sendAt,
                                   String createdBy) {
        String keyName = BroadcastKeys.request(key);
        String existing = redis.opsForValue().get(keyName);
        if (existing != null) {
            Optional<BroadcastJob> job = store.load(existing);
            if (job.isPresent()) {
                return job.get();
            }
        }
        BroadcastJob job = create(announcement, target, sendAt, createdBy);
        redis.opsForValue().set(keyName, job.id(), Duration.ofDays(7));
        return job;
    }

    /** How many groups the target reaches right now (shown before sending). */
    public int countTargets(Target target) {
        return groups.matching(target).size();
    }

    /** Every broadcast's id, newest first. */
    public List<String> ids() {
        java.util.Set<String> ids = redis.opsForZSet().reverseRange(BroadcastKeys.JOBS, 0, -1);
        return ids == null ? List.of() : List.copyOf(ids);
    }

    /** What became of the announcement in one group: {@code sent}, {@code pending} or {@code failed} (with reason). */
    public record GroupDelivery(String groupId, String status, String reason) {
    }

    /**
     * The announcement's delivery per target group, in target order; empty while it has not fired
     * (its targets are frozen only then) or when there is no such broadcast.
     */
    public List<GroupDelivery> deliveries(String id) {
        Integer count = store.count(id, 0);
        if (count == null) {
            return List.of();
        }
        List<GroupDelivery> deliveries = new ArrayList<>();
        for (String groupId : store.targets(id, 0, 0, count - 1L)) {
            Map<Object, Object> delivery = redis.opsForHash().entries(DispatchKeys.delivery(BroadcastKeys.outgoingId(id, 0, groupId)));
            String status = (String) delivery.get("status");
            String shown = "sent".equals(status) || "failed".equals(status) ? status : "pending";
            deliveries.add(new GroupDelivery(groupId, shown, "failed".equals(shown) ? (String) delivery.get("reason") : null));
        }
        return deliveries;
    }

    public Optional<BroadcastReport> report(String id) {
        return store.load(id).map(this::report);
    }

    private BroadcastReport report(BroadcastJob job) {
        Integer count = store.count(job.id(), 0);
        List<String> targets = count == null ? List.of() : store.targets(job.id(), 0, 0, count - 1L);
        int sent = 0;
        int failed = 0;
        int retried = 0;
        int migrated = 0;
        List<BroadcastReport.Failure> failures = new ArrayList<>();
        for (String groupId : targets) {
            Map<Object, Object> delivery = redis.opsForHash().entries(DispatchKeys.delivery(BroadcastKeys.outgoingId(job.id(), 0, groupId)));
            String status = (String) delivery.get("status");
            String chatId = (String) delivery.get("chatId");
            if ("sent".equals(status)) {
                sent++;
                if (Integer.parseInt((String) delivery.getOrDefault("attempts", "1")) > 1) {
                    retried++;
                }
                if (chatId != null && redis.opsForHash().hasKey(BroadcastKeys.MIGRATED, chatId)) {
                    migrated++;
                }
            } else if ("failed".equals(status)) {
                failed++;
                failures.add(new BroadcastReport.Failure(groupId, chatId, (String) delivery.get("reason")));
            }
        }
        Map<String, Vote.Counts> byGroup = store.votesByGroup(job.id());
        Vote.Counts overall = byGroup.values().stream().reduce(Vote.Counts.NONE,
                (a, b) -> new Vote.Counts(a.yes() + b.yes(), a.no() + b.no(), a.maybe() + b.maybe()));
        List<BroadcastReport.Wave> waves = new ArrayList<>();
        for (int w = 1; w < job.waves(); w++) {
            Integer waveCount = store.count(job.id(), w);
            int waveSent = 0;
            if (waveCount != null) {
                for (String groupId : store.targets(job.id(), w, 0, waveCount - 1L)) {
                    Object status = redis.opsForHash().get(DispatchKeys.delivery(BroadcastKeys.outgoingId(job.id(), w, groupId)), "status");
                    waveSent += "sent".equals(status) ? 1 : 0;
                }
            }
            waves.add(new BroadcastReport.Wave(w, job.reminderTimes().get(w - 1).toString(), waveCount, waveSent));
        }
        String status = count == null ? "scheduled" : store.cursor(job.id(), 0) < count ? "sending" : "enqueued";
        int total = count == null ? 0 : count;
        return new BroadcastReport(job.id(), job.announcement().title(), job.announcement().startsAt().toString(),
                job.announcement().place(), job.announcement().agenda(), job.target().encode(), job.sendAt().toString(),
                status, total, sent, total - sent - failed, failed, retried, migrated, failures, overall, byGroup, waves);
    }
}
