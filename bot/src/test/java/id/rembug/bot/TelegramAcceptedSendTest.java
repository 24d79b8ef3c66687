package id.rembug.bot;

import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegram.Sent;
import id.rembug.bot.testsupport.FakeTelegramApp;
import id.rembug.bot.testsupport.GroupJourney;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Telegram accepts a message and answers 200 {@code ok: true}, but the message it returns carries
 * fields TelegramBots cannot bind (a newer Bot API): the message was delivered, so it is settled
 * as sent, once, with the id Telegram gave it.
 */
@FakeTelegramApp
class TelegramAcceptedSendTest {

    @Autowired
    FakeTelegram telegram;

    @Test
    void questionTelegramAcceptedInAnAnswerTheLibraryCannotBindIsSentOnceAndRepliesToItAreAnswers() {
        try (GroupJourney group = new GroupJourney(telegram, GroupJourney.QUORUM)) {
            telegram.answersCarryNewerBotApiFields(group.chatId());
            group.facilitatorStartsThePrivateChat();

            // awaits the question and its message id recorded against the prompt
            Sent first = group.botJoinsAndTheGroupStarts();
            group.answer(0, 0, first, GroupJourney.QUORUM);
            Sent second = group.awaitQuestion(0, 1);
            group.answer(0, 1, second, GroupJourney.QUORUM);
            group.awaitQuestion(0, 2);

            group.assertAnswersKept();
            assertThat(telegram.textsSentTo(group.chatId()).stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
                    .as("every group message exactly once").allSatisfy((text, times) -> assertThat(times).isOne());
            assertThat(telegram.calls("sendMessage", group.chatId())).allMatch(FakeTelegram.Call::succeeded);
        }
    }
}
