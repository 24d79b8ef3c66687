package id.rembug.bot;

import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.bot.testsupport.LocalRedisSentinel;
import id.rembug.bot.testsupport.RembugApp;
import id.rembug.bot.testsupport.TelegramAppProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.Map;

/**
 * The app unchanged on Redis Sentinel ({@code spring.data.redis.sentinel.*}): a group answers,
 * the master dies, the sentinel promotes the replica, and the group goes on answering with every
 * answer it gave still there.
 */
class RedisSentinelTest {

    @TempDir
    Path dir;

    @Test
    void aGroupGoesOnAnsweringAfterTheSentinelPromotesTheReplica() {
        try (LocalRedisSentinel sentinel = LocalRedisSentinel.start(dir);
             FakeTelegram telegram = new FakeTelegram()) {
            Map<String, Object> properties = TelegramAppProperties.of(telegram);
            properties.remove("spring.data.redis.url");
            properties.put("spring.data.redis.sentinel.master", LocalRedisSentinel.MASTER_NAME);
            properties.put("spring.data.redis.sentinel.nodes", sentinel.sentinelNodes());
            try (ConfigurableApplicationContext app = RembugApp.start(properties);
                 GroupJourney group = new GroupJourney(telegram, 4, sentinel.uri())) {
                group.facilitatorStartsThePrivateChat();
                group.botJoinsAndTheGroupStarts();
                group.answer(0, 0, group.awaitQuestion(0, 0), GroupJourney.QUORUM);
                group.awaitQuestion(0, 1);
                // Replication is asynchronous: what the master acknowledged in its last instant may
                // not have reached the replica. Waiting here keeps this test about the failover.
                sentinel.awaitReplicaInSync();

                sentinel.killMaster();
                sentinel.awaitFailover();

                group.answer(0, 1, group.awaitQuestion(0, 1), GroupJourney.QUORUM);
                group.awaitQuestion(0, 2);
                group.assertAnswersKept();
            }
        }
    }
}
