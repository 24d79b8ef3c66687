package id.rembug.bot.pipeline;

import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.channel.Inbound;
import id.rembug.bot.dispatch.DeliveryListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * A group that became a supergroup, learnt by the dispatcher when Telegram refuses to write to
 * the old chat (400 with {@code migrate_to_chat_id}), possibly before Telegram's own migrate
 * service messages arrive, or without them. The new chat id is tied to the group at once, so
 * that answers people send from the new chat reach the group's conversation instead of
 * starting a new one; and a {@link Inbound.ChatMigrated} entry goes into the group's inbox, so
 * the group's chat moves in order with everything else it is applying. Telegram's service
 * messages, if they come too, apply the same change again, which changes nothing.
 */
@Component
public class ChatMigrationListener implements DeliveryListener {

    private static final Logger log = LoggerFactory.getLogger(ChatMigrationListener.class);

    private final StringRedisTemplate redis;
    private final RedisInbox inbox;
    private final Clock clock;

    public ChatMigrationListener(StringRedisTemplate redis, RedisInbox inbox, Clock clock) {
        this.redis = redis;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    public void onMigrated(String oldChatId, String newChatId) {
        Inbound.ChatMigrated migrated = new Inbound.ChatMigrated("migrated:" + oldChatId + ":" + newChatId, oldChatId,
                clock.instant(), newChatId);
        String groupId = inbox.conversationOf(migrated);
        redis.opsForValue().set(ConversationKeys.chatGroup(newChatId), groupId);
        inbox.append(List.of(migrated));
        log.info("Group {} now lives in chat {} (was {})", groupId, newChatId, oldChatId);
    }
}
