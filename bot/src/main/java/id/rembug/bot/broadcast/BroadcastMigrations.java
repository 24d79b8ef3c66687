package id.rembug.bot.broadcast;

import id.rembug.bot.dispatch.DeliveryListener;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Remembers groups that moved to a new chat id (the dispatcher follows them), so the delivery
 * report can say so: {@code rembug:broadcast:migrated} maps the new id to the old one.
 */
public class BroadcastMigrations implements DeliveryListener {

    private final StringRedisTemplate redis;

    public BroadcastMigrations(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public void onMigrated(String oldChatId, String newChatId) {
        redis.opsForHash().put(BroadcastKeys.MIGRATED, newChatId, oldChatId);
    }
}
