package id.rembug.bot.pipeline;

import id.rembug.bot.conversation.ButtonSigner;
import id.rembug.bot.conversation.CallbackData;
import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.conversation.GroupKeysMigration;
import id.rembug.bot.conversation.WorkPartitions;
import id.rembug.bot.channel.ChannelCodec;
import id.rembug.bot.channel.Inbound;
import id.rembug.bot.channel.InboxWriter;
import id.rembug.bot.redis.LuaScripts;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The durable inbox: each update is appended to its conversation's event stream, only if its
 * update id was not seen in the last two days (Telegram keeps unconfirmed updates for one), so a
 * redelivered update changes nothing; then the conversation is announced on its work stream
 * partition. The two are separate steps (on a Redis Cluster they are different slots): a crash
 * between them leaves the update unconfirmed to Telegram, which delivers it again, and a
 * redelivered update is announced again, so its stored entry is applied.
 */
@Component
public class RedisInbox implements InboxWriter {

    static final Duration SEEN_FOR = Duration.ofDays(2);

    private static final RedisScript<Long> APPEND = LuaScripts.load("conversation/append", Long.class);
    private static final RedisScript<Long> ANNOUNCE = LuaScripts.load("conversation/announce", Long.class);

    private final StringRedisTemplate redis;
    private final LongAdder stored = new LongAdder();
    private final LongAdder redelivered = new LongAdder();
    private final ButtonSigner signer;
    private final WorkPartitions partitions;
    private final GroupKeysMigration migration;

    public RedisInbox(StringRedisTemplate redis, ButtonSigner signer, WorkPartitions partitions,
                      GroupKeysMigration migration) {
        this.redis = redis;
        this.signer = signer;
        this.partitions = partitions;
        this.migration = migration;
    }

    /** Updates stored since start (for metrics). */
    public long stored() {
        return stored.sum();
    }

    /** Updates refused because their id was stored before: Telegram sent them again (for metrics). */
    public long redelivered() {
        return redelivered.sum();
    }

    @Override
    public int append(List<Inbound> updates) {
        int added = 0;
        for (Inbound update : updates) {
            String conversation = conversationOf(update);
            Long result = migration.seenByAnEarlierVersion(update.updateId()) ? Long.valueOf(0)
                    : redis.execute(APPEND, List.of(ConversationKeys.seen(conversation, update.updateId()),
                            ConversationKeys.events(conversation)), ChannelCodec.write(update), Long.toString(SEEN_FOR.toSeconds()));
            if (update instanceof Inbound.ChatMigrated migrated) {
                // A group that became a supergroup: messages from its new id belong to it from this
                // moment, even before the migration itself is applied (written again on redelivery).
                redis.opsForValue().set(ConversationKeys.chatGroup(migrated.newChatId()), conversation);
            }
            redis.execute(ANNOUNCE, List.of(partitions.work(conversation)), conversation);
            if (result != null && result == 1L) {
                added++;
                stored.increment();
            } else {
                redelivered.increment();
            }
        }
        return added;
    }

    /**
     * Which conversation an update belongs to. A facilitator's button under a private summary
     * acts on the group named in it, if we signed it for this very chat; other private messages,
     * made-up buttons among them, go to the person's own conversation.
     */
    public String conversationOf(Inbound update) {
        if (update instanceof Inbound.ButtonPressed pressed) {
            var data = signer.open(pressed.data(), pressed.chatId());
            if (data.isPresent() && data.get() instanceof CallbackData.FacilitatorCommand f) {
                return groupOf(f.groupId());
            }
            if (pressed.privateChat()) {
                return ConversationKeys.privateConversation(pressed.chatId());
            }
        }
        if (update instanceof Inbound.Message message && message.privateChat()) {
            return ConversationKeys.privateConversation(message.chatId());
        }
        return groupOf(update.chatId());
    }

    private String groupOf(String chatId) {
        String mapped = redis.opsForValue().get(ConversationKeys.chatGroup(chatId));
        return mapped != null ? mapped : chatId;
    }
}
