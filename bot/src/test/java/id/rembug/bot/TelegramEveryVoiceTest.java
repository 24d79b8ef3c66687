package id.rembug.bot;

import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.conversation.GroupRecordCodec;
import id.rembug.dialogues.engine.Answer;
import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegram.Sent;
import id.rembug.bot.testsupport.FakeTelegramApp;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Stage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group as it lives: five residents answering every question at the same second, replies
 * coming in before, during and after a stage closes, a facilitator who presses /lanjut twice,
 * and the bot within Telegram's own limits (20 messages a minute per group, one a second per
 * chat with a burst of three), counted at the fake Bot API.
 */
@FakeTelegramApp(properties = {
        // the slower members' grace, shortened from two minutes so a test can wait it out
        "rembug.conversation.latecomer-grace=PT3S",
        // Telegram's limits, as in production
        "rembug.dispatch.limits.global=30", "rembug.dispatch.limits.broadcast=25",
        "rembug.dispatch.limits.chat-interval=1s", "rembug.dispatch.limits.chat-burst=3",
        "rembug.dispatch.limits.group=20"})
class TelegramEveryVoiceTest {

    private static final int EVERYONE = 5;

    @Autowired
    FakeTelegram telegram;

    @Test
    void fiveResidentsAnsweringAtOnceAreAllInTheSummaryAndTheBotSpendsAFewMessagesPerStage() {
        try (GroupJourney group = new GroupJourney(telegram, EVERYONE)) {
            group.facilitatorStartsThePrivateChat();
            group.botJoinsAndTheGroupStarts();
            int groupMessagesBefore = groupMessages(group);

            Stage stage = GroupJourney.flow().stage(0);
            for (int p = 0; p < stage.prompts().size(); p++) {
                // all five at once: the quorum (3) asks the next question; the 4th and 5th still count
                group.answer(0, p, group.awaitQuestion(0, p), EVERYONE);
            }
            Sent summary = group.awaitSummary(0);
            group.awaitStageClosed(0);

            for (FakeTelegram.Person resident : group.residents()) {
                assertThat(summary.text()).as("every voice in the summary").contains(resident.firstName() + ":");
            }
            assertThat(summary.text()).doesNotContain(GroupJourney.text(MessageKey.SUMMARY_QUIET,
                    Map.of("names", "")).strip());
            group.assertAnswersKept();
            assertThat(group.storedAnswers().values())
                    .hasSize(EVERYONE * stage.prompts().size())
                    .noneMatch(Answer::late);
            // kept once: the stage's stored summary took its answers in, and they left the answers hash
            assertThat(group.redis().hkeys(ConversationKeys.answers(group.groupId())))
                    .noneMatch(key -> key.startsWith(stage.key() + ":"));

            // Messages the stage cost the group: its later questions and its closing, nothing per answer
            int answers = EVERYONE * stage.prompts().size();
            int spent = groupMessages(group) - groupMessagesBefore;
            assertThat(spent).isEqualTo(stage.prompts().size() - 1 + 1);
            assertThat(telegram.calls("setMessageReaction", group.chatId())).isEmpty();
            assertThat(telegram.calls("editMessageText", group.chatId())).hasSizeLessThanOrEqualTo(answers);
        }
    }

    @Test
    void lanjutPressedTwiceAsksBeforeLeavingAStageNobodyAnsweredAndLateRepliesReachTheFacilitatorOnce() {
        try (GroupJourney group = new GroupJourney(telegram, EVERYONE)) {
            group.facilitatorStartsThePrivateChat();
            group.botJoinsAndTheGroupStarts();
            Stage first = GroupJourney.flow().stage(0);
            for (int p = 0; p < first.prompts().size(); p++) {
                group.answer(0, p, group.awaitQuestion(0, p), GroupJourney.QUORUM);
            }
            Sent summary = group.awaitSummary(0);
            Sent firstQuestion = group.awaitQuestion(0, 0);

            // The facilitator types /lanjut and, as nothing seems to happen at once, again
            telegram.groupText(group.chatId(), group.facilitator(), "/lanjut", null);
            telegram.groupText(group.chatId(), group.facilitator(), "/lanjut", null);
            Sent secondStage = group.awaitQuestion(1, 0);
            String confirm = GroupJourney.text(MessageKey.ADVANCE_CONFIRM, Map.of("name",
                    group.facilitator().firstName(), "title", GroupJourney.flow().stage(1).title().in(Language.ID)));
            group.awaitStep("the confirmation asked", () -> telegram.textsSentTo(group.chatId()).contains(confirm));
            assertThat(telegram.summaries(group.facilitator().id())).as("no empty stage closed").hasSize(1);

            // The summary's own button is pressed late: it says so and changes nothing
            group.advanceFrom(summary);
            group.awaitStep("the stale press answered", () -> telegram.calls("answerCallbackQuery").stream()
                    .anyMatch(call -> call.body().path("text").asText().contains(
                            GroupJourney.flow().stage(1).title().in(Language.ID))));
            assertThat(telegram.summaries(group.facilitator().id())).hasSize(1);

            // A slower member still answers the first stage's first question: kept, marked late,
            // and sent to the facilitator once as an addendum to that stage's summary
            FakeTelegram.Person slow = group.residents().get(GroupJourney.QUORUM);
            telegram.groupText(group.chatId(), slow, "Saya " + slow.firstName() + ", baru sempat", firstQuestion.messageId());
            String heading = GroupJourney.text(MessageKey.LATE_HEADING, Map.of("number", 1, "total",
                    GroupJourney.flow().stageCount(), "title", first.title().in(Language.ID)));
            group.awaitStep("the addendum", () -> telegram.textsSentTo(group.facilitator().id()).stream()
                    .anyMatch(t -> t.startsWith(heading)));
            assertThat(telegram.textsSentTo(group.facilitator().id())).filteredOn(t -> t.startsWith(heading))
                    .singleElement().satisfies(t -> assertThat(t).contains(slow.firstName() + ": Saya"));
            assertThat(group.storedAnswers().get(first.key() + ":1:" + first.prompts().get(0).key() + ":" + slow.id()))
                    .extracting(Answer::late).isEqualTo(true);
            assertThat(new GroupRecordCodec().readSummary(group.redis().hget(ConversationKeys.milestones(group.groupId()),
                    first.key() + ":1"), GroupJourney.flow()).prompts().get(0).answers()).anyMatch(a -> a.memberName().equals(slow.firstName()));

            // and the group, where a question waits, heard nothing about any of this
            assertThat(secondStage.chatId()).isEqualTo(Long.toString(group.chatId()));
            List<String> afterwards = telegram.textsSentTo(group.chatId());
            assertThat(afterwards.subList(afterwards.indexOf(confirm) + 1, afterwards.size())).isEmpty();
        }
    }

    @Test
    void everyoneHasSpokenIsSaidOnlyWhenTelegramCountsNobodyWhoStayedSilent() {
        try (GroupJourney group = new GroupJourney(telegram, EVERYONE)) {
            // the facilitator, five residents who answer, one who never writes, and the bot
            telegram.groupHas(group.chatId(), 1 + EVERYONE + 1 + 1);
            group.facilitatorStartsThePrivateChat();
            group.botJoinsAndTheGroupStarts();
            Stage stage = GroupJourney.flow().stage(0);
            for (int p = 0; p < stage.prompts().size(); p++) {
                group.answer(0, p, group.awaitQuestion(0, p), EVERYONE);
            }
            Sent summary = group.awaitSummary(0);

            assertThat(summary.text()).doesNotContain(GroupJourney.text(MessageKey.SUMMARY_NOBODY_QUIET, Map.of()))
                    .contains(GroupJourney.text(MessageKey.SUMMARY_ALL_KNOWN_SPOKE, Map.of("count", EVERYONE)));
            // and the group saw its progress counted against everyone in it, the silent one too
            group.awaitStep("the progress edited into the question", () ->
                    telegram.calls("editMessageText", group.chatId()).stream().anyMatch(edit ->
                            edit.body().path("text").asText().endsWith("✅ 5 dari 6 sudah menjawab")));
        }
    }

    private int groupMessages(GroupJourney group) {
        return (int) telegram.calls("sendMessage", group.chatId()).stream().filter(FakeTelegram.Call::succeeded).count();
    }
}
