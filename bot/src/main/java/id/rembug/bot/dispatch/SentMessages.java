package id.rembug.bot.dispatch;

import id.rembug.bot.channel.ChatGateway;
import id.rembug.bot.channel.Outgoing;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which outbox message a message the platform delivered to a group chat was (the platform's message
 * id to our outbox id): what places a resident's reply to one of our questions. The durable record,
 * shared by every instance, is written in the step that settles the delivery ({@code settle.lua},
 * {@link DispatchKeys#sentMessages}). The latest deliveries of this instance are also kept in memory,
 * so a reply (most come minutes after their question) is placed without a round trip to Redis; a
 * message another instance delivered, or one older than the memory holds, is read from the record.
 *
 * <p>The memory keeps what the record keeps: group chats only, and only what posts a message
 * ({@link Outgoing#postsMessage}). An edit, a pin or a poll's stop names an earlier message and is
 * delivered under its id, a reaction under the member's message it is on, a button's answer under
 * the press: none is kept (the record's {@code HSETNX} keeps the message's own first delivery).
 */
@Component
public class SentMessages implements DeliveryListener {

    /** Deliveries kept in memory, newest first out last: about 200 bytes each. */
    static final int KEPT_IN_MEMORY = 20_000;

    private final StringRedisTemplate redis;
    private final Map<String, String> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT_IN_MEMORY;
        }
    };

    public SentMessages(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** The outbox id of the message delivered to the chat under this platform id, if it is ours and still kept. */
    public Optional<String> outboxIdOf(String chatId, String platformMessageId) {
        synchronized (recent) {
            String known = recent.get(key(chatId, platformMessageId));
            if (known != null) {
                return Optional.of(known);
            }
        }
        Object recorded = redis.opsForHash().get(DispatchKeys.sentMessages(chatId), platformMessageId);
        return Optional.ofNullable(recorded).map(Object::toString);
    }

    /**
     * Whether the message's delivery to the chat is remembered by its platform id, in the record
     * (settle.lua) and here: a message it posts ({@link Outgoing#postsMessage}) in a group chat,
     * where a reply to it may answer a question; a private chat's replies are not placed.
     */
    static boolean remembers(Outgoing message, String chatId) {
        return message.postsMessage() && ChatGateway.isGroupChat(chatId);
    }

    /** Called once the delivery is settled, so the record exists before the memory has it. */
    @Override
    public void onSent(Outgoing message, String platformMessageId) {
        if (platformMessageId == null || platformMessageId.isEmpty() || !remembers(message, message.chatId())) {
            return;
        }
        synchronized (recent) {
            recent.putIfAbsent(key(message.chatId(), platformMessageId), message.id());
        }
    }

    private static String key(String chatId, String platformMessageId) {
        return chatId + "/" + platformMessageId;
    }
}
