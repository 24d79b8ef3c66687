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
import id.rembug.bot.redis.ScriptBatch;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * The durable inbox: each update is appended to its conversation's event stream, only if its
 * update id was not seen in the last two days (Telegram keeps unconfirmed updates for one), so a
 * redelivered update changes nothing; then the conversation is announced on its work stream
 * partition. The two are separate steps (on a Redis Cluster they are different slots): a crash
 * between them leaves the update unconfirmed to Telegram, which delivers it again, and a
 * redelivered update is announced again, so its stored entry is applied. A batch (a getUpdates
 * answer) costs three round trips, however many updates and conversations it holds.
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

    /**
     * Stores the batch in three round trips however long it is: the chats' conversations are
     * looked up together; each conversation's updates are stored by one script (its slot's keys
     * only), all conversations' scripts sent at once; then each work partition is told of its
     * conversations by one script, again all at once. The announcements go only after every
     * update is stored, since a processor that took an announcement before its event was there
     * would leave the event waiting. (A chat migration in the batch costs one more, and so does
     * each update while dedupe marks of an earlier version may exist.)
     */
    @Override
    public int append(List<Inbound> updates) {
        if (updates.isEmpty()) {
            return 0;
        }
        List<String> conversations = conversationsOf(updates);
        boolean oldMarksMayExist = migration.oldSeenMarksMayExist();
        Map<String, List<Inbound>> toStore = new LinkedHashMap<>();
        Map<String, String> migrations = new LinkedHashMap<>();
        for (int i = 0; i < updates.size(); i++) {
            Inbound update = updates.get(i);
            String conversation = conversations.get(i);
            if (oldMarksMayExist && migration.seenByAnEarlierVersion(update.updateId())) {
                toStore.putIfAbsent(conversation, new ArrayList<>()); // announced all the same
            } else {
                toStore.computeIfAbsent(conversation, any -> new ArrayList<>()).add(update);
            }
            if (update instanceof Inbound.ChatMigrated migrated) {
                migrations.put(migrated.newChatId(), conversation);
            }
        }
        int added = store(toStore);
        // A group that became a supergroup: messages from its new id belong to it from this moment,
        // even before the migration itself is applied (written again on redelivery).
        migrations.forEach((newChat, conversation) ->
                redis.opsForValue().set(ConversationKeys.chatGroup(newChat), conversation));
        announce(toStore.keySet());
        stored.add(added);
        redelivered.add(updates.size() - added);
        return added;
    }

    /** One script per conversation, all sent together; how many updates were new. */
    private int store(Map<String, List<Inbound>> byConversation) {
        ScriptBatch batch = new ScriptBatch(redis);
        String seenFor = Long.toString(SEEN_FOR.toSeconds());
        byConversation.forEach((conversation, updates) -> {
            if (updates.isEmpty()) {
                return;
            }
            List<String> keys = new ArrayList<>(updates.size() + 1);
            List<String> args = new ArrayList<>(updates.size() + 1);
            keys.add(ConversationKeys.events(conversation));
            args.add(seenFor);
            for (Inbound update : updates) {
                keys.add(ConversationKeys.seen(conversation, update.updateId()));
                args.add(ChannelCodec.write(update));
            }
            batch.add(APPEND, keys, args);
        });
        int added = 0;
        for (Long stored : batch.run()) {
            added += stored == null ? 0 : stored.intValue();
        }
        return added;
    }

    /** One script per work partition naming its conversations, all sent together. */
    private void announce(Collection<String> conversations) {
        Map<String, List<String>> byPartition = new LinkedHashMap<>();
        for (String conversation : conversations) {
            byPartition.computeIfAbsent(partitions.work(conversation), any -> new ArrayList<>()).add(conversation);
        }
        ScriptBatch batch = new ScriptBatch(redis);
        byPartition.forEach((work, named) -> batch.add(ANNOUNCE, List.of(work), named));
        batch.run();
    }

    /** Which conversation one update belongs to (see {@link #conversationsOf}). */
    public String conversationOf(Inbound update) {
        return conversationsOf(List.of(update)).get(0);
    }

    /**
     * Which conversation each update belongs to, in order. A facilitator's button under a private
     * summary acts on the group named in it, if we signed it for this very chat; other private
     * messages, made-up buttons among them, go to the person's own conversation; a group chat's
     * messages go to the group it is (a chat that migrated is followed to its group, also when
     * the migration comes earlier in the same batch). The chats are looked up in one round trip.
     */
    public List<String> conversationsOf(List<Inbound> updates) {
        List<Destination> destinations = new ArrayList<>(updates.size());
        Set<String> groupChats = new LinkedHashSet<>();
        for (Inbound update : updates) {
            Destination destination = destinationOf(update);
            destinations.add(destination);
            if (destination.groupChat() != null) {
                groupChats.add(destination.groupChat());
            }
        }
        Map<String, String> groupOfChat = new HashMap<>();
        if (!groupChats.isEmpty()) {
            List<String> chats = List.copyOf(groupChats);
            List<String> groups = redis.opsForValue().multiGet(chats.stream().map(ConversationKeys::chatGroup).toList());
            for (int i = 0; i < chats.size(); i++) {
                String group = groups == null ? null : groups.get(i);
                groupOfChat.put(chats.get(i), group != null ? group : chats.get(i));
            }
        }
        List<String> conversations = new ArrayList<>(updates.size());
        for (int i = 0; i < updates.size(); i++) {
            Destination destination = destinations.get(i);
            String conversation = destination.groupChat() == null ? destination.conversation()
                    : groupOfChat.get(destination.groupChat());
            conversations.add(conversation);
            if (updates.get(i) instanceof Inbound.ChatMigrated migrated) {
                groupOfChat.put(migrated.newChatId(), conversation);
            }
        }
        return conversations;
    }

    /** Where an update belongs before the chats' groups are read: a conversation, or a group chat to look up. */
    private record Destination(String conversation, String groupChat) {

        static Destination conversation(String conversation) {
            return new Destination(conversation, null);
        }

        static Destination groupChat(String chatId) {
            return new Destination(null, chatId);
        }
    }

    private Destination destinationOf(Inbound update) {
        if (update instanceof Inbound.ButtonPressed pressed) {
            var data = signer.open(pressed.data(), pressed.chatId());
            if (data.isPresent() && data.get() instanceof CallbackData.FacilitatorCommand f) {
                return Destination.groupChat(f.groupId());
            }
            if (pressed.privateChat()) {
                return Destination.conversation(ConversationKeys.privateConversation(pressed.chatId()));
            }
        }
        if (update instanceof Inbound.Message message && message.privateChat()) {
            return Destination.conversation(ConversationKeys.privateConversation(message.chatId()));
        }
        return Destination.groupChat(update.chatId());
    }
}
