package id.rembug.bot.broadcast;

import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.Set;

/** Program staff: those configured in {@code rembug.staff-ids} and those staff added since. */
public class StaffDirectory {

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
}
