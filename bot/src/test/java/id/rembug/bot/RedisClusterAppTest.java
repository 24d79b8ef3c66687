package id.rembug.bot;

import id.rembug.bot.broadcast.Announcement;
import id.rembug.bot.broadcast.BroadcastJob;
import id.rembug.bot.broadcast.BroadcastService;
import id.rembug.bot.broadcast.Target;
import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.pipeline.WakeUpScheduler;
import id.rembug.bot.telegram.TelegramPolling;
import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.bot.testsupport.LocalRedisCluster;
import id.rembug.bot.testsupport.RembugApp;
import id.rembug.bot.testsupport.TelegramAppProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole app on a real local Redis Cluster of three masters ({@link LocalRedisCluster}), with
 * its work in four partitions: a group is answered end to end (its wake-ups included), a broadcast
 * reaches several groups, and two instances share the work, exactly as on a single Redis. Any script that touched keys of
 * two slots would fail here with CROSSSLOT, and the app would answer nothing.
 */
class RedisClusterAppTest {

    @TempDir
    static Path dir;

    private static LocalRedisCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = LocalRedisCluster.start(3, 0, dir);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void flush() {
        cluster.masters().forEach(master -> cluster.commands(master.port()).flushall());
    }

    private static Map<String, Object> onCluster(FakeTelegram telegram) {
        Map<String, Object> properties = TelegramAppProperties.of(telegram);
        properties.remove("spring.data.redis.url");
        properties.put("spring.data.redis.cluster.nodes", cluster.nodesProperty());
        properties.put("rembug.conversation.partitions", "4");
        return properties;
    }

    @Test
    void aGroupIsClaimedAnsweredAndGetsItsMilestoneSummaryOnACluster() {
        try (FakeTelegram telegram = new FakeTelegram();
             GroupJourney group = GroupJourney.onCluster(telegram, 4, cluster.nodesProperty())) {
            ConfigurableApplicationContext app = RembugApp.start(onCluster(telegram));
            try {
                group.facilitatorStartsThePrivateChat();
                group.botJoinsAndTheGroupStarts();
                group.completeStage(0);

                group.assertAnswersKept();
                assertThat(group.data().hlen(ConversationKeys.milestones(group.groupId()))).as("the stage's summary kept").isPositive();
                assertThat(group.data().smembers(ConversationKeys.GROUPS)).as("the index of groups").contains(group.groupId());
                assertThat(group.data().llen(ConversationKeys.followUps(group.groupId()))).as("every follow-up applied").isZero();
                // the stage's nudges and automatic steps wait as wake-ups in the group's partition: due later, delivered once
                WakeUpScheduler wakeUps = app.getBean(WakeUpScheduler.class);
                Instant later = Instant.now().plus(Duration.ofDays(30));
                assertThat(wakeUps.deliverDueAt(later)).as("wake-ups delivered").isPositive();
                assertThat(wakeUps.deliverDueAt(later)).as("none twice").isZero();
                group.awaitStep("the wake-ups applied", () -> group.data().xlen(ConversationKeys.events(group.groupId())) == 0);
                assertThat(servingMasters(group, List.of(ConversationKeys.group(group.groupId()),
                        ConversationKeys.work(0), ConversationKeys.work(1), ConversationKeys.work(2), ConversationKeys.work(3))))
                        .as("the group and the work partitions spread over the masters").hasSizeGreaterThan(1);
            } finally {
                app.close();
            }
        }
    }

    @Test
    void aBroadcastReachesEveryGroupOnACluster() {
        try (FakeTelegram telegram = new FakeTelegram()) {
            ConfigurableApplicationContext app = RembugApp.start(onCluster(telegram));
            List<GroupJourney> groups = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    GroupJourney group = GroupJourney.onCluster(telegram, 3, cluster.nodesProperty());
                    groups.add(group);
                    group.facilitatorStartsThePrivateChat();
                    group.botJoinsAndTheGroupStarts();
                }
                BroadcastService broadcasts = app.getBean(BroadcastService.class);
                BroadcastJob job = broadcasts.create(new Announcement("Rapat RW",
                                Instant.now().plus(Duration.ofDays(3)).atZone(ZoneId.of("Asia/Jakarta")), "Balai warga",
                                "Kerja bakti"), new Target.All(), Instant.now(), "1");

                GroupJourney.awaitStep(telegram, "the announcement delivered to every group", () ->
                        broadcasts.deliveries(job.id()).size() == groups.size()
                                && broadcasts.deliveries(job.id()).stream().allMatch(d -> "sent".equals(d.status())));
                for (GroupJourney group : groups) {
                    assertThat(telegram.sentTo(group.chatId()))
                            .as("group %s got the announcement once", group.groupId())
                            .filteredOn(sent -> sent.hasButtonWithDataStarting("v|" + job.id() + "|")).hasSize(1);
                }
            } finally {
                groups.forEach(GroupJourney::close);
                app.close();
            }
        }
    }

    @Test
    void twoInstancesShareTheWorkAndTheSurvivorCarriesOnOnACluster() {
        try (FakeTelegram telegram = new FakeTelegram()) {
            Map<String, Object> properties = onCluster(telegram);
            properties.put("rembug.telegram.poller.lease", "1s");
            ConfigurableApplicationContext first = RembugApp.start(properties);
            ConfigurableApplicationContext second = RembugApp.start(properties);
            try (GroupJourney group = GroupJourney.onCluster(telegram, 4, cluster.nodesProperty())) {
                TelegramPolling firstPolling = first.getBean(TelegramPolling.class);
                TelegramPolling secondPolling = second.getBean(TelegramPolling.class);
                GroupJourney.awaitStep(telegram, "one instance polls", () -> firstPolling.polls() || secondPolling.polls());
                group.facilitatorStartsThePrivateChat();
                group.botJoinsAndTheGroupStarts();
                group.answer(0, 0, group.awaitQuestion(0, 0), GroupJourney.QUORUM);
                group.awaitQuestion(0, 1);

                ConfigurableApplicationContext poller = firstPolling.polls() ? first : second;
                TelegramPolling survivor = poller == first ? secondPolling : firstPolling;
                poller.close();
                GroupJourney.awaitStep(telegram, "the survivor polls", survivor::polls);
                group.answer(0, 1, group.awaitQuestion(0, 1), GroupJourney.QUORUM);
                group.awaitQuestion(0, 2);
                group.assertAnswersKept();
            } finally {
                first.close();
                second.close();
            }
        }
    }

    private static Set<Integer> servingMasters(GroupJourney group, List<String> keys) {
        Set<Integer> ports = new TreeSet<>();
        keys.forEach(key -> ports.add(cluster.portServing(cluster.slotOf(key))));
        return ports;
    }
}
