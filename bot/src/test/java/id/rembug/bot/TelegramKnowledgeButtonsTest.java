package id.rembug.bot;

import com.fasterxml.jackson.databind.JsonNode;
import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegram.Person;
import id.rembug.bot.testsupport.FakeTelegram.Sent;
import id.rembug.bot.testsupport.FakeTelegramApp;
import id.rembug.bot.testsupport.GroupJourney;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The "why does this stage matter?" and "read" buttons against a fake Bot API: a group may get
 * about 20 messages a minute, so a press in a group is answered with an alert for the person who
 * pressed (answerCallbackQuery, show_alert) or, for an article, one message however many press.
 * The messages are counted where Telegram would count them: sendMessage calls for the group.
 */
@FakeTelegramApp
class TelegramKnowledgeButtonsTest {

    private static final Duration QUIET = Duration.ofMillis(800);
    private static final int TELEGRAM_ALERT_LIMIT = 200;

    @Autowired
    FakeTelegram telegram;

    private final List<GroupJourney> groups = new ArrayList<>();

    @AfterEach
    void closeGroups() {
        groups.forEach(GroupJourney::close);
    }

    /** A group at its first question, with everyone who can press: the facilitator and four residents. */
    private GroupJourney startedGroup() {
        GroupJourney group = GroupJourney.started(telegram, 4);
        groups.add(group);
        return group;
    }

    private static List<Person> everyone(GroupJourney group) {
        List<Person> people = new ArrayList<>(group.residents());
        people.add(group.facilitator());
        return people;
    }

    /** The answers to these presses, once each has one. */
    private List<JsonNode> awaitAnswers(GroupJourney group, List<String> callbackIds) {
        group.awaitStep("every press answered", () -> answers(callbackIds).size() == callbackIds.size());
        return answers(callbackIds);
    }

    private List<JsonNode> answers(List<String> callbackIds) {
        return telegram.calls("answerCallbackQuery").stream().map(FakeTelegram.Call::body)
                .filter(body -> callbackIds.contains(body.path("callback_query_id").asText())).toList();
    }

    /**
     * The message that opens the second stage, whose first question has answer buttons and so
     * carries the "why" button too (a typed first question asks for a reply and carries none).
     */
    private Sent secondStageOpening(GroupJourney group) {
        group.advanceFrom(group.completeStage(0));
        Sent opening = group.awaitQuestion(1, 0);
        assertThat(opening.hasButtonWithDataStarting("k|kepercayaan")).isTrue();
        return opening;
    }

    private int groupMessages(GroupJourney group) {
        return telegram.calls("sendMessage", group.chatId()).size();
    }

    private void assertNoMoreGroupMessagesThan(GroupJourney group, int count) {
        await().during(QUIET).atMost(QUIET.multipliedBy(4)).until(() -> groupMessages(group) == count);
    }

    @Test
    void whyButtonPressedFiveTimesPostsNothingToTheGroup() {
        GroupJourney group = startedGroup();
        Sent intro = secondStageOpening(group);
        int before = groupMessages(group);

        List<String> presses = everyone(group).stream()
                .map(person -> telegram.press(person, intro, "k|kepercayaan")).toList();

        List<JsonNode> answers = awaitAnswers(group, presses);
        assertThat(answers).hasSize(5).allSatisfy(answer -> {
            assertThat(answer.path("show_alert").asBoolean()).isTrue();
            assertThat(answer.path("text").asText()).startsWith("❔ Saling percaya\n");
        });
        assertNoMoreGroupMessagesThan(group, before);
    }

    @Test
    void whyAlertFitsTelegramsTwoHundredCharacters() {
        GroupJourney group = startedGroup();
        Sent intro = secondStageOpening(group);

        String press = telegram.press(group.residents().get(1), intro, "k|kepercayaan");

        String alert = awaitAnswers(group, List.of(press)).get(0).path("text").asText();
        assertThat(alert.length()).isLessThanOrEqualTo(TELEGRAM_ALERT_LIMIT);
        assertThat(alert).doesNotContain("…").endsWith("\nBaca selengkapnya: /baca tahap-kepercayaan");
    }

    @Test
    void readButtonPressedByFiveResidentsPostsTheArticleOnceAsAReplyToItsMessage() {
        GroupJourney group = startedGroup();
        long question = telegram.groupText(group.chatId(), group.residents().get(0),
                "/tanya bagaimana menentukan tujuan bersama?", null);
        group.awaitStep("the answer", () -> answerTo(group, question).isPresent());
        Sent answer = answerTo(group, question).orElseThrow();
        String read = answer.buttonWithDataEnding("|tahap-arah").orElseThrow().data();
        int before = groupMessages(group);

        List<String> presses = new ArrayList<>();
        for (Person person : everyone(group)) {
            presses.add(telegram.press(person, answer, read));
        }

        List<JsonNode> answers = awaitAnswers(group, presses);
        group.awaitStep("the article", () -> groupMessages(group) == before + 1);
        assertNoMoreGroupMessagesThan(group, before + 1);
        Sent article = telegram.sentTo(group.chatId()).get(telegram.sentTo(group.chatId()).size() - 1);
        assertThat(article.text()).startsWith("📘 Menentukan arah\n\n");
        assertThat(article.replyTo()).isEqualTo(answer.messageId());
        // the first press posted it; the four others were told it is already there
        assertThat(answers).filteredOn(a -> a.path("text").asText().contains("sudah dikirim ke grup")).hasSize(4)
                .allSatisfy(a -> assertThat(a.path("show_alert").asBoolean(false)).isFalse());
    }

    @Test
    void readButtonInAPrivateChatPostsTheArticleThere() {
        GroupJourney group = startedGroup();
        Person facilitator = group.facilitator();
        telegram.privateText(facilitator, "/tanya bagaimana menentukan tujuan bersama?");
        group.awaitStep("the private answer", () -> telegram.sentTo(facilitator.id()).stream()
                .anyMatch(s -> s.hasButtonWithDataStarting("r|")));
        Sent answer = telegram.sentTo(facilitator.id()).stream().filter(s -> s.hasButtonWithDataStarting("r|"))
                .reduce((a, b) -> b).orElseThrow();

        telegram.press(facilitator, answer, answer.buttonWithDataEnding("|tahap-arah").orElseThrow().data());

        group.awaitStep("the article in the private chat", () -> telegram.textsSentTo(facilitator.id()).stream()
                .anyMatch(text -> text.startsWith("📘 Menentukan arah\n\n")));
    }

    private Optional<Sent> answerTo(GroupJourney group, long messageId) {
        return telegram.sentTo(group.chatId()).stream()
                .filter(s -> s.replyTo() != null && s.replyTo() == messageId).findFirst();
    }
}
