package id.rembug.bot;

import id.rembug.bot.redis.EmbeddedRedisServer;
import id.rembug.bot.redis.EmbeddedRedisSupervisor;
import id.rembug.bot.redis.RedisBinary;
import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegram.Sent;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.bot.testsupport.GroupJourney.Answered;
import id.rembug.bot.testsupport.RembugApp;
import id.rembug.bot.testsupport.TelegramAppProperties;
import id.rembug.dialogues.flow.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis goes away in the middle of a group's journey (its process killed) and comes back: what
 * Telegram handed over meanwhile is not lost, and the group carries on within ten seconds of
 * Redis' return without anyone restarting the app. Each test runs its own Redis, never the
 * shared test one.
 */
class RedisOutageJourneyTest {

    /** What "resumes by itself" means: the next question within this long of Redis' return. */
    static final Duration RESUMES_WITHIN = Duration.ofSeconds(10);
    /** The embedded Redis writes its append-only file to disk every second. */
    static final Duration FSYNC = Duration.ofMillis(1_200);
    /** Longer than the command timeout (3 s), so every loop of the app meets failed commands. */
    static final Duration OUTAGE = Duration.ofSeconds(4);

    @TempDir
    Path dataDir;

    @Test
    void answersGivenWhileRedisIsDownAreKeptAndTheGroupGoesOnWithinTenSecondsOfItsReturn() throws Exception {
        EmbeddedRedisServer redis = EmbeddedRedisServer.start(RedisBinary.locate(null),
                EmbeddedRedisServer.Options.of(dataDir, 0));
        int port = redis.port();
        try (FakeTelegram telegram = new FakeTelegram();
             GroupJourney group = new GroupJourney(telegram, 4, redis.url())) {
            Map<String, Object> properties = TelegramAppProperties.of(telegram);
            properties.put("spring.data.redis.url", redis.url());
            ConfigurableApplicationContext app = RembugApp.start(properties);
            try {
                group.facilitatorStartsThePrivateChat();
                group.botJoinsAndTheGroupStarts();
                group.answer(0, 0, group.awaitQuestion(0, 0), GroupJourney.QUORUM);
                Sent second = group.awaitQuestion(0, 1);

                Thread.sleep(FSYNC.toMillis());
                killHardAndForget(redis);
                List<Answered> duringOutage = group.answer(0, 1, second, GroupJourney.QUORUM);
                // The poller holds the batch it has, retrying inside consume; the rest wait at Telegram.
                group.awaitStep("Telegram hands an answer over", () -> duringOutage.stream()
                        .anyMatch(a -> telegram.timesServed(a.updateId()) >= 1));
                Thread.sleep(OUTAGE.toMillis());

                redis = EmbeddedRedisServer.start(RedisBinary.locate(null), EmbeddedRedisServer.Options.of(dataDir, port));
                awaitQuestionSentWithin(telegram, group, 0, 2);

                group.answer(0, 2, group.awaitQuestion(0, 2), GroupJourney.QUORUM);
                group.awaitSummary(0);
            } finally {
                app.close();
            }
            group.assertAnswersKept();
            assertThat(group.storedAnswers()).as("every answer stored once").hasSize(group.answersGiven().size());
            assertNoQuestionSentTwice(telegram, group);
        } finally {
            redis.close();
        }
    }

    @Test
    void theEmbeddedRedisKilledMidJourneyIsStartedAgainAndTheGroupGoesOn() throws Exception {
        try (FakeTelegram telegram = new FakeTelegram()) {
            Map<String, Object> properties = TelegramAppProperties.of(telegram);
            properties.remove("spring.data.redis.url");
            properties.put("rembug.redis.embedded.enabled", "true");
            properties.put("rembug.redis.embedded.data-dir", dataDir.toString());
            properties.put("rembug.redis.embedded.port", "0");
            ConfigurableApplicationContext app = RembugApp.start(properties);
            EmbeddedRedisSupervisor supervisor = app.getBean(EmbeddedRedisSupervisor.class);
            try (GroupJourney group = new GroupJourney(telegram, 4, supervisor.server().url())) {
                group.facilitatorStartsThePrivateChat();
                group.botJoinsAndTheGroupStarts();
                group.answer(0, 0, group.awaitQuestion(0, 0), GroupJourney.QUORUM);
                Sent second = group.awaitQuestion(0, 1);

                Thread.sleep(FSYNC.toMillis());
                long killedPid = supervisor.server().pid();
                killHard(supervisor.server());
                group.answer(0, 1, second, GroupJourney.QUORUM);

                await("the embedded Redis started again").atMost(RESUMES_WITHIN)
                        .until(() -> supervisor.restarts() == 1 && supervisor.server().isRunning());
                assertThat(supervisor.server().pid()).isNotEqualTo(killedPid);
                assertThat(supervisor.server().port()).as("same port: the app's connections find it")
                        .isEqualTo(supervisor.port());
                awaitQuestionSentWithin(telegram, group, 0, 2);

                group.answer(0, 2, group.awaitQuestion(0, 2), GroupJourney.QUORUM);
                group.awaitSummary(0);
                group.assertAnswersKept();
                assertThat(group.storedAnswers()).as("every answer stored once").hasSize(group.answersGiven().size());
                assertNoQuestionSentTwice(telegram, group);
            } finally {
                app.close();
            }
        }
    }

    /** SIGKILL: no SHUTDOWN, no last fsync; what was written a second ago is on disk. */
    static void killHard(EmbeddedRedisServer redis) {
        ProcessHandle process = ProcessHandle.of(redis.pid()).orElseThrow();
        process.destroyForcibly();
        process.onExit().join();
    }

    /** Kills a server this test owns and releases its data directory for the next one. */
    static void killHardAndForget(EmbeddedRedisServer redis) {
        killHard(redis);
        redis.close();
    }

    private static void awaitQuestionSentWithin(FakeTelegram telegram, GroupJourney group, int stage, int prompt) {
        String text = GroupJourney.flow().stage(stage).prompts().get(prompt).text().in(Language.ID);
        try {
            await("question " + stage + "/" + prompt + " within " + RESUMES_WITHIN.toSeconds() + " s of Redis' return")
                    .atMost(RESUMES_WITHIN).pollInterval(Duration.ofMillis(20))
                    .until(() -> telegram.sentTo(group.chatId()).stream().anyMatch(s -> s.text().contains(text)));
        } catch (org.awaitility.core.ConditionTimeoutException timeout) {
            throw new AssertionError(timeout.getMessage() + "\n" + telegram.transcript(), timeout);
        }
    }

    static void assertNoQuestionSentTwice(FakeTelegram telegram, GroupJourney group) {
        assertThat(telegram.sentTo(group.chatId()).stream().filter(Sent::isQuestion).map(Sent::text).toList())
                .doesNotHaveDuplicates();
    }
}
