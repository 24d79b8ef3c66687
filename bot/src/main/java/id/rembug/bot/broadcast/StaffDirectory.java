package id.rembug.bot.broadcast;

import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.Set;

/**
 * Program staff, the one list every part reads (commands, announcements, the dashboard): those
 * configured in {@code rembug.staff-ids}, and those added with {@code /staf tambah} (kept in
 * Redis, removable with {@code /staf hapus}). Configured staff can only be removed in the
 * configuration.
 */
public class StaffDirectory {

    /** What {@link #remove} did. */
    public enum Removal { REMOVED, CONFIGURED, NOT_STAFF }

    private final Set<String> configured;
    private final StringRedisTemplate redis;

    public StaffDirectory(BroadcastProperties properties, StringRedisTemplate redis) {
        this.configured = Set.copyOf(properties.staffIds());
        this.redis = redis;
    }

    public boolean isStaff(String userId) {
        return userId != null
                && (configured.contains(userId) || Boolean.TRUE.equals(redis.opsForSet().isMember(BroadcastKeys.STAFF, userId)));
    }

    public void add(String userId) {
        redis.opsForSet().add(BroadcastKeys.STAFF, userId);
    }

    public Removal remove(String userId) {
        if (configured.contains(userId)) {
            return Removal.CONFIGURED;
        }
        Long removed = redis.opsForSet().remove(BroadcastKeys.STAFF, userId);
        return removed != null && removed > 0 ? Removal.REMOVED : Removal.NOT_STAFF;
    }
}
