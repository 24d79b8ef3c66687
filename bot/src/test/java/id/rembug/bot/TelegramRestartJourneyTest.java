package id.rembug.bot;

import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegram.Sent;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.bot.testsupport.GroupJourney.Answered;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.RembugApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app stopped and started again in the middle of a group's journey, on the same Redis and
 * the same Telegram, which sends again every update whose receipt the bot had not confirmed.
 * The group must not notice: the restarted journey is told exactly what an uninterrupted one
 * is told, and every answer is kept.
 */
@ExtendWith(RedisServerExtension.class)
class TelegramRestartJourneyTest {

    private static final int LAST_STAGE = GroupJourney.flow().stageCount() - 1;

    @Test
    void restartMidJourneyLosesNothingAndSendsNothingTwice() {
        try (FakeTelegram telegram = new FakeTelegram();
             GroupJourney straight = new GroupJourney(telegram, 5);
             GroupJourney restarted = new GroupJourney(telegram, 5)) {
            List<Answered> answers;
            ConfigurableApplicationContext app = RembugApp.start(telegram);
            try {
                // what an uninterrupted journey is told, to compare with
                straight.facilitatorStartsThePrivateChat();
                straight.botJoinsAndTheGroupStarts();
                straight.walk(0, LAST_STAGE);
                straight.awaitFinished();

                restarted.facilitatorStartsThePrivateChat();
                restarted.botJoinsAndTheGroupStarts();
                restarted.walk(0, 3);
                Sent fifthSummary = restarted.completeStage(4);

                // 1. An orderly restart while the facilitator reads the fifth summary.
                app.close();
                app = RembugApp.start(telegram);
                restarted.advanceFrom(fifthSummary);
                restarted.walk(5, 7);

                // 2. The instance dies right after storing answers it took from Telegram (button
                // presses), before applying them and before its next getUpdates could confirm them.
                restarted.answer(8, 0, restarted.awaitQuestion(8, 0), GroupJourney.QUORUM);
                answers = restarted.answerJustBeforeACrash(app, 8, 1, restarted.awaitQuestion(8, 1),
                        GroupJourney.QUORUM);
                app.close();
                telegram.keepConfirmations();
                app = RembugApp.start(telegram);
                restarted.awaitStep("Telegram sends the answers again", () -> answers.stream()
                        .allMatch(a -> telegram.timesServed(a.updateId()) >= 2));

                for (int prompt = 2; prompt < GroupJourney.flow().stage(8).prompts().size(); prompt++) {
                    restarted.answer(8, prompt, restarted.awaitQuestion(8, prompt), GroupJourney.QUORUM);
                    if (GroupJourney.flow().stage(8).prompts().get(prompt).decision()) {
                        restarted.agreeOnDecision(8, prompt);
                    }
                }
                restarted.advanceFrom(restarted.awaitSummary(8));
                restarted.walk(9, LAST_STAGE);
                restarted.awaitFinished();
            } finally {
                app.close();
            }

            restarted.assertCompleteJourney(List.of(restarted.chatId()));
            assertThat(answers).as("applied, then deleted from the inbox")
                    .allSatisfy(a -> assertThat(restarted.timesInInbox(a.updateId())).isZero());
            assertThat(telegram.textsSentTo(restarted.chatId()))
                    .as("the group is told exactly what an uninterrupted group is told")
                    .containsExactlyElementsOf(telegram.textsSentTo(straight.chatId()));
            assertThat(telegram.textsSentTo(restarted.facilitator().id()))
                    .containsExactlyElementsOf(telegram.textsSentTo(straight.facilitator().id()));
            assertThat(telegram.reactionsIn(restarted.chatId())).as("no reaction per answer").isEmpty();
            List<String> callbacksAnswered = telegram.calls("answerCallbackQuery").stream()
                    .map(call -> call.body().path("callback_query_id").asText()).toList();
            assertThat(callbacksAnswered).doesNotHaveDuplicates();
        }
    }
}
