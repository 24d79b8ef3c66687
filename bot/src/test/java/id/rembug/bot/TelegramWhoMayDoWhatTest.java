package id.rembug.bot;

import id.rembug.bot.broadcast.StaffDirectory;
import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegram.Person;
import id.rembug.bot.testsupport.FakeTelegram.Sent;
import id.rembug.bot.testsupport.FakeTelegramApp;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Stage;
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
 * Who may do what in a group, against a fake Bot API. The facilitator is who Telegram says leads
 * the group (getChatMember: creator or administrator), until they leave, or whom program staff
 * name ({@code /fasilitator ganti}) until staff take the role away ({@code /fasilitator lepas}). Button data is signed
 * for the chat it was sent to: a made-up press, or a real facilitator's button carried to another
 * chat, claims nothing and starts nothing. Messages an anonymous admin or a linked channel posts
 * come from one shared Telegram user (GroupAnonymousBot, Channel_Bot) and name nobody: a command
 * or answer from them gets one short request to post as oneself, and changes nothing.
 */
@FakeTelegramApp
class TelegramWhoMayDoWhatTest {

    private static final Duration QUIET = Duration.ofMillis(1500);
    private static final String NOT_OURS = GroupJourney.text(MessageKey.BUTTON_NOT_OURS, Map.of());
    private static final String POST_AS_YOURSELF = GroupJourney.text(MessageKey.POST_AS_YOURSELF, Map.of());

    @Autowired
    FakeTelegram telegram;

    @Autowired
    StaffDirectory staff;

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

    /** A group the bot joined and greeted; nobody claimed it yet. */
    private GroupJourney greetedGroup() {
        GroupJourney group = group();
        telegram.botAddedToGroup(group.chatId(), group.facilitator());
        GroupJourney.awaitStep(telegram, "the greeting", () -> telegram.messageCount(group.chatId()) == 1);
        return group;
    }

    /** A greeted group its creator claimed: two messages in the group so far. */
    private GroupJourney claimedGroup() {
        GroupJourney group = greetedGroup();
        telegram.groupText(group.chatId(), group.facilitator(), "/fasilitator", null);
        group.awaitStep("the claim", () -> telegram.messageCount(group.chatId()) == 2);
        return group;
    }

    private static String state(GroupJourney group) {
        return group.redis().hget(ConversationKeys.group(group.groupId()), "state");
    }

    // ---- the facilitator is who Telegram says ----------------------------------------------

    @Test
    void anOrdinaryMemberWhoTypesFasilitatorFirstIsToldItIsForAdminsAndGetsNothing() {
        GroupJourney group = greetedGroup();
        Person resident = group.residents().get(0);

        telegram.groupText(group.chatId(), resident, "/fasilitator", null);

        group.awaitStep("the answer", () -> telegram.messageCount(group.chatId()) == 2);
        assertThat(telegram.textsSentTo(group.chatId()).get(1)).isEqualTo(GroupJourney.text(
                MessageKey.FACILITATOR_NEEDS_ADMIN, Map.of("name", resident.firstName())));
        assertThat(state(group)).contains("\"facilitatorId\":null");
        // a turn planned again after a concurrent write to the group (the greeting's delivery) asks again
        assertThat(telegram.calls("getChatMember", group.chatId())).isNotEmpty()
                .allSatisfy(call -> assertThat(call.body().path("user_id").asLong()).isEqualTo(resident.id()));
    }

    @Test
    void anAdministratorMayClaimTheGroup() {
        GroupJourney group = greetedGroup();
        Person admin = group.residents().get(1);
        telegram.memberStatus(group.chatId(), admin, "administrator");

        telegram.groupText(group.chatId(), admin, "/fasilitator", null);

        group.awaitStep("the claim", () -> telegram.messageCount(group.chatId()) == 2);
        assertThat(telegram.textsSentTo(group.chatId()).get(1)).startsWith(admin.firstName() + " sekarang menjadi");
        assertThat(state(group)).contains("\"facilitatorId\":\"" + admin.id() + "\"");
    }

    @Test
    void theRoleEndsWhenTheFacilitatorLeavesAndTheGroupIsToldOnce() {
        GroupJourney group = claimedGroup();

        telegram.memberLeft(group.chatId(), group.facilitator());

        group.awaitStep("the group told", () -> telegram.messageCount(group.chatId()) == 3);
        assertThat(telegram.textsSentTo(group.chatId()).get(2)).isEqualTo(GroupJourney.text(
                MessageKey.FACILITATOR_LEFT, Map.of("name", group.facilitator().firstName())));
        assertThat(state(group)).contains("\"facilitatorId\":null");
    }

    // ---- staff assign and revoke ---------------------------------------------------------------

    /** A member of the program staff (added with /staf tambah), in the group too. */
    private Person staffMember() {
        Person officer = new Person(990_000_010L, "Petugas");
        staff.add(Long.toString(officer.id()));
        return officer;
    }

    @Test
    void staffHandTheRoleToAMemberByReplyingToThemAndTheNextSummaryGoesToTheNewFacilitator() {
        GroupJourney group = new GroupJourney(telegram, 4);
        groups.add(group);
        Person officer = staffMember();
        Person successor = group.residents().get(3);
        group.facilitatorStartsThePrivateChat();
        telegram.privateText(successor, "/start");
        GroupJourney.awaitStep(telegram, "the successor's welcome", () -> !telegram.sentTo(successor.id()).isEmpty());
        group.botJoinsAndTheGroupStarts();
        long hello = telegram.groupText(group.chatId(), successor, "Saya siap mendampingi", null);
        int before = telegram.messageCount(group.chatId());

        telegram.groupText(group.chatId(), officer, "/fasilitator ganti", hello);

        String assigned = GroupJourney.text(MessageKey.FACILITATOR_ASSIGNED, Map.of("name", successor.firstName()));
        group.awaitStep("the group told", () -> telegram.textsSentTo(group.chatId()).contains(assigned));
        assertThat(telegram.textsSentTo(group.chatId()).subList(before, telegram.messageCount(group.chatId())))
                .containsExactly(assigned);
        assertThat(state(group)).contains("\"facilitatorId\":\"" + successor.id() + "\"");
        Stage first = GroupJourney.flow().stage(0);
        for (int p = 0; p < first.prompts().size(); p++) {
            Sent question = group.awaitQuestion(0, p);
            for (Person resident : group.residents().subList(0, 3)) {
                group.answerAs(resident, 0, p, question);
            }
        }
        GroupJourney.awaitStep(telegram, "the summary to the new facilitator",
                () -> !telegram.summaries(successor.id()).isEmpty());
        assertThat(telegram.summaries(group.facilitator().id())).isEmpty();
    }

    @Test
    void staffNameTheNewFacilitatorByIdOnlyWhenTheGroupKnowsThem() {
        GroupJourney group = group();
        Person officer = staffMember();
        group.facilitatorStartsThePrivateChat();
        group.botJoinsAndTheGroupStarts();
        Person starter = group.residents().get(0);

        telegram.groupText(group.chatId(), officer, "/fasilitator ganti 990000999", null);

        String who = GroupJourney.text(MessageKey.FACILITATOR_ASSIGN_WHO, Map.of());
        group.awaitStep("staff asked whom they mean", () -> telegram.textsSentTo(group.chatId()).contains(who));
        assertThat(state(group)).contains("\"facilitatorId\":\"" + group.facilitator().id() + "\"");

        telegram.groupText(group.chatId(), officer, "/fasilitator ganti " + starter.id(), null);

        String assigned = GroupJourney.text(MessageKey.FACILITATOR_ASSIGNED, Map.of("name", starter.firstName()));
        group.awaitStep("the group told", () -> telegram.textsSentTo(group.chatId()).contains(assigned));
        assertThat(state(group)).contains("\"facilitatorId\":\"" + starter.id() + "\"");
    }

    @Test
    void aMemberWhoIsNotStaffCannotHandTheRoleOnAndIsToldSoOnce() {
        GroupJourney group = claimedGroup();
        Person admin = group.residents().get(0);
        telegram.memberStatus(group.chatId(), admin, "administrator");
        long hello = telegram.groupText(group.chatId(), admin, "Halo semua", null);

        telegram.groupText(group.chatId(), admin, "/fasilitator ganti", hello);
        telegram.groupText(group.chatId(), admin, "/fasilitator lepas", null);

        group.awaitStep("the refusals", () -> telegram.messageCount(group.chatId()) == 4);
        assertThat(telegram.textsSentTo(group.chatId()).subList(2, 4)).containsOnly(GroupJourney.text(
                MessageKey.FACILITATOR_STAFF_ONLY, Map.of("name", admin.firstName())));
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> telegram.messageCount(group.chatId()) == 4);
        assertThat(state(group)).contains("\"facilitatorId\":\"" + group.facilitator().id() + "\"");
    }

    @Test
    void staffTakeTheRoleAwayAndThenAnAdminMayClaimIt() {
        GroupJourney group = claimedGroup();
        Person officer = staffMember();

        telegram.groupText(group.chatId(), officer, "/fasilitator lepas", null);

        group.awaitStep("the group told", () -> telegram.messageCount(group.chatId()) == 3);
        assertThat(telegram.textsSentTo(group.chatId()).get(2)).isEqualTo(GroupJourney.text(
                MessageKey.FACILITATOR_REVOKED, Map.of("name", group.facilitator().firstName())));
        assertThat(state(group)).contains("\"facilitatorId\":null");

        Person admin = group.residents().get(1);
        telegram.memberStatus(group.chatId(), admin, "administrator");
        telegram.groupText(group.chatId(), admin, "/fasilitator", null);

        group.awaitStep("the new claim", () -> telegram.messageCount(group.chatId()) == 4);
        assertThat(telegram.textsSentTo(group.chatId()).get(3)).startsWith(admin.firstName() + " sekarang menjadi");
        assertThat(state(group)).contains("\"facilitatorId\":\"" + admin.id() + "\"");
    }

    // ---- buttons cannot be forged -------------------------------------------------------------

    /** The stranger opens a private chat with the bot, so there is a bot message there to press under. */
    private Sent privateWelcome(Person stranger) {
        telegram.privateText(stranger, "/start");
        GroupJourney.awaitStep(telegram, "the stranger's welcome", () -> !telegram.sentTo(stranger.id()).isEmpty());
        return telegram.sentTo(stranger.id()).get(0);
    }

    @Test
    void aForgedFacilitatorButtonFromAPrivateChatClaimsNothingAndStartsNothing() {
        GroupJourney target = greetedGroup();
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
        assertThat(state(target))
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

    // ---- posting as a group or channel --------------------------------------------------------

    @Test
    void anAnonymousAdminCannotClaimTheGroupAndIsAskedOnceToPostAsThemselves() {
        GroupJourney group = greetedGroup();

        telegram.anonymousAdminSays(group.chatId(), "/fasilitator", null);

        group.awaitStep("the request to post as oneself", () -> telegram.messageCount(group.chatId()) == 2);
        assertThat(telegram.textsSentTo(group.chatId()).get(1)).isEqualTo(POST_AS_YOURSELF);
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> telegram.messageCount(group.chatId()) == 2);
        assertThat(state(group)).contains("\"facilitatorId\":null");
    }

    @Test
    void aLinkedChannelsReplyToAQuestionIsNotKeptAsAnAnswer() {
        GroupJourney group = group();
        group.facilitatorStartsThePrivateChat();
        Sent question = group.botJoinsAndTheGroupStarts();
        int before = telegram.messageCount(group.chatId());

        telegram.channelSays(group.chatId(), -1_009_876_543_210L, "Sampah di sungai", question.messageId());

        group.awaitStep("the request to post as oneself", () -> telegram.messageCount(group.chatId()) == before + 1);
        assertThat(telegram.textsSentTo(group.chatId()).get(before)).isEqualTo(POST_AS_YOURSELF);
        assertThat(group.redis().hlen(ConversationKeys.answers(group.groupId()))).isZero();
    }
}
