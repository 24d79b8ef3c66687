package id.rembug.bot;

import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegram.Person;
import id.rembug.bot.testsupport.FakeTelegram.Sent;
import id.rembug.bot.testsupport.FakeTelegramApp;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.dialogues.flow.MessageKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Button data is signed for the chat it was sent to: a press with data someone made up, or with a
 * real facilitator's button data carried to another chat, claims nothing and starts nothing; the
 * presser gets a short toast.
 */
@FakeTelegramApp
class TelegramForgedButtonsTest {

    private static final Duration QUIET = Duration.ofMillis(1500);
    private static final String NOT_OURS = GroupJourney.text(MessageKey.BUTTON_NOT_OURS, Map.of());

    @Autowired
    FakeTelegram telegram;

    private final List<GroupJourney> groups = new ArrayList<>();

    @AfterEach
    void closeGroups() {
        groups.forEach(GroupJourney::close);
    }

    private GroupJourney group() {
        GroupJourney group = new GroupJourney(telegram, 3);
        groups.add(group);
        return group;
    }

    /** The stranger opens a private chat with the bot, so there is a bot message there to press under. */
    private Sent privateWelcome(Person stranger) {
        telegram.privateText(stranger, "/start");
        GroupJourney.awaitStep(telegram, "the stranger's welcome", () -> !telegram.sentTo(stranger.id()).isEmpty());
        return telegram.sentTo(stranger.id()).get(0);
    }

    @Test
    void aForgedFacilitatorButtonFromAPrivateChatClaimsNothingAndStartsNothing() {
        GroupJourney target = group();
        telegram.botAddedToGroup(target.chatId(), target.facilitator());
        GroupJourney.awaitStep(telegram, "the greeting", () -> telegram.messageCount(target.chatId()) == 1);
        Person stranger = new Person(990_000_001L, "Mallory");
        Sent welcome = privateWelcome(stranger);

        String claim = telegram.press(stranger, welcome, "f|" + target.groupId() + "|CLAIM_FACILITATOR");
        String start = telegram.press(stranger, welcome, "f|" + target.groupId() + "|START");

        GroupJourney.awaitStep(telegram, "both presses answered",
                () -> telegram.callbackAnswersIn(stranger.id()).size() == 2);
        assertThat(telegram.callbackAnswersIn(stranger.id()))
                .extracting(FakeTelegram.CallbackAnswer::callbackQueryId).containsExactlyInAnyOrder(claim, start);
        assertThat(telegram.callbackAnswersIn(stranger.id()))
                .allSatisfy(answer -> assertThat(answer.text()).isEqualTo(NOT_OURS));
        await().during(QUIET).atMost(QUIET.multipliedBy(3))
                .until(() -> telegram.messageCount(target.chatId()) == 1);
        assertThat(target.redis().hget("rembug:group:" + target.groupId(), "state"))
                .contains("\"facilitatorId\":null").contains("\"status\":\"NEW\"");
    }

    @Test
    void aRealFacilitatorButtonCarriedToAnotherChatDoesNothing() {
        GroupJourney group = group();
        group.facilitatorStartsThePrivateChat();
        group.botJoinsAndTheGroupStarts();
        Sent summary = group.completeStage(0);
        String advance = summary.allButtons().stream().map(FakeTelegram.Button::data)
                .filter(d -> d.startsWith("f|" + group.groupId() + "|ADVANCE|")).findFirst().orElseThrow();
        Person stranger = new Person(990_000_002L, "Mallory");
        Sent welcome = privateWelcome(stranger);
        group.awaitStageClosed(0);
        int[] settled = {-1};
        await().during(QUIET).atMost(Duration.ofSeconds(20)).until(() -> {
            int now = telegram.messageCount(group.chatId());
            boolean same = now == settled[0];
            settled[0] = now;
            return same;
        });
        int before = settled[0];

        telegram.press(stranger, welcome, advance);

        GroupJourney.awaitStep(telegram, "the press answered",
                () -> telegram.callbackAnswersIn(stranger.id()).size() == 1);
        assertThat(telegram.callbackAnswersIn(stranger.id()).get(0).text()).isEqualTo(NOT_OURS);
        await().during(QUIET).atMost(QUIET.multipliedBy(3))
                .until(() -> telegram.messageCount(group.chatId()) == before);
    }
}
