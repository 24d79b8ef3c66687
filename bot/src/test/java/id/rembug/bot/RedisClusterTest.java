package id.rembug.bot;

import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.conversation.GroupRecords;
import id.rembug.bot.testsupport.LocalRedisCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rembug's data on a real local Redis Cluster of three masters ({@link LocalRedisCluster}): a
 * conversation's keys share one slot (its {@code {g:<id>}} tag), so a master that dies takes whole
 * groups with it, never half of one; with a replica per master nothing is lost.
 */
class RedisClusterTest {

    private static final int GROUPS = 60;

    @TempDir
    Path dir;

    @Test
    void everyKeyOfAConversationLivesInOneSlot() {
        try (LocalRedisCluster cluster = LocalRedisCluster.start(3, 0, dir)) {
            for (String conversation : List.of("-1001234567890", "-42", "user:77")) {
                Set<Integer> slots = new TreeSet<>();
                for (String key : List.of(ConversationKeys.group(conversation), ConversationKeys.answers(conversation),
                        ConversationKeys.milestones(conversation), ConversationKeys.events(conversation),
                        ConversationKeys.legacyPromptMessages(conversation), ConversationKeys.tags(conversation),
                        ConversationKeys.postedArticle(conversation, "12", "a3"), ConversationKeys.modelRate(conversation),
                        ConversationKeys.toldUnreachable(conversation, "7"))) {
                    slots.add(cluster.slotOf(key));
                }
                assertThat(slots).as("the slots of %s's keys", conversation).hasSize(1);
            }
        }
    }

    @Test
    void withoutReplicasAKilledMasterTakesWholeGroupsWithItAndEveryOtherGroupKeepsEverything() {
        try (LocalRedisCluster cluster = LocalRedisCluster.start(3, 0, dir)) {
            withTemplate(cluster, redis -> {
                writeGroups(redis);
                return null;
            });
            LocalRedisCluster.Node dead = cluster.masters().get(0);
            List<String> onDeadMaster = groupsServedBy(cluster, dead.port());

            cluster.kill(dead);
            cluster.awaitSeenFailed(dead);

            Map<String, Integer> readable = withTemplate(cluster, RedisClusterTest::readableKeysPerGroup);
            List<String> lost = new ArrayList<>();
            readable.forEach((group, keys) -> {
                assertThat(keys).as("group %s is there whole or not at all", group).isIn(0, KEYS_PER_GROUP);
                if (keys == 0) {
                    lost.add(group);
                }
            });
            // Stated plainly: without replicas, the groups whose slot the dead master served are
            // gone with it (about a third); every other group keeps all it had.
            assertThat(lost).containsExactlyInAnyOrderElementsOf(onDeadMaster);
            assertThat(lost).hasSizeBetween(GROUPS / 6, GROUPS / 2);
        }
    }

    @Test
    void withAReplicaPerMasterEveryGroupSurvivesAKilledMaster() {
        try (LocalRedisCluster cluster = LocalRedisCluster.start(3, 1, dir)) {
            withTemplate(cluster, redis -> {
                writeGroups(redis);
                return null;
            });
            LocalRedisCluster.Node dead = cluster.masters().get(0);
            // the replicas have what was written (replication is asynchronous: a write in the
            // last moment before a crash can be lost, which Telegram's redelivery covers)
            cluster.commands(dead.port()).waitForReplication(1, 5_000);

            cluster.kill(dead);
            cluster.awaitSeenFailed(dead);
            cluster.awaitAllSlotsServed();

            Map<String, Integer> readable = withTemplate(cluster, RedisClusterTest::readableKeysPerGroup);
            assertThat(readable.values()).as("every key of every group").containsOnly(KEYS_PER_GROUP);
            assertThat(readable).hasSize(GROUPS);
        }
    }

    private static final int KEYS_PER_GROUP = 4;

    private static String groupId(int i) {
        return "-100" + (7000 + i);
    }

    /** What a group's commit and the staff leave: its record, an answer, a summary, its tags. */
    private static void writeGroups(StringRedisTemplate redis) {
        GroupRecords records = new GroupRecords(redis);
        for (int i = 0; i < GROUPS; i++) {
            String group = groupId(i);
            redis.opsForHash().putAll(ConversationKeys.group(group), Map.of("state", "{}", "applied", "1-0"));
            redis.opsForHash().put(ConversationKeys.answers(group), "s:1:q:7", "yes");
            redis.opsForHash().put(ConversationKeys.milestones(group), "s:1", "summary");
            records.addTag(group, "desa:sukamaju");
        }
    }

    private static Map<String, Integer> readableKeysPerGroup(StringRedisTemplate redis) {
        GroupRecords records = new GroupRecords(redis);
        Map<String, Integer> readable = new LinkedHashMap<>();
        for (int i = 0; i < GROUPS; i++) {
            String group = groupId(i);
            int keys = 0;
            keys += read(() -> redis.opsForHash().get(ConversationKeys.group(group), "state") != null);
            keys += read(() -> redis.opsForHash().hasKey(ConversationKeys.answers(group), "s:1:q:7"));
            keys += read(() -> redis.opsForHash().hasKey(ConversationKeys.milestones(group), "s:1"));
            keys += read(() -> records.tags(group).contains("desa:sukamaju"));
            readable.put(group, keys);
        }
        return readable;
    }

    private static int read(Supplier<Boolean> read) {
        try {
            return read.get() ? 1 : 0;
        } catch (RuntimeException unreachable) {
            return 0;
        }
    }

    private static List<String> groupsServedBy(LocalRedisCluster cluster, int port) {
        List<String> served = new ArrayList<>();
        for (int i = 0; i < GROUPS; i++) {
            if (cluster.portServing(cluster.slotOf(ConversationKeys.group(groupId(i)))) == port) {
                served.add(groupId(i));
            }
        }
        return served;
    }

    /** A cluster-aware template as the app makes one from {@code spring.data.redis.cluster.nodes}, fresh each time. */
    private static <T> T withTemplate(LocalRedisCluster cluster, Function<StringRedisTemplate, T> use) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisClusterConfiguration(List.of(cluster.nodesProperty().split(","))));
        factory.afterPropertiesSet();
        factory.start();
        try {
            return use.apply(new StringRedisTemplate(factory));
        } finally {
            factory.destroy();
        }
    }
}
