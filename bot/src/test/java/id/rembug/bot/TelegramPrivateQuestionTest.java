package id.rembug.bot;

import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegram.Person;
import id.rembug.bot.testsupport.FakeTelegram.Sent;
import id.rembug.bot.testsupport.FakeTelegramApp;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Prompt;
import id.rembug.dialogues.flow.Stage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sensitive question of the stock flow (trust stage: what should the facilitator not do?) asked
 * through Telegram as it behaves: a private chat with the bot exists only once the person pressed
 * Start, so the bot cannot write first (403 "bot can't initiate conversation"); the question's
 * link button is the way in. The group sees the question and its count, never an answer or a name.
 */
@FakeTelegramApp
class TelegramPrivateQuestionTest {

    @Autowired
    FakeTelegram telegram;

    @Test
    void residentsAnswerTheSensitiveQuestionInPrivateAndTheGroupSeesOnlyHowManyAnswered() {
        telegram.privateChatsNeedStart();
        try (GroupJourney group = GroupJourney.started(telegram, 3)) {
            group.advanceFrom(group.completeStage(0));
            Stage trust = GroupJourney.flow().stage(1);
            int sensitive = trust.indexOf("harapan");
            Prompt prompt = trust.prompts().get(sensitive);
            assertThat(prompt.privately()).as("the stock flow asks it privately").isTrue();
            for (int p = 0; p < sensitive; p++) {
                group.answer(1, p, group.awaitQuestion(1, p), GroupJourney.QUORUM);
            }
            Sent question = group.awaitQuestion(1, sensitive);
            assertThat(question.text()).contains(GroupJourney.literal(prompt));
            FakeTelegram.Button link = question.allButtons().stream().filter(b -> b.url() != null).findFirst()
                    .orElseThrow();
            assertThat(link.url()).matches("https://t\\.me/" + FakeTelegram.BOT_USERNAME + "\\?start=[A-Za-z0-9_-]{1,64}");
            Person first = group.residents().get(0);
            assertThat(telegram.callsFor(first.id())).as("the bot never writes first to a resident").isEmpty();
            int groupMessagesBefore = telegram.calls("sendMessage", group.chatId()).size();

            // the link forwarded beyond the group: Telegram says the stranger is not in it
            Person outsider = new Person(7_700_002L, "Tono");
            telegram.pressLink(outsider, link);
            String notInGroup = GroupJourney.text(MessageKey.PRIVATE_NOT_IN_GROUP, Map.of());
            group.awaitStep("the outsider told it is not theirs", () -> telegram.textsSentTo(outsider.id()).contains(notInGroup));
            telegram.privateText(outsider, "Jawaban orang luar");
            group.awaitStep("the outsider's answer refused too", () -> telegram.textsSentTo(outsider.id()).stream()
                    .filter(notInGroup::equals).count() == 2);
            assertThat(telegram.textsSentTo(outsider.id())).noneMatch(t -> t.startsWith(
                    GroupJourney.text(MessageKey.PRIVATE_ANSWER_THANKS, Map.of())));

            List<String> answers = List.of("Jangan memutuskan sendiri tanpa kami", "Jangan datang hanya saat ada proyek",
                    "Jangan berpihak ke satu RT saja");
            for (int i = 0; i < answers.size(); i++) {
                Person resident = group.residents().get(i);
                telegram.pressLink(resident, link);
                String asked = GroupJourney.text(MessageKey.PRIVATE_PROMPT_ASK, Map.of("question",
                        prompt.text().in(id.rembug.dialogues.flow.Language.ID))).split("\n")[0];
                group.awaitStep("the question asked privately", () -> telegram.textsSentTo(resident.id()).stream()
                        .anyMatch(t -> t.startsWith(asked)));
                telegram.privateText(resident, answers.get(i));
                String thanks = GroupJourney.text(MessageKey.PRIVATE_ANSWER_THANKS, Map.of());
                group.awaitStep("the thanks, privately", () -> telegram.textsSentTo(resident.id()).contains(thanks));
            }
            Sent next = group.awaitQuestion(1, sensitive + 1);

            // the group: the question's count edited in, then the next question; no answer, no name
            assertThat(telegram.calls("sendMessage", group.chatId())).as("group messages the private answers cost")
                    .hasSize(groupMessagesBefore + 1);
            assertThat(next.messageId()).isGreaterThan(question.messageId());
            group.awaitStep("the count edited into the question", () -> telegram.editsIn(group.chatId()).stream()
                    .anyMatch(e -> e.messageId() == question.messageId() && e.text().contains("✅ 3 ")));
            List<String> seenInGroup = new java.util.ArrayList<>(telegram.textsSentTo(group.chatId()));
            telegram.editsIn(group.chatId()).forEach(edit -> seenInGroup.add(edit.text()));
            for (String answer : answers) {
                assertThat(seenInGroup).noneMatch(t -> t.contains(answer));
            }

            // stored as each one's answer to the group's prompt, marked to be shown without names
            id.rembug.dialogues.engine.Answer stored = group.storedAnswers()
                    .get(trust.key() + ":1:" + prompt.key() + ":" + first.id());
            assertThat(stored.value()).isEqualTo(answers.get(0));
            assertThat(stored.anonymous()).isTrue();
            assertThat(group.storedAnswers().values()).noneMatch(answer -> answer.value().equals("Jawaban orang luar"));

            // the facilitator reads the answers "without name"
            group.answer(1, sensitive + 1, next, GroupJourney.QUORUM);
            Sent summary = group.awaitSummary(1);
            String withoutName = GroupJourney.text(MessageKey.SUMMARY_WITHOUT_NAME, Map.of());
            for (String answer : answers) {
                assertThat(summary.text()).contains(withoutName + ": " + answer);
            }
            for (Person resident : group.residents()) {
                assertThat(summary.text()).doesNotContain(resident.firstName() + ": " + answers.get(0));
            }
        }
    }

    @Test
    void aMadeUpLinkStartsThePrivateChatAndAsksNothing() {
        Person stranger = new Person(7_700_001L, "Sari");
        telegram.privateText(stranger, "/start q_-100123_kepercayaan_1_1_AAAAAAAAAAA");
        String welcome = GroupJourney.text(MessageKey.PRIVATE_WELCOME, Map.of("name", "Sari"));
        await(() -> telegram.textsSentTo(stranger.id()).contains(welcome));
        assertThat(telegram.textsSentTo(stranger.id())).containsExactly(welcome);
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(condition);
    }
}
