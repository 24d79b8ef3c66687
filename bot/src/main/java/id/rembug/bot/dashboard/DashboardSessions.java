package id.rembug.bot.dashboard;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Dashboard sessions kept in Redis: a random id in an HttpOnly cookie maps to who logged in. A
 * small store of our own rather than Spring Session, because the dashboard needs one fact per
 * session and the rest of the app (simulator, webhook) keeps no HTTP session at all; any bot
 * instance sharing the Redis can serve any request. Each use extends the session (sliding expiry).
 */
@Service
public class DashboardSessions {

    public static final String COOKIE = "REMBUG_DASHBOARD";

    private final StringRedisTemplate redis;
    private final Duration idle;

    public DashboardSessions(StringRedisTemplate redis,
                             @Value("${rembug.dashboard.session-timeout:8h}") Duration idle) {
        this.redis = redis;
        this.idle = idle;
    }

    public String start(Viewer viewer) {
        String id = LoginLinks.randomToken();
        redis.opsForHash().putAll(key(id), Map.of("user", viewer.userId(), "role", viewer.role().name()));
        redis.expire(key(id), idle);
        return id;
    }

    public Optional<Viewer> find(String id) {
        if (id == null || id.isBlank() || id.length() > 100) {
            return Optional.empty();
        }
        Map<Object, Object> fields = redis.opsForHash().entries(key(id));
        if (fields.get("user") == null || fields.get("role") == null) {
            return Optional.empty();
        }
        redis.expire(key(id), idle);
        return Optional.of(new Viewer((String) fields.get("user"), Viewer.Role.valueOf((String) fields.get("role"))));
    }

    public void end(String id) {
        if (id != null) {
            redis.delete(key(id));
        }
    }

    public Duration idle() {
        return idle;
    }

    static String key(String id) {
        return DashboardKeys.session(id);
    }
}
