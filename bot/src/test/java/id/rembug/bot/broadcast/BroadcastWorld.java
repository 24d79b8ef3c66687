package id.rembug.bot.broadcast;

import id.rembug.bot.conversation.GroupRecords;
import id.rembug.bot.channel.ChannelCodec;
import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.GroupStatus;
import id.rembug.dialogues.engine.StateCodec;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.FlowLoader;
import id.rembug.dialogues.flow.Language;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The broadcast parts built over a test Redis and a clock the test moves; groups seeded as the processor stores them. */
public final class BroadcastWorld {

    public static final Flow FLOW = FlowLoader.loadResource("flows/stock.yaml");
    public static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    public final StringRedisTemplate redis;
    public final Clock clock;
    public final BroadcastProperties properties;
    public final GroupDirectory groups;
    public final BroadcastStore store;
    public final BroadcastService service;
    public final BroadcastTexts texts = BroadcastTexts.load();

    public BroadcastWorld(StringRedisTemplate redis, Clock clock, int batchSize) {
        this.redis = redis;
        this.clock = clock;
        this.properties = new BroadcastProperties(List.of("900"),
                new BroadcastProperties.Broadcast("", List.of(Duration.ofDays(1), Duration.ofHours(1)), batchSize,
                        Duration.ofSeconds(1), JAKARTA));
        this.groups = new GroupDirectory(new GroupRecords(redis), FLOW);
        this.store = new BroadcastStore(redis);
        this.service = new BroadcastService(redis, store, groups, properties, clock);
    }

    /** A fresh fan-out, as a newly started process would build it. */
    public FanOut fanOut() {
        return new FanOut(redis, store, groups, texts, properties, clock);
    }

    /** A group the processor has seen, at the given stage, in the given language. */
    public void group(String groupId, String chatId, int stageIndex, Language language) {
        GroupState fresh = GroupState.fresh(groupId, language, JAKARTA.getId());
        GroupState state = new GroupState(groupId, language, fresh.zoneId(), GroupStatus.ACTIVE, null, "fac-" + groupId,
                Map.of(), null, stageIndex, 1, 0, null, null, List.of(), false, Set.of(), Set.of(), 0, null, 0, null, List.of(), Set.of(),
                List.of(), Map.of(), null);
        redis.opsForHash().putAll(ConversationKeys.group(groupId), Map.of("state", new StateCodec().write(state),
                "chat", chatId));
        redis.opsForSet().add(ConversationKeys.GROUPS, groupId);
    }

    public void group(String groupId) {
        group(groupId, groupId, 0, Language.ID);
    }

    public Announcement meeting(ZonedDateTime startsAt) {
        return new Announcement("Rembug warga", startsAt, "Balai desa", "Rencana sumur bersama");
    }

    public ZonedDateTime inDays(int days) {
        return clock.instant().plus(Duration.ofDays(days)).atZone(JAKARTA);
    }

    /** The broadcast lane's queued messages for a chat. */
    public List<Outgoing> queued(String chatId) {
        List<String> raw = redis.opsForList().range(OutboxKeys.queue(Outgoing.Lane.BROADCAST, chatId), 0, -1);
        List<Outgoing> messages = new ArrayList<>();
        for (String json : raw == null ? List.<String>of() : raw) {
            messages.add(ChannelCodec.readOutgoing(json));
        }
        return messages;
    }

    public static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
