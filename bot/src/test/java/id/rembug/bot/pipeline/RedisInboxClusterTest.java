package id.rembug.bot.pipeline;

import id.rembug.bot.channel.ChannelCodec;
import id.rembug.bot.channel.ChatUser;
import id.rembug.bot.channel.Inbound;
import id.rembug.bot.conversation.ButtonKeyProperties;
import id.rembug.bot.conversation.ButtonSigner;
import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.conversation.GroupKeysMigration;
import id.rembug.bot.conversation.WorkPartitions;
import id.rembug.bot.testsupport.LocalRedisCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox's batch on a real Redis Cluster of three masters: its scripts go to many slots at
 * once (one per group, one per work partition), each to the master that serves it.
 */
class RedisInboxClusterTest {

    private static final int GROUPS = 24;
    private static final int PARTITIONS = 6;

    @TempDir
    Path dir;

    @Test
    void aBatchSpanningEveryMasterStoresEachGroupsUpdatesInOrderAndAnnouncesEachGroup() {
        try (LocalRedisCluster cluster = LocalRedisCluster.start(3, 0, dir)) {
            LettuceConnectionFactory factory = new LettuceConnectionFactory(
                    new RedisClusterConfiguration(List.of(cluster.nodesProperty().split(","))));
            factory.afterPropertiesSet();
            factory.start();
            try {
                StringRedisTemplate redis = new StringRedisTemplate(factory);
                WorkPartitions partitions = new WorkPartitions(redis, PARTITIONS);
                GroupKeysMigration migration = new GroupKeysMigration(redis, partitions);
                migration.ensureMigrated();
                RedisInbox inbox = new RedisInbox(redis, new ButtonSigner(new ButtonKeyProperties("test-key"), redis),
                        partitions, migration);
                List<Inbound> batch = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    for (int g = 0; g < GROUPS; g++) {
                        batch.add(text("tg:" + (round * GROUPS + g), group(g), "answer " + round));
                    }
                }
                Set<Integer> slots = new TreeSet<>();
                IntStream.range(0, GROUPS).forEach(g -> slots.add(cluster.portServing(
                        cluster.slotOf(ConversationKeys.events(group(g))))));
                assertThat(slots).as("the masters the batch's groups live on").hasSize(3);

                assertThat(inbox.append(batch)).isEqualTo(3 * GROUPS);
                assertThat(inbox.append(batch)).as("redelivered").isZero();

                for (int g = 0; g < GROUPS; g++) {
                    assertThat(texts(redis, group(g))).containsExactly("answer 0", "answer 1", "answer 2");
                }
                List<String> announced = IntStream.range(0, PARTITIONS).mapToObj(ConversationKeys::work)
                        .flatMap(work -> redis.opsForStream().range(work, Range.unbounded()).stream())
                        .map(entry -> (String) entry.getValue().get("conversation"))
                        .toList();
                assertThat(announced).hasSize(2 * GROUPS)
                        .containsAll(IntStream.range(0, GROUPS).mapToObj(RedisInboxClusterTest::group).toList());
            } finally {
                factory.destroy();
            }
        }
    }

    private static String group(int g) {
        return "-100" + (8000 + g);
    }

    private static Inbound text(String updateId, String chat, String text) {
        return new Inbound.Message(updateId, chat, false, Instant.parse("2026-12-07T03:00:00Z"),
                ChatUser.person("501", "Sari"), updateId.substring(3), text, null, false, false);
    }

    private static List<String> texts(StringRedisTemplate redis, String group) {
        return redis.opsForStream().range(ConversationKeys.events(group), Range.unbounded()).stream()
                .map(entry -> ((Inbound.Message) ChannelCodec.readInbound((String) entry.getValue().get("inbound"))).text())
                .toList();
    }
}
