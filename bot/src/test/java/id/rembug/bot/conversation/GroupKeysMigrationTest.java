package id.rembug.bot.conversation;

import id.rembug.bot.broadcast.BroadcastKeys;
import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.dispatch.DispatchKeys;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A Redis written before the hash tags keeps every group, moved to the tagged layout at start. */
@TestRedis
class GroupKeysMigrationTest {

    private final StringRedisTemplate redis = RedisServerExtension.template();
    private final GroupKeysMigration migration = new GroupKeysMigration(redis, new WorkPartitions(redis, 3));

    @Test
    void aGroupStoredBeforeTheHashTagsIsFoundUnderItsTaggedKeysWithNothingLost() {
        redis.opsForHash().putAll("rembug:group:-100", Map.of("state", "{\"s\":1}", "applied", "1-0", "chat", "-100"));
        redis.opsForHash().put("rembug:group:-100:answers", "s:1:q:7", "yes");
        redis.opsForHash().put("rembug:group:-100:prompt-messages", "55", "s|1|0");
        redis.expire("rembug:group:-100:prompt-messages", Duration.ofDays(60));
        redis.opsForSet().add("rembug:group:-100:tags", "desa:sukamaju");
        redis.opsForHash().put("rembug:group:user:7", "state", "{\"p\":1}");
        addEntry("rembug:events:-100", "2-0", "old");
        // the inbox wrote under the new name while the upgrade was starting; the staff tagged again
        addEntry(ConversationKeys.events("-100"), "3-0", "new");
        redis.opsForSet().add(ConversationKeys.tags("-100"), "rw:2");

        assertThat(migration.migrate()).isEqualTo(6);

        assertThat(redis.opsForHash().entries(ConversationKeys.group("-100")))
                .containsEntry("state", "{\"s\":1}").containsEntry("applied", "1-0");
        assertThat(redis.opsForHash().get(ConversationKeys.answers("-100"), "s:1:q:7")).isEqualTo("yes");
        assertThat(redis.getExpire(ConversationKeys.legacyPromptMessages("-100"))).as("its TTL moves with it").isPositive();
        assertThat(redis.opsForSet().members(ConversationKeys.tags("-100"))).containsExactlyInAnyOrder("desa:sukamaju", "rw:2");
        assertThat(redis.opsForHash().get(ConversationKeys.group("user:7"), "state")).isEqualTo("{\"p\":1}");
        assertThat(redis.opsForStream().range(ConversationKeys.events("-100"), Range.unbounded()))
                .as("older entries first, ids kept (the hash's 'applied' points into them)")
                .extracting(r -> r.getId().getValue() + "=" + r.getValue().get("inbound"))
                .containsExactly("2-0=old", "3-0=new");
        assertThat(redis.keys("rembug:*")).allMatch(key -> key.contains("{g:") || key.equals(ConversationKeys.LAYOUT));
        assertThat(redis.opsForValue().get(ConversationKeys.LAYOUT)).isEqualTo("partitions");
    }

    @Test
    void theOutboxWorkAndWakeUpsStoredBeforeThePartitionsAreFoundUnderTheirNewKeysWithNothingLost() {
        redis.opsForList().rightPushAll("rembug:outbox:conversation:-100", "m1", "m2");
        redis.opsForZSet().add("rembug:outbox:ready:conversation", "-100", 5);
        redis.opsForHash().put("rembug:delivery:out-1", "status", "sent");
        redis.opsForHash().put("rembug:chat:-100:sent", "55", "out-1");
        redis.opsForList().rightPush("rembug:user:7:digest", "summary");
        redis.opsForList().rightPush("rembug:user:7:pending", "kept");
        redis.opsForHash().put("rembug:user:7", "lang", "en");
        redis.opsForHash().put("rembug:broadcast:3", "title", "Rapat");
        redis.opsForList().rightPush("rembug:broadcast:3:targets:0", "-100");
        redis.opsForZSet().add("rembug:broadcast:due", "3|0", 9);
        redis.opsForStream().add("rembug:work", Map.of("conversation", "-100"));
        redis.opsForZSet().add("rembug:wakeups", "-100|9000", 9000);
        // the new version's inbox already queued a message under the new name
        redis.opsForList().rightPush(OutboxKeys.queue(Outgoing.Lane.CONVERSATION, "-100"), "m3");
        redis.opsForValue().set("rembug:seen:tg:5", "1");

        migration.migrate();

        assertThat(redis.opsForList().range(OutboxKeys.queue(Outgoing.Lane.CONVERSATION, "-100"), 0, -1))
                .as("older messages first").containsExactly("m1", "m2", "m3");
        assertThat(redis.opsForZSet().score(OutboxKeys.ready(Outgoing.Lane.CONVERSATION), "-100")).isEqualTo(5.0);
        assertThat(redis.opsForHash().get(DispatchKeys.delivery("out-1"), "status")).isEqualTo("sent");
        assertThat(redis.opsForHash().get(DispatchKeys.sentMessages("-100"), "55")).isEqualTo("out-1");
        assertThat(redis.opsForList().range(ConversationKeys.digest("7"), 0, -1)).containsExactly("summary");
        assertThat(redis.opsForList().range(OutboxKeys.kept("7"), 0, -1)).containsExactly("kept");
        assertThat(redis.opsForHash().get(ConversationKeys.user("7"), "lang")).as("a person's hash stays").isEqualTo("en");
        assertThat(redis.opsForHash().get(BroadcastKeys.job("3"), "title")).isEqualTo("Rapat");
        assertThat(redis.opsForList().range(BroadcastKeys.targets("3", 0), 0, -1)).containsExactly("-100");
        assertThat(redis.opsForZSet().score(BroadcastKeys.DUE, "3|0")).isEqualTo(9.0);
        WorkPartitions partitions = new WorkPartitions(redis, 3);
        assertThat(redis.opsForStream().range(partitions.work("-100"), Range.unbounded()))
                .extracting(r -> r.getValue().get("conversation")).containsExactly("-100");
        assertThat(redis.opsForZSet().score(partitions.wakeUps("-100"), "-100|9000")).isEqualTo(9000.0);
        assertThat(redis.hasKey("rembug:work")).isFalse();
        assertThat(redis.hasKey("rembug:wakeups")).isFalse();
        assertThat(migration.seenByAnEarlierVersion("tg:5")).as("an update the old version stored").isTrue();
        assertThat(migration.seenByAnEarlierVersion("tg:6")).isFalse();
    }

    @Test
    void aMigratedRedisIsNotScannedAgain() {
        migration.migrate();
        redis.opsForHash().put("rembug:group:-200", "state", "{}");

        assertThat(migration.migrate()).isZero();
        assertThat(redis.hasKey("rembug:group:-200")).isTrue();
    }

    @Test
    void keysAreMappedByConversationIdWhateverItsShape() {
        assertThat(GroupKeysMigration.tagged("rembug:group:-1001:posted-article:12:a3")).contains("rembug:group:{g:-1001}:posted-article:12:a3");
        assertThat(GroupKeysMigration.tagged("rembug:group:user:42")).contains("rembug:group:{g:user:42}");
        assertThat(GroupKeysMigration.tagged("rembug:group:user:42:answers")).contains("rembug:group:{g:user:42}:answers");
        assertThat(GroupKeysMigration.tagged("rembug:events:user:42")).contains("rembug:events:{g:user:42}");
        assertThat(GroupKeysMigration.tagged("rembug:group:{g:-1}:answers")).isEmpty();
    }

    private void addEntry(String stream, String id, String value) {
        MapRecord<String, String, String> record = StreamRecords.<String, String, String>mapBacked(Map.of("inbound", value))
                .withStreamKey(stream).withId(RecordId.of(id));
        redis.opsForStream().add(record);
    }
}
