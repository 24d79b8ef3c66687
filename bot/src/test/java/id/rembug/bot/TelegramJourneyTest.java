package id.rembug.bot;

import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegramApp;
import id.rembug.bot.testsupport.GroupJourney;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole group journey through the whole app: Telegram long polling, the Redis inbox, the
 * engine, the outbox and the dispatcher, against a fake Bot API and a real Redis.
 */
@FakeTelegramApp
class TelegramJourneyTest {


    @Autowired
    FakeTelegram telegram;

    @Test
    void fiveMembersWalkThroughAllSeventeenStagesAndTheFacilitatorGetsEveryMilestone() {
        try (GroupJourney group = new GroupJourney(telegram, 5)) {
            group.facilitatorStartsThePrivateChat();
            group.botJoinsAndTheGroupStarts();

            group.walk(0, GroupJourney.flow().stageCount() - 1);
            group.awaitFinished();

            group.assertCompleteJourney(List.of(group.chatId()));
            // every press of a button was answered (the spinner on the phone stops), each once
            List<String> answered = telegram.calls("answerCallbackQuery").stream()
                    .map(call -> call.body().path("callback_query_id").asText()).toList();
            assertThat(answered).doesNotHaveDuplicates();
        }
    }
}
