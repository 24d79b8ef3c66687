package id.rembug.bot;

import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.TelegramAppProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole group journey through the whole app: Telegram long polling, the Redis inbox, the
 * engine, the outbox and the dispatcher, against a fake Bot API and a real Redis.
 */
@SpringBootTest(classes = RembugApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ExtendWith(RedisServerExtension.class)
@DirtiesContext
class TelegramJourneyTest {

    private static final FakeTelegram TELEGRAM = new FakeTelegram();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TelegramAppProperties.register(registry, TELEGRAM);
    }

    /** A bean, so the fake stops with the context, after the poller. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FakeTelegramBean {
        @Bean
        FakeTelegram fakeTelegram() {
            return TELEGRAM;
        }
    }

    @Test
    void fiveMembersWalkThroughAllSeventeenStagesAndTheFacilitatorGetsEveryMilestone() {
        try (GroupJourney group = new GroupJourney(TELEGRAM, 5)) {
            group.facilitatorStartsThePrivateChat();
            group.botJoinsAndTheGroupStarts();

            group.walk(0, GroupJourney.flow().stageCount() - 1);
            group.awaitFinished();

            group.assertCompleteJourney(List.of(group.chatId()));
            // every press of a button was answered (the spinner on the phone stops), each once
            List<String> answered = TELEGRAM.calls("answerCallbackQuery").stream()
                    .map(call -> call.body().path("callback_query_id").asText()).toList();
            assertThat(answered).doesNotHaveDuplicates();
        }
    }
}
