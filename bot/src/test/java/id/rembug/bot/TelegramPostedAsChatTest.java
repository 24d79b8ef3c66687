package id.rembug.bot;

import id.rembug.bot.testsupport.FakeTelegram;
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
 * Messages an anonymous admin posts as the group, or a linked channel posts, all come from one
 * shared Telegram user (GroupAnonymousBot, Channel_Bot): they name nobody. Such a command or
 * answer gets one short request to post as oneself, and changes nothing.
 */
@FakeTelegramApp
class TelegramPostedAsChatTest {

    private static final Duration QUIET = Duration.ofMillis(1500);
    private static final String POST_AS_YOURSELF = GroupJourney.text(MessageKey.POST_AS_YOURSELF, Map.of());

    @Autowired
    FakeTelegram telegram;

    private final List<GroupJourney> groups = new ArrayList<>();

    @AfterEach
    void closeGroups() {
        groups.forEach(GroupJourney::close);
    }

    @Test
    void anAnonymousAdminCannotClaimTheGroupAndIsAskedOnceToPostAsThemselves() {
        GroupJourney group = new GroupJourney(telegram, 3);
        groups.add(group);
        telegram.botAddedToGroup(group.chatId(), group.facilitator());
        GroupJourney.awaitStep(telegram, "the greeting", () -> telegram.messageCount(group.chatId()) == 1);

        telegram.anonymousAdminSays(group.chatId(), "/fasilitator", null);

        group.awaitStep("the request to post as oneself", () -> telegram.messageCount(group.chatId()) == 2);
        assertThat(telegram.textsSentTo(group.chatId()).get(1)).isEqualTo(POST_AS_YOURSELF);
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> telegram.messageCount(group.chatId()) == 2);
        assertThat(group.redis().hget("rembug:group:" + group.groupId(), "state")).contains("\"facilitatorId\":null");
    }

    @Test
    void aLinkedChannelsReplyToAQuestionIsNotKeptAsAnAnswer() {
        GroupJourney group = new GroupJourney(telegram, 3);
        groups.add(group);
        group.facilitatorStartsThePrivateChat();
        Sent question = group.botJoinsAndTheGroupStarts();
        int before = telegram.messageCount(group.chatId());

        telegram.channelSays(group.chatId(), -1_009_876_543_210L, "Sampah di sungai", question.messageId());

        group.awaitStep("the request to post as oneself", () -> telegram.messageCount(group.chatId()) == before + 1);
        assertThat(telegram.textsSentTo(group.chatId()).get(before)).isEqualTo(POST_AS_YOURSELF);
        assertThat(group.redis().hlen("rembug:group:" + group.groupId() + ":answers")).isZero();
    }
}
