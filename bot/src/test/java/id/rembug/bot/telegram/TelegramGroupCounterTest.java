package id.rembug.bot.telegram;

import id.rembug.bot.channel.ChatUser;
import id.rembug.bot.channel.Inbound;
import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static id.rembug.bot.telegram.TelegramSamples.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The member count against a Bot API double: every join and departure is counted, a /mulai only
 * when the group's last count is older than the fresh-for setting. Each count is one Bot API call
 * and one turn of the group, so a count that still holds is not taken again.
 */
class TelegramGroupCounterTest {

    private static final long GROUP = -400_100L;
    private static final long OTHER_GROUP = -400_200L;
    private static final ChatUser FACILITATOR = ChatUser.person("700", "Rahmat");

    private final FakeTelegram api = new FakeTelegram(TOKEN);
    private final TelegramApiClient client = new TelegramApiClient(
            new TelegramProperties(TOKEN, api.url(), null, null, null, null, null, Duration.ofSeconds(5), null));
    private final CollectingInbox inbox = new CollectingInbox();
    private final TestClock clock = new TestClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final TelegramGroupCounter counter = new TelegramGroupCounter(client, inbox, clock, Duration.ofMinutes(10));
    private int updates;

    @AfterEach
    void tearDown() {
        counter.close();
        client.close();
        api.close();
    }

    @Test
    void aGroupStartedSoonAfterTheBotWasAddedIsNotCountedAgain() {
        api.groupHas(GROUP, 6);
        counter.countAfter(List.of(botAdded(GROUP)));
        clock.advance(Duration.ofMinutes(4));
        counter.countAfter(List.of(start(GROUP)));

        countsSettle();
        assertThat(api.calls("getChatMemberCount", GROUP)).hasSize(1);
        assertThat(countsOf(GROUP)).containsExactly(6);
    }

    @Test
    void aGroupStartedLongAfterItsLastCountIsCountedAgain() {
        api.groupHas(GROUP, 6);
        counter.countAfter(List.of(botAdded(GROUP)));
        countsSettle();
        clock.advance(Duration.ofMinutes(11));
        api.groupHas(GROUP, 9);
        counter.countAfter(List.of(start(GROUP)));

        countsSettle();
        assertThat(countsOf(GROUP)).containsExactly(6, 9);
    }

    @Test
    void everyJoinIsCountedHoweverRecentTheLastCount() {
        api.groupHas(GROUP, 6);
        counter.countAfter(List.of(botAdded(GROUP)));
        countsSettle();
        api.groupHas(GROUP, 7);
        counter.countAfter(List.of(joined(GROUP)));
        counter.countAfter(List.of(start(GROUP)));

        countsSettle();
        assertThat(countsOf(GROUP)).containsExactly(6, 7);
    }

    @Test
    void aCountThatFailedIsTakenAtTheGroupsStart() {
        api.groupHas(GROUP, 6);
        api.failNext("getChatMemberCount", GROUP, 1, FakeTelegram.Failure.serverError(502));
        counter.countAfter(List.of(botAdded(GROUP)));
        countsSettle();
        counter.countAfter(List.of(start(GROUP)));

        countsSettle();
        assertThat(api.calls("getChatMemberCount", GROUP)).hasSize(2);
        assertThat(countsOf(GROUP)).containsExactly(6);
    }

    @Test
    void withFreshForZeroEveryStartIsCounted() {
        try (TelegramGroupCounter always = new TelegramGroupCounter(client, inbox, clock, Duration.ZERO)) {
            api.groupHas(GROUP, 6);
            always.countAfter(List.of(botAdded(GROUP)));
            always.countAfter(List.of(start(GROUP)));
            api.groupHas(OTHER_GROUP, 3);
            always.countAfter(List.of(botAdded(OTHER_GROUP)));
            await().until(() -> countsOf(OTHER_GROUP).size() == 1);
        }
        assertThat(api.calls("getChatMemberCount", GROUP)).hasSize(2);
    }

    /**
     * Waits until everything asked of the counter so far is done: it counts one group at a time,
     * in order, so once a marker group's count is in, every earlier count was taken or skipped.
     */
    private void countsSettle() {
        int before = countsOf(OTHER_GROUP).size();
        api.groupHas(OTHER_GROUP, 3);
        counter.countAfter(List.of(joined(OTHER_GROUP)));
        await().until(() -> countsOf(OTHER_GROUP).size() == before + 1);
    }

    private List<Integer> countsOf(long chat) {
        return inbox.stored().stream().filter(Inbound.GroupCounted.class::isInstance).map(Inbound.GroupCounted.class::cast)
                .filter(counted -> counted.chatId().equals(Long.toString(chat))).map(Inbound.GroupCounted::members).toList();
    }

    private Inbound botAdded(long chat) {
        return new Inbound.MembersJoined(nextUpdate(), Long.toString(chat), clock.instant(), FACILITATOR,
                List.of(new ChatUser("123456", "Rembug", true)), true);
    }

    private Inbound joined(long chat) {
        return new Inbound.MembersJoined(nextUpdate(), Long.toString(chat), clock.instant(), FACILITATOR,
                List.of(ChatUser.person("801", "Sri")), false);
    }

    private Inbound start(long chat) {
        return new Inbound.Message(nextUpdate(), Long.toString(chat), false, clock.instant(), FACILITATOR, "5", "/mulai",
                null, false, false);
    }

    private String nextUpdate() {
        return Integer.toString(++updates);
    }
}
