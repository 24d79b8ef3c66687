package id.rembug.bot.broadcast;

import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Broadcast jobs and their votes in Redis ({@link BroadcastKeys}). */
public class BroadcastStore {

    private final StringRedisTemplate redis;

    public BroadcastStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** A fresh job id; ids are small numbers so staff can type {@code /laporan 12}. */
    String nextId() {
        return Long.toString(redis.opsForValue().increment(BroadcastKeys.SEQ));
    }

    /** Stores the job and schedules its announcement and reminders in one script. */
    void create(BroadcastJob job) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", job.announcement().title());
        fields.put("startsAt", job.announcement().startsAt().toString());
        fields.put("place", job.announcement().place());
        fields.put("agenda", job.announcement().agenda());
        fields.put("target", job.target().encode());
        fields.put("sendAt", Long.toString(job.sendAt().toEpochMilli()));
        fields.put("reminderTimes", String.join(",", job.reminderTimes().stream()
                .map(t -> Long.toString(t.toEpochMilli())).toList()));
        fields.put("createdBy", job.createdBy() == null ? "" : job.createdBy());
        fields.put("createdAt", Long.toString(job.createdAt().toEpochMilli()));
        List<String> args = new ArrayList<>();
        args.add(job.id());
        args.add(Long.toString(job.createdAt().toEpochMilli()));
        args.add(Integer.toString(job.waves()));
        args.add(Long.toString(job.sendAt().toEpochMilli()));
        job.reminderTimes().forEach(t -> args.add(Long.toString(t.toEpochMilli())));
        fields.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        redis.execute(BroadcastScripts.CREATE, List.of(BroadcastKeys.job(job.id()), BroadcastKeys.JOBS, BroadcastKeys.DUE),
                args.toArray());
    }

    public Optional<BroadcastJob> load(String id) {
        Map<Object, Object> hash = redis.opsForHash().entries(BroadcastKeys.job(id));
        if (hash.isEmpty() || !hash.containsKey("title")) {
            return Optional.empty();
        }
        String reminders = (String) hash.getOrDefault("reminderTimes", "");
        List<Instant> reminderTimes = reminders.isEmpty() ? List.of()
                : Arrays.stream(reminders.split(",")).map(ms -> Instant.ofEpochMilli(Long.parseLong(ms))).toList();
        return Optional.of(new BroadcastJob(id,
                new Announcement((String) hash.get("title"), ZonedDateTime.parse((String) hash.get("startsAt")),
                        (String) hash.get("place"), (String) hash.get("agenda")),
                Target.decode((String) hash.get("target")),
                Instant.ofEpochMilli(Long.parseLong((String) hash.get("sendAt"))), reminderTimes,
                (String) hash.get("createdBy"), Instant.ofEpochMilli(Long.parseLong((String) hash.get("createdAt")))));
    }

    /** One vote per person per job; a second press changes it. */
    public void vote(String jobId, String groupId, String userId, Vote vote) {
        redis.opsForHash().put(BroadcastKeys.votes(jobId), BroadcastKeys.voter(groupId, userId), vote.name());
    }

    /** Each group's voters and their choice, groups and voters in a stable order. */
    public Map<String, Map<String, Vote>> voters(String jobId) {
        Map<String, Map<String, Vote>> byGroup = new java.util.TreeMap<>();
        redis.<String, String>opsForHash().entries(BroadcastKeys.votes(jobId)).forEach((who, choice) -> {
            int bar = who.lastIndexOf('|');
            if (bar > 0) {
                byGroup.computeIfAbsent(who.substring(0, bar), g -> new java.util.TreeMap<>())
                        .put(who.substring(bar + 1), Vote.valueOf(choice));
            }
        });
        return byGroup;
    }

    /** Counts per group, sorted by group id. */
    public Map<String, Vote.Counts> votesByGroup(String jobId) {
        Map<String, Vote.Counts> counts = new TreeMap<>();
        redis.<String, String>opsForHash().entries(BroadcastKeys.votes(jobId)).forEach((who, choice) -> {
            String groupId = who.substring(0, who.lastIndexOf('|'));
            counts.merge(groupId, Vote.Counts.NONE.plus(Vote.valueOf(choice)),
                    (a, b) -> new Vote.Counts(a.yes() + b.yes(), a.no() + b.no(), a.maybe() + b.maybe()));
        });
        return counts;
    }

    /** The wave's frozen targets, or null while it has not fired. */
    Integer count(String jobId, int wave) {
        Object count = redis.opsForHash().get(BroadcastKeys.job(jobId), "count:" + wave);
        return count == null ? null : Integer.parseInt((String) count);
    }

    int cursor(String jobId, int wave) {
        Object cursor = redis.opsForHash().get(BroadcastKeys.job(jobId), "cursor:" + wave);
        return cursor == null ? 0 : Integer.parseInt((String) cursor);
    }

    List<String> targets(String jobId, int wave, long from, long to) {
        List<String> range = redis.opsForList().range(BroadcastKeys.targets(jobId, wave), from, to);
        return range == null ? List.of() : range;
    }
}
