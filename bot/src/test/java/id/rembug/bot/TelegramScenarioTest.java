package id.rembug.bot;

import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.dispatch.DispatchKeys;
import id.rembug.bot.telegram.TelegramPolling;
import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegramApp;
import id.rembug.bot.testsupport.FakeTelegram.Call;
import id.rembug.bot.testsupport.FakeTelegram.Failure;
import id.rembug.bot.testsupport.FakeTelegram.Person;
import id.rembug.bot.testsupport.FakeTelegram.Said;
import id.rembug.bot.testsupport.FakeTelegram.Sent;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.bot.testsupport.GroupJourney.Answered;
import id.rembug.dialogues.flow.Language;
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
 * What Telegram does to a bot besides passing messages: rate limits, outages, a group that
 * removes the bot, a facilitator who never opened the private chat, a group that becomes a
 * supergroup, updates that are malformed or come twice. Each test is its own group in one
 * running app, against a fake Bot API and a real Redis.
 */
@FakeTelegramApp
class TelegramScenarioTest {

    private static final Duration QUIET = Duration.ofMillis(600);

    @Autowired
    FakeTelegram telegram;

    @Autowired
    TelegramPolling polling;

    private final List<GroupJourney> groups = new ArrayList<>();

    @AfterEach
    void closeGroups() {
        groups.forEach(GroupJourney::close);
    }

    /** A group whose facilitator opened the private chat, at its first question. */
    private GroupJourney startedGroup() {
        GroupJourney group = newGroup();
        group.facilitatorStartsThePrivateChat();
        group.botJoinsAndTheGroupStarts();
        return group;
    }

    private GroupJourney newGroup() {
        GroupJourney group = new GroupJourney(telegram, 4);
        groups.add(group);
        return group;
    }

    /** A resident asks for the status; returns the id of their message (the bot's answer replies to it). */
    private long askStatus(GroupJourney group, Person resident) {
        return telegram.groupText(group.chatId(), resident, "/status", null);
    }

    private List<Call> callsAnswering(GroupJourney group, long messageId) {
        return telegram.calls("sendMessage", group.chatId()).stream()
                .filter(call -> call.body().path("reply_parameters").path("message_id").asLong() == messageId)
                .toList();
    }

    private List<Sent> sentAnswering(GroupJourney group, long messageId) {
        return telegram.sentTo(group.chatId()).stream()
                .filter(sent -> sent.replyTo() != null && sent.replyTo() == messageId).toList();
    }

    @Test
    void telegramSaying429IsWaitedOutAndTheMessageSentOnce() {
        GroupJourney group = startedGroup();
        telegram.failNext("sendMessage", group.chatId(), 1, Failure.tooManyRequests(1));

        long status = askStatus(group, group.residents().get(0));

        group.awaitStep("the status answer", () -> !sentAnswering(group, status).isEmpty());
        List<Call> attempts = callsAnswering(group, status);
        assertThat(attempts).extracting(Call::status).containsExactly(429, 200);
        assertThat(attempts.get(1).atMillis() - attempts.get(0).atMillis())
                .as("waited out retry_after").isGreaterThanOrEqualTo(950);
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> callsAnswering(group, status).size() == 2);
        assertThat(sentAnswering(group, status)).hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedAndTheMessageSentOnce() {
        GroupJourney group = startedGroup();
        telegram.failNext("sendMessage", group.chatId(), 2, Failure.serverError(502));

        long status = askStatus(group, group.residents().get(0));

        group.awaitStep("the status answer", () -> !sentAnswering(group, status).isEmpty());
        assertThat(callsAnswering(group, status)).extracting(Call::status).containsExactly(502, 502, 200);
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> callsAnswering(group, status).size() == 3);
        assertThat(sentAnswering(group, status)).hasSize(1);
    }

    @Test
    void aGroupThatRemovedTheBotIsRecordedAndTheFacilitatorTold() {
        GroupJourney group = startedGroup();
        telegram.failAlways(group.chatId(), Failure.forbidden("bot was kicked from the group chat"));
        int callsBefore = telegram.callsFor(group.chatId()).size();

        askStatus(group, group.residents().get(0));

        String notice = GroupJourney.text(MessageKey.BOT_REMOVED_FROM_GROUP, Map.of("group", group.groupId()));
        group.awaitStep("the facilitator told", () ->
                telegram.textsSentTo(group.facilitator().id()).contains(notice));
        assertThat(group.redis().hget(DispatchKeys.forbidden(Long.toString(group.chatId())), "reason"))
                .contains("kicked");
        // whatever the bot still owes the group is not tried again, and the facilitator is told once
        askStatus(group, group.residents().get(1));
        await().during(QUIET).atMost(QUIET.multipliedBy(3))
                .until(() -> telegram.callsFor(group.chatId()).size() == callsBefore + 1);
        assertThat(telegram.textsSentTo(group.facilitator().id())).filteredOn(notice::equals).hasSize(1);
    }

    @Test
    void aFacilitatorWhoNeverStartedTheBotGetsSummariesAfterStart() {
        GroupJourney group = newGroup();
        telegram.neverStartedTheBot(group.facilitator());
        group.botJoinsAndTheGroupStarts();
        String unreachable = GroupJourney.text(MessageKey.FACILITATOR_UNREACHABLE,
                Map.of("name", group.facilitator().firstName()));

        group.answerEveryQuestion(0);
        group.awaitStep("the group told how to reach the facilitator",
                () -> telegram.textsSentTo(group.chatId()).contains(unreachable));
        // with no summary to press under, the facilitator moves the group on by command
        telegram.groupText(group.chatId(), group.facilitator(), "/lanjut", null);
        group.answerEveryQuestion(1);
        group.awaitStageClosed(1);
        assertThat(telegram.summaries(group.facilitator().id())).isEmpty();

        telegram.privateText(group.facilitator(), "/start");

        group.awaitSummary(1);
        assertThat(telegram.summaries(group.facilitator().id()))
                .extracting(sent -> sent.text().lines().findFirst().orElse(""))
                .containsExactly(
                        GroupJourney.text(MessageKey.SUMMARY_HEADING, Map.of("number", 1, "total", 17,
                                "title", GroupJourney.flow().stage(0).facilitatorTitle(Language.ID))),
                        GroupJourney.text(MessageKey.SUMMARY_HEADING, Map.of("number", 2, "total", 17,
                                "title", GroupJourney.flow().stage(1).facilitatorTitle(Language.ID))));
        assertThat(telegram.textsSentTo(group.chatId())).filteredOn(unreachable::equals).hasSize(1);
        // and the facilitator's buttons work again: the group moves on
        group.advanceFrom(telegram.summaries(group.facilitator().id()).get(1));
        group.awaitQuestion(2, 0);
    }

    @Test
    void aGroupThatBecameASupergroupKeepsItsState() {
        GroupJourney group = startedGroup();
        long oldChat = group.chatId();
        long newChat = -1_000_000_000_000L + oldChat;
        List<Person> residents = group.residents();
        Sent first = group.awaitQuestion(0, 0);
        group.answerAs(residents.get(0), 0, 0, first);
        group.answerAs(residents.get(1), 0, 0, first);
        group.awaitAnswerStored(residents.get(0), 0, 0);
        group.awaitAnswerStored(residents.get(1), 0, 0);

        // The group becomes a supergroup just after a third answer came in: the bot learns it
        // from Telegram refusing to write to the old chat.
        telegram.failAlways(oldChat, Failure.migratedTo(newChat));
        group.answerAs(residents.get(2), 0, 0, first);

        group.movedTo(newChat);
        Sent second = group.awaitQuestion(0, 1);
        assertThat(second.chatId()).isEqualTo(Long.toString(newChat));
        // answers now come from the new chat and count for the same stage
        group.answer(0, 1, second, GroupJourney.QUORUM);
        group.answer(0, 2, group.awaitQuestion(0, 2), GroupJourney.QUORUM);
        Sent summary = group.awaitSummary(0);
        // Telegram's own notice of the move comes late and changes nothing
        telegram.groupBecameSupergroup(oldChat, newChat, residents.get(0));
        group.advanceFrom(summary);
        group.answer(1, 0, group.awaitQuestion(1, 0), GroupJourney.QUORUM);
        group.awaitQuestion(1, 1);

        List<Call> toOldChat = telegram.callsFor(oldChat);
        int refused = toOldChat.indexOf(toOldChat.stream().filter(call -> call.status() == 400).findFirst().orElseThrow());
        assertThat(toOldChat.subList(refused + 1, toOldChat.size())).as("nothing more tried in the old chat").isEmpty();
        assertThat(group.redis().hget(ConversationKeys.group(group.groupId()), "chat")).isEqualTo(Long.toString(newChat));
        group.assertAnswersKept();
    }

    @Test
    void groupChatterIsKeptFromTheBotByPrivacyModeAndIgnoredAndNotKeptWhenItDoesSeeIt() {
        GroupJourney group = startedGroup();
        Person resident = group.residents().get(0);
        int callsBefore = telegram.callsFor(group.chatId()).size();

        Said unseen = telegram.say(group.chatId(), resident, "nanti sore kumpul di balai?", null);
        assertThat(unseen.reachedTheBot()).isFalse();
        assertThat(telegram.hiddenByPrivacy(group.chatId())).containsExactly(unseen);

        // A bot made an admin of the group sees every message, as with privacy mode off.
        telegram.privacyMode(false);
        try {
            Said seen = telegram.say(group.chatId(), resident, "iya, jam 4 ya", null);
            group.awaitStep("the chatter taken in and applied", () ->
                    group.redis().exists(ConversationKeys.seen(group.groupId(), "tg:" + seen.updateId())) == 1
                            && group.redis().hget(ConversationKeys.group(group.groupId()), "applied") != null
                            && group.redis().xlen(ConversationKeys.events(group.groupId())) == 0);
            assertThat(group.timesInInbox(seen.updateId())).as("chatter no question asked for is not kept").isZero();
            await().during(QUIET).atMost(QUIET.multipliedBy(3))
                    .until(() -> telegram.callsFor(group.chatId()).size() == callsBefore);
            assertThat(group.redis().hkeys(ConversationKeys.answers(group.groupId()))).isEmpty();
        } finally {
            telegram.privacyMode(true);
        }
    }

    @Test
    void aMalformedUpdateIsSkippedAndTheBotCarriesOn() {
        GroupJourney group = startedGroup();
        Sent first = group.awaitQuestion(0, 0);

        long malformed = telegram.malformedUpdate();
        group.answer(0, 0, first, GroupJourney.QUORUM);

        group.awaitQuestion(0, 1);
        assertThat(telegram.timesServed(malformed)).isEqualTo(1);
        group.assertAnswersKept();
    }

    @Test
    void aRedeliveredUpdateIsAppliedOnce() {
        GroupJourney group = startedGroup();
        List<Person> residents = group.residents();
        Sent first = group.awaitQuestion(0, 0);
        Answered sari = group.answerAs(residents.get(0), 0, 0, first);
        group.awaitAnswerStored(residents.get(0), 0, 0);

        // The poller starts afresh (as after a crash) and Telegram sends the update again.
        polling.stop();
        telegram.unconfirmFrom(sari.updateId());
        polling.start();
        group.awaitStep("the update sent again", () -> telegram.timesServed(sari.updateId()) == 2);

        group.answerAs(residents.get(1), 0, 0, first);
        group.awaitAnswerStored(residents.get(1), 0, 0);
        String secondQuestion = GroupJourney.flow().stage(0).prompts().get(1).text().in(Language.ID);
        assertThat(telegram.textsSentTo(group.chatId())).as("Sari counted once: no quorum yet")
                .doesNotContain(secondQuestion);
        group.answerAs(residents.get(2), 0, 0, first);
        group.awaitQuestion(0, 1);

        assertThat(group.timesInInbox(sari.updateId())).as("applied, then deleted from the inbox").isZero();
        assertThat(telegram.textsSentTo(group.chatId())).filteredOn(secondQuestion::equals).hasSize(1);
        assertThat(group.redis().hkeys(ConversationKeys.answers(group.groupId()))).hasSize(3);
        group.assertAnswersKept();
    }
}
