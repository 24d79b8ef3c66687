package id.rembug.bot;

import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.conversation.GroupRecords;
import id.rembug.bot.dispatch.SentMessages;
import id.rembug.bot.redis.RedisResilienceConfiguration;
import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegram.Sent;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.bot.testsupport.LocalRedisCluster;
import id.rembug.bot.testsupport.RembugApp;
import id.rembug.bot.testsupport.TelegramAppProperties;
import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.flow.Prompt;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions.RefreshTrigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A master of the Redis Cluster dies (SIGKILL) while the whole app runs on it and groups are in
 * the middle of a stage: what survives, read back through the app's own reader of groups
 * ({@link GroupRecords}, as the dashboard reads them), and whether the groups go on.
 *
 * <p>With a replica per master: the replica is promoted, Lettuce follows the new topology, and
 * nothing is lost: every answer is kept, the answers given while the master was down included,
 * every group gets its next question, and no message reaches Telegram twice.
 *
 * <p>Without replicas: the groups whose slots the dead master served are gone, whole; every other
 * group keeps everything. But the app does not go on for them either until the master's slots are
 * served again, because every master holds something all groups share (the outbox, a work
 * partition, the index of groups, the poller's lease); once the operator brings the node back
 * (empty, having no data on disk), the other groups go on where they were.
 */
class RedisClusterMasterKillAppTest {

    private static final int RESIDENTS = 3;

    @TempDir
    Path dir;

    @Test
    void withAReplicaPerMasterTheAppCarriesOnThroughAKilledMasterAndLosesNothing() {
        try (LocalRedisCluster cluster = LocalRedisCluster.start(3, 1, dir);
             FakeTelegram telegram = new FakeTelegram()) {
            // the master with the outbox: nothing can be sent until its replica takes over
            LocalRedisCluster.Node dead = cluster.masterServing(OutboxKeys.SLOT);
            ConfigurableApplicationContext app = RembugApp.start(onCluster(telegram, cluster));
            List<GroupJourney> groups = groupsOnAndBeside(telegram, cluster, dead);
            try {
                Map<GroupJourney, Sent> secondQuestions = startAndAnswerTheFirstQuestion(groups);
                awaitDeliveriesRecorded(app, secondQuestions);
                // Replication is asynchronous: a write acknowledged in the last moment before a
                // crash may not have reached the replica. Waiting for it here pins what a failover
                // keeps, everything replicated; the README says what the moment before can cost.
                assertThat(cluster.commands(dead.port()).waitForReplication(1, 5_000)).isEqualTo(1);

                cluster.kill(dead);
                // the residents answer on while the master is down and its replica not yet promoted
                answerTheSecondQuestion(secondQuestions);
                groups.parallelStream().forEach(group -> group.awaitQuestion(0, 2));

                assertThat(cluster.portServing(cluster.slotOf(OutboxKeys.SLOT))).as("the replica serves the outbox")
                        .isNotEqualTo(dead.port());
                GroupRecords records = app.getBean(GroupRecords.class);
                for (GroupJourney group : groups) {
                    assertKeepsEveryAnswer(records, group);
                    assertEachQuestionSentOnce(telegram, group, 3);
                }
                assertThat(records.groupIds()).as("the index of groups")
                        .containsAll(groups.stream().map(GroupJourney::groupId).toList());
                // what made Lettuce follow: its refresh triggers (on by default) at most a second
                // apart, and the periodic refresh Rembug adds for what no command hints at
                ClusterTopologyRefreshOptions refresh = ((ClusterClientOptions) app.getBean(LettuceConnectionFactory.class)
                        .getClientConfiguration().getClientOptions().orElseThrow()).getTopologyRefreshOptions();
                assertThat(refresh.getAdaptiveRefreshTriggers()).as("adaptive refresh triggers")
                        .contains(RefreshTrigger.PERSISTENT_RECONNECTS, RefreshTrigger.MOVED_REDIRECT);
                assertThat(refresh.isPeriodicRefreshEnabled()).as("periodic refresh").isTrue();
                assertThat(refresh.getRefreshPeriod()).isEqualTo(RedisResilienceConfiguration.DEFAULT_CLUSTER_REFRESH_PERIOD);
                assertThat(refresh.getAdaptiveRefreshTimeout()).isEqualTo(RedisResilienceConfiguration.CLUSTER_REFRESH_AT_MOST_EVERY);
            } finally {
                groups.forEach(GroupJourney::close);
                app.close();
            }
        }
    }

    @Test
    void withoutReplicasAKilledMasterTakesItsGroupsWithItAndHoldsUpTheOthersUntilItsSlotsAreServedAgain() {
        try (LocalRedisCluster cluster = LocalRedisCluster.start(3, 0, dir);
             FakeTelegram telegram = new FakeTelegram()) {
            LocalRedisCluster.Node dead = cluster.masterServing(OutboxKeys.SLOT);
            ConfigurableApplicationContext app = RembugApp.start(onCluster(telegram, cluster));
            List<GroupJourney> groups = groupsOnAndBeside(telegram, cluster, dead);
            List<GroupJourney> lost = groups.stream().filter(servedBy(cluster, dead)).toList();
            List<GroupJourney> kept = groups.stream().filter(servedBy(cluster, dead).negate()).toList();
            try {
                Map<GroupJourney, Sent> secondQuestions = startAndAnswerTheFirstQuestion(groups);
                awaitDeliveriesRecorded(app, secondQuestions);
                Map<GroupJourney, Map<String, String>> givenBeforeTheKill = groups.stream()
                        .collect(Collectors.toMap(group -> group, GroupJourney::answersGiven));

                cluster.kill(dead);
                cluster.awaitSeenFailed(dead);

                GroupRecords records = app.getBean(GroupRecords.class);
                for (GroupJourney group : kept) {
                    assertKeepsEveryAnswer(records, group);
                }
                for (GroupJourney group : lost) {
                    assertThatThrownBy(() -> records.answers(group.groupId()))
                            .as("group %s, whose slot the dead master served", group.groupId())
                            .isInstanceOf(DataAccessException.class);
                }
                // Everyone answers on. Nothing goes on while the master is down: it held the outbox,
                // so no message can be queued or sent, and the lost groups' updates cannot be
                // stored, so the batch of updates that holds them waits (Telegram keeps it).
                answerTheSecondQuestion(secondQuestions);
                await("no group goes on while the master is down").during(Duration.ofSeconds(3))
                        .atMost(Duration.ofSeconds(5))
                        .until(() -> groups.stream().noneMatch(group -> asked(telegram, group, 2)));

                // The operator starts the node again. It kept nothing on disk, so it comes back
                // empty: the groups it served are gone; every other group goes on where it was.
                cluster.restart(dead);
                kept.parallelStream().forEach(group -> group.awaitQuestion(0, 2));
                for (GroupJourney group : kept) {
                    assertKeepsEveryAnswer(records, group);
                    assertEachQuestionSentOnce(telegram, group, 3);
                }
                for (GroupJourney group : lost) {
                    Map<String, String> keptOfIt = records.answers(group.groupId()).stream()
                            .collect(Collectors.toMap(Answer::key, Answer::value, (a, b) -> b));
                    assertThat(keptOfIt).as("what group %s had before the master died", group.groupId())
                            .doesNotContainKeys(givenBeforeTheKill.get(group).keySet().toArray(String[]::new));
                    assertThat(asked(telegram, group, 2)).as("group %s goes no further", group.groupId()).isFalse();
                }
                // the index of groups lived on another master: the dashboard still lists the lost groups
                assertThat(records.groupIds()).containsAll(groups.stream().map(GroupJourney::groupId).toList());
            } finally {
                groups.forEach(GroupJourney::close);
                app.close();
            }
        }
    }

    // ---- the parts ------------------------------------------------------------------------

    private static Map<String, Object> onCluster(FakeTelegram telegram, LocalRedisCluster cluster) {
        Map<String, Object> properties = TelegramAppProperties.of(telegram);
        properties.remove("spring.data.redis.url");
        properties.put("spring.data.redis.cluster.nodes", cluster.nodesProperty());
        properties.put("rembug.conversation.partitions", "4");
        return properties;
    }

    /**
     * New groups until at least two live on {@code master} and two on the other masters (a group's
     * slot follows from its id; the ones not needed are let go).
     */
    private static List<GroupJourney> groupsOnAndBeside(FakeTelegram telegram, LocalRedisCluster cluster,
                                                        LocalRedisCluster.Node master) {
        List<GroupJourney> on = new ArrayList<>();
        List<GroupJourney> beside = new ArrayList<>();
        while (on.size() < 2 || beside.size() < 2) {
            GroupJourney group = GroupJourney.onCluster(telegram, RESIDENTS, cluster.nodesProperty());
            boolean served = servedBy(cluster, master).test(group);
            List<GroupJourney> side = served ? on : beside;
            if (side.size() < 2) {
                side.add(group);
            } else {
                group.close();
            }
        }
        List<GroupJourney> all = new ArrayList<>(on);
        all.addAll(beside);
        return all;
    }

    private static Predicate<GroupJourney> servedBy(LocalRedisCluster cluster, LocalRedisCluster.Node master) {
        return group -> cluster.masterServing(ConversationKeys.group(group.groupId())).port() == master.port();
    }

    /**
     * Mid-journey: each group has begun, a quorum answered its first question, the second was
     * asked. The groups walk side by side, as they do on the app.
     */
    private static Map<GroupJourney, Sent> startAndAnswerTheFirstQuestion(List<GroupJourney> groups) {
        return groups.parallelStream().collect(Collectors.toMap(group -> group, group -> {
            group.facilitatorStartsThePrivateChat();
            group.botJoinsAndTheGroupStarts();
            group.answer(0, 0, group.awaitQuestion(0, 0), GroupJourney.QUORUM);
            return group.awaitQuestion(0, 1);
        }));
    }

    /**
     * Waits until the app recorded the delivery of each question: the fake sees a message before
     * the dispatcher settles it, and a master killed in between takes with it a record nobody
     * acknowledged (no failover keeps it), so the replies could not be placed and the question
     * would go again once its lease ran out, after the test's waits.
     */
    private static void awaitDeliveriesRecorded(ConfigurableApplicationContext app, Map<GroupJourney, Sent> questions) {
        SentMessages sent = app.getBean(SentMessages.class);
        await("the questions' deliveries recorded").atMost(Duration.ofSeconds(20)).until(() -> questions.values()
                .stream().allMatch(q -> sent.outboxIdOf(q.chatId(), Long.toString(q.messageId())).isPresent()));
    }

    /** A quorum of each group answers its second question (asked before), as replies to it. */
    private static void answerTheSecondQuestion(Map<GroupJourney, Sent> asked) {
        asked.forEach((group, question) -> group.answer(0, 1, question, GroupJourney.QUORUM));
    }

    /** Whether the group was asked the stage's question {@code promptIndex}. */
    private static boolean asked(FakeTelegram telegram, GroupJourney group, int promptIndex) {
        String literal = GroupJourney.literal(GroupJourney.flow().stage(0).prompts().get(promptIndex));
        return telegram.textsSentTo(group.chatId()).stream().anyMatch(text -> text.contains(literal));
    }

    /** Every answer the residents gave, as the app's reader of groups returns it. */
    private static void assertKeepsEveryAnswer(GroupRecords records, GroupJourney group) {
        Map<String, String> kept = records.answers(group.groupId()).stream()
                .collect(Collectors.toMap(Answer::key, Answer::value, (a, b) -> b));
        assertThat(kept).as("the answers of group %s", group.groupId())
                .containsAllEntriesOf(group.answersGiven());
        assertThat(records.state(group.groupId())).as("the state of group %s", group.groupId()).isPresent();
    }

    /** The stage's first {@code asked} questions reached the group once each, and nothing reached it twice. */
    private static void assertEachQuestionSentOnce(FakeTelegram telegram, GroupJourney group, int asked) {
        List<String> texts = telegram.textsSentTo(group.chatId());
        for (int p = 0; p < asked; p++) {
            Prompt prompt = GroupJourney.flow().stage(0).prompts().get(p);
            assertThat(texts).as("question %s in group %s", prompt.key(), group.groupId())
                    .filteredOn(text -> text.contains(GroupJourney.literal(prompt))).hasSize(1);
        }
        assertThat(texts).as("the messages of group %s", group.groupId()).doesNotHaveDuplicates();
        List<String> privately = telegram.textsSentTo(group.facilitator().id());
        assertThat(privately).as("the facilitator's private chat of group %s", group.groupId()).doesNotHaveDuplicates();
    }
}
