package id.rembug.bot;

import id.rembug.bot.telegram.TelegramPolling;
import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.bot.testsupport.RembugApp;
import id.rembug.bot.testsupport.TelegramAppProperties;
import id.rembug.bot.testsupport.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two identical instances in polling mode on one Redis: a lease elects the one that calls
 * getUpdates (Telegram serves one caller at a time), and when it goes the other takes over.
 */
@TestRedis
class TelegramTwoInstancesTest {

    @Test
    void twoInstancesPollOneAtATimeAndTheSurvivorTakesOverWhenThePollerGoes() throws InterruptedException {
        try (FakeTelegram telegram = new FakeTelegram()) {
            Map<String, Object> properties = TelegramAppProperties.of(telegram);
            properties.put("rembug.telegram.poller.lease", "1s");
            ConfigurableApplicationContext first = RembugApp.start(properties);
            ConfigurableApplicationContext second = RembugApp.start(properties);
            try {
                TelegramPolling firstPolling = first.getBean(TelegramPolling.class);
                TelegramPolling secondPolling = second.getBean(TelegramPolling.class);
                GroupJourney.awaitStep(telegram, "one instance polls",
                        () -> firstPolling.polls() || secondPolling.polls());
                for (int i = 0; i < 20; i++) {
                    assertThat(firstPolling.polls() && secondPolling.polls()).as("never both").isFalse();
                    Thread.sleep(100);
                }
                try (GroupJourney group = GroupJourney.started(telegram, 4)) {
                    ConfigurableApplicationContext poller = firstPolling.polls() ? first : second;
                    TelegramPolling survivor = poller == first ? secondPolling : firstPolling;

                    poller.close();
                    GroupJourney.awaitStep(telegram, "the survivor polls", survivor::polls);
                    group.answer(0, 0, group.awaitQuestion(0, 0), GroupJourney.QUORUM);
                    group.awaitQuestion(0, 1);
                    group.assertAnswersKept();
                }
            } finally {
                first.close();
                second.close();
            }
        }
    }
}
