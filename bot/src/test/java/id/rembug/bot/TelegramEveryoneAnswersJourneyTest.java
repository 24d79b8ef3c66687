package id.rembug.bot;

import id.rembug.dialogues.engine.Answer;
import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegram.Sent;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.bot.testsupport.GroupJourney.Answered;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.RembugApp;
import id.rembug.bot.testsupport.TelegramAppProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All five residents answer every question of all 17 stages within the same second, and the
 * bot dies along the way after taking answers from Telegram but before applying them: no
 * answer is missing from any summary or from what the exports read, none is late.
 */
@ExtendWith(RedisServerExtension.class)
class TelegramEveryoneAnswersJourneyTest {

    private static final int LAST_STAGE = GroupJourney.flow().stageCount() - 1;
    /** The production grace for slower members: every summary here must come without waiting it out. */
    private static final String GRACE = "--rembug.conversation.latecomer-grace=PT2M";

    @Test
    void everyAnswerOfFiveResidentsReachesEverySummaryThroughACrash() {
        try (FakeTelegram telegram = new FakeTelegram();
             GroupJourney group = new GroupJourney(telegram, 5).everyoneAnswers()) {
            ConfigurableApplicationContext app = RembugApp.start(TelegramAppProperties.of(telegram), GRACE);
            List<Answered> retaken;
            try {
                group.facilitatorStartsThePrivateChat();
                group.botJoinsAndTheGroupStarts();
                group.walk(0, 5);

                // The instance dies right after storing five answers in its inbox, before applying
                // them and before its next getUpdates confirmed them to Telegram.
                retaken = group.answerJustBeforeACrash(app, 6, 0, group.awaitQuestion(6, 0), 5);
                app.close();
                telegram.keepConfirmations();
                app = RembugApp.start(TelegramAppProperties.of(telegram), GRACE);

                for (int prompt = 1; prompt < GroupJourney.flow().stage(6).prompts().size(); prompt++) {
                    group.answer(6, prompt, group.awaitQuestion(6, prompt), 5);
                }
                group.advanceFrom(group.awaitSummary(6));
                group.walk(7, LAST_STAGE);
                group.awaitFinished();
            } finally {
                app.close();
            }

            group.assertCompleteJourney(List.of(group.chatId()));
            assertThat(retaken).as("applied, then deleted from the inbox")
                    .allSatisfy(a -> assertThat(group.timesInInbox(a.updateId())).isZero());
            List<Sent> summaries = telegram.summaries(group.facilitator().id());
            for (int stage = 0; stage <= LAST_STAGE; stage++) {
                for (FakeTelegram.Person resident : group.residents()) {
                    assertThat(summaries.get(stage).text()).as("summary %d names %s", stage + 1, resident.firstName())
                            .contains("• " + resident.firstName() + ":");
                }
            }
            assertThat(group.storedAnswers().values())
                    .hasSize(group.answersGiven().size())
                    .noneMatch(Answer::late);
        }
    }
}
