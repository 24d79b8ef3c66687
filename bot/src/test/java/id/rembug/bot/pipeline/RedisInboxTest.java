package id.rembug.bot.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rembug.bot.channel.ChannelCodec;
import id.rembug.bot.channel.ChatUser;
import id.rembug.bot.channel.Inbound;
import id.rembug.bot.conversation.ButtonKeyProperties;
import id.rembug.bot.conversation.ButtonSigner;
import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.conversation.GroupKeysMigration;
import id.rembug.bot.conversation.WorkPartitions;
import id.rembug.bot.telegram.TelegramPollingIntake;
import id.rembug.bot.telegram.TelegramUpdateTranslator;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.TestRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The inbox storing whole batches on a real Redis: once each, in order, and only then confirmed. */
@TestRedis
class RedisInboxTest {

    private static final int PARTITIONS = 4;
    private static final ChatUser SARI = ChatUser.person("501", "Sari");

    private final StringRedisTemplate redis = RedisServerExtension.template();
    private final WorkPartitions partitions = new WorkPartitions(redis, PARTITIONS);
    private RedisInbox inbox;

    @BeforeEach
    void migratedRedis() {
        GroupKeysMigration migration = new GroupKeysMigration(redis, partitions);
        migration.ensureMigrated(); // what the app does at start: no dedupe marks of earlier versions
        migration.oldSeenMarksMayExist(); // read once a minute, not per batch
        inbox = new RedisInbox(redis, new ButtonSigner(new ButtonKeyProperties("test-key"), redis), partitions,
                migration);
    }

    @Test
    void aBatchOfSeveralGroupsWithARepeatedUpdateIsStoredOnceEachInOrderAndEveryGroupAnnounced() {
        List<Inbound> batch = List.of(text("tg:1", "-101", "a1"), text("tg:2", "-102", "b1"), text("tg:3", "-101", "a2"),
                text("tg:2", "-102", "b1"), text("tg:4", "-103", "c1"), text("tg:5", "-102", "b2"),
                text("tg:6", "-101", "a3"));

        int added = inbox.append(batch);

        assertThat(added).isEqualTo(6);
        assertThat(texts("-101")).containsExactly("a1", "a2", "a3");
        assertThat(texts("-102")).containsExactly("b1", "b2");
        assertThat(texts("-103")).containsExactly("c1");
        assertThat(announced()).containsExactlyInAnyOrder("-101", "-102", "-103");
        assertThat(inbox.stored()).isEqualTo(6);
        assertThat(inbox.redelivered()).isEqualTo(1);
    }

    @Test
    void aRedeliveredBatchStoresNothingAgainButAnnouncesItsGroupsAgain() {
        List<Inbound> batch = List.of(text("tg:1", "-101", "a1"), text("tg:2", "-102", "b1"));
        inbox.append(batch);

        int added = inbox.append(batch);

        assertThat(added).isZero();
        assertThat(texts("-101")).containsExactly("a1");
        assertThat(texts("-102")).containsExactly("b1");
        // the first delivery may have been stored and not announced (a crash between the two)
        assertThat(announced()).containsExactlyInAnyOrder("-101", "-102", "-101", "-102");
    }

    @Test
    void aBatchCostsOneScriptPerGroupAndOnePerWorkPartitionHoweverManyUpdatesItHolds() {
        List<Inbound> batch = new java.util.ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            batch.add(text("tg:" + i, "-10" + (i % 3), "answer " + i));
        }
        resetCommandStats();

        inbox.append(batch);

        long groups = 3;
        long partitionsNamed = List.of("-100", "-101", "-102").stream().map(partitions::work).distinct().count();
        assertThat(scriptCalls()).isEqualTo(groups + partitionsNamed);
        assertThat(commandCalls("mget")).isEqualTo(1);
        assertThat(commandCalls("get")).isZero();
        assertThat(texts("-101")).hasSize(10);
    }

    @Test
    void aMessageFromTheNewIdOfAChatThatMigratedEarlierInTheSameBatchGoesToItsGroup() {
        List<Inbound> batch = List.of(text("tg:1", "-101", "before"),
                new Inbound.ChatMigrated("tg:2", "-101", Instant.now(), "-100101"),
                text("tg:3", "-100101", "after"));

        inbox.append(batch);

        assertThat(texts("-101")).containsExactly("before", "after");
        assertThat(redis.opsForValue().get(ConversationKeys.chatGroup("-100101"))).isEqualTo("-101");
        assertThat(redis.hasKey(ConversationKeys.events("-100101"))).isFalse();
    }

    @Test
    void aRedisFailureMidBatchLeavesTheBatchUnconfirmedUntilItIsStoredAndThenEachUpdateIsThereOnce()
            throws Exception {
        // -102's event stream is not a stream: its script fails while the other groups' succeed
        redis.opsForValue().set(ConversationKeys.events("-102"), "in the way");
        TelegramPollingIntake intake = new TelegramPollingIntake(new TelegramUpdateTranslator(999, Clock.systemUTC()),
                inbox, Duration.ofMillis(20), Duration.ofMillis(50));
        List<Update> batch = List.of(update(11, -101, "a1"), update(12, -102, "b1"), update(13, -101, "a2"),
                update(14, -102, "b2"), update(15, -103, "c1"));
        Thread poller = new Thread(() -> intake.consume(batch), "test-poller");

        poller.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> texts("-103").size() == 1);
        Thread.sleep(200); // several attempts fail meanwhile

        assertThat(poller.isAlive()).as("consume has not returned: the batch is not confirmed to Telegram").isTrue();
        assertThatThrownBy(() -> inbox.append(List.of(text("tg:99", "-102", "x")))).isInstanceOf(DataAccessException.class);
        redis.delete(ConversationKeys.events("-102"));
        poller.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(poller.isAlive()).isFalse();
        assertThat(texts("-101")).containsExactly("a1", "a2");
        assertThat(texts("-102")).containsExactly("b1", "b2");
        assertThat(texts("-103")).containsExactly("c1");
        assertThat(announced()).contains("-101", "-102", "-103");
    }

    private static Inbound text(String updateId, String chat, String text) {
        return new Inbound.Message(updateId, chat, false, Instant.parse("2026-12-07T03:00:00Z"), SARI,
                updateId.substring(3), text, null, false, false);
    }

    private static Update update(int updateId, long chat, String text) {
        String json = """
                {"update_id":%d,"message":{"message_id":%d,"from":{"id":501,"is_bot":false,"first_name":"Sari"},\
                "chat":{"id":%d,"title":"RT 05","type":"group"},"date":1763900000,"text":"%s"}}"""
                .formatted(updateId, updateId, chat, text);
        try {
            return new ObjectMapper().readValue(json, Update.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The texts of the messages in the group's event stream, in stream order. */
    private List<String> texts(String group) {
        if (!Boolean.TRUE.equals(redis.hasKey(ConversationKeys.events(group)))
                || !"stream".equals(Objects.requireNonNull(redis.type(ConversationKeys.events(group))).code())) {
            return List.of();
        }
        return redis.opsForStream().range(ConversationKeys.events(group), Range.unbounded()).stream()
                .map(entry -> ChannelCodec.readInbound((String) entry.getValue().get("inbound")))
                .filter(Inbound.Message.class::isInstance)
                .map(inbound -> ((Inbound.Message) inbound).text())
                .toList();
    }

    /** Every conversation named on any work partition, in no particular order. */
    private List<String> announced() {
        return java.util.stream.IntStream.range(0, PARTITIONS)
                .mapToObj(ConversationKeys::work)
                .flatMap(work -> redis.opsForStream().range(work, Range.unbounded()).stream())
                .map(entry -> (String) entry.getValue().get("conversation"))
                .toList();
    }

    private void resetCommandStats() {
        redis.execute((RedisConnection connection) -> {
            connection.serverCommands().resetConfigStats();
            return null;
        });
    }

    private long scriptCalls() {
        return commandCalls("eval") + commandCalls("evalsha");
    }

    private long commandCalls(String command) {
        Properties stats = redis.execute((RedisConnection connection) -> connection.serverCommands().info("commandstats"));
        String line = stats == null ? null : stats.getProperty("cmdstat_" + command);
        if (line == null) {
            return 0;
        }
        // calls=3,usec=...
        return Long.parseLong(line.substring(line.indexOf("calls=") + 6, line.indexOf(',', line.indexOf("calls="))));
    }
}
