package id.rembug.bot;

import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegram.Sent;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.RembugApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app stopped at random moments (seeded, so a failure can be replayed) while groups walk a
 * stage, and started again on the same Redis and Telegram: no group is left stuck, every answer
 * is stored exactly once, and nothing is sent twice beyond the one documented crash window (a
 * message Telegram accepted just before the stop, at most one per stop). Redis going away and
 * coming back is {@link RedisOutageJourneyTest}.
 */
@ExtendWith(RedisServerExtension.class)
class ReliabilitySuiteTest {

    private static final long SEED = 13;
    private static final int RUNS = 6;

    @Test
    void stoppingTheAppAtRandomMomentsLeavesNoGroupStuckAndNoAnswerLostOrDoubled() throws Exception {
        Random random = new Random(SEED);
        try (FakeTelegram telegram = new FakeTelegram()) {
            AtomicReference<ConfigurableApplicationContext> app = new AtomicReference<>(RembugApp.start(telegram));
            try {
                for (int run = 1; run <= RUNS; run++) {
                    long stopAfterMillis = random.nextInt(1_500);
                    try (GroupJourney group = new GroupJourney(telegram, 3).everyoneAnswers()) {
                        group.facilitatorStartsThePrivateChat();
                        group.botJoinsAndTheGroupStarts();
                        Thread stopper = new Thread(() -> {
                            sleep(stopAfterMillis);
                            app.get().close();
                            app.set(RembugApp.start(telegram));
                        }, "reliability-stopper");
                        stopper.start();
                        group.completeStage(0);
                        stopper.join();

                        String seen = "run " + run + " (seed " + SEED + ", stopped after " + stopAfterMillis + " ms)";
                        group.assertAnswersKept();
                        assertThat(group.storedAnswers())
                                .as(seen + ": every answer stored once").hasSize(group.answersGiven().size());
                        Map<String, Long> sentTwice = telegram.sentTo(group.chatId()).stream()
                                .collect(Collectors.groupingBy(Sent::text, Collectors.counting()));
                        sentTwice.values().removeIf(count -> count < 2);
                        assertThat(sentTwice).as(seen + ": sent twice only in the crash window").hasSizeLessThanOrEqualTo(1);
                    }
                }
            } finally {
                app.get().close();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
