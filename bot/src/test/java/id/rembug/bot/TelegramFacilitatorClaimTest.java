package id.rembug.bot;

import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegram.Person;
import id.rembug.bot.testsupport.FakeTelegramApp;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.dialogues.flow.MessageKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who becomes a group's facilitator is who Telegram says leads it: /fasilitator is asked of
 * getChatMember, and only the creator or an administrator gets the role. It ends when they leave.
 */
@FakeTelegramApp
class TelegramFacilitatorClaimTest {

    @Autowired
    FakeTelegram telegram;

    private final List<GroupJourney> groups = new ArrayList<>();

    @AfterEach
    void closeGroups() {
        groups.forEach(GroupJourney::close);
    }

    private GroupJourney greetedGroup() {
        GroupJourney group = new GroupJourney(telegram, 3);
        groups.add(group);
        telegram.botAddedToGroup(group.chatId(), group.facilitator());
        GroupJourney.awaitStep(telegram, "the greeting", () -> telegram.messageCount(group.chatId()) == 1);
        return group;
    }

    private String facilitatorOf(GroupJourney group) {
        return group.redis().hget("rembug:group:" + group.groupId(), "state");
    }

    @Test
    void anOrdinaryMemberWhoTypesFasilitatorFirstIsToldItIsForAdminsAndGetsNothing() {
        GroupJourney group = greetedGroup();
        Person resident = group.residents().get(0);

        telegram.groupText(group.chatId(), resident, "/fasilitator", null);

        group.awaitStep("the answer", () -> telegram.messageCount(group.chatId()) == 2);
        assertThat(telegram.textsSentTo(group.chatId()).get(1)).isEqualTo(GroupJourney.text(
                MessageKey.FACILITATOR_NEEDS_ADMIN, Map.of("name", resident.firstName())));
        assertThat(facilitatorOf(group)).contains("\"facilitatorId\":null");
        assertThat(telegram.calls("getChatMember", group.chatId())).singleElement()
                .satisfies(call -> assertThat(call.body().path("user_id").asLong()).isEqualTo(resident.id()));
    }

    @Test
    void anAdministratorMayClaimTheGroup() {
        GroupJourney group = greetedGroup();
        Person admin = group.residents().get(1);
        telegram.memberStatus(group.chatId(), admin, "administrator");

        telegram.groupText(group.chatId(), admin, "/fasilitator", null);

        group.awaitStep("the claim", () -> telegram.messageCount(group.chatId()) == 2);
        assertThat(telegram.textsSentTo(group.chatId()).get(1)).startsWith(admin.firstName() + " sekarang menjadi");
        assertThat(facilitatorOf(group)).contains("\"facilitatorId\":\"" + admin.id() + "\"");
    }

    @Test
    void theRoleEndsWhenTheFacilitatorLeavesAndTheGroupIsToldOnce() {
        GroupJourney group = greetedGroup();
        telegram.groupText(group.chatId(), group.facilitator(), "/fasilitator", null);
        group.awaitStep("the claim", () -> telegram.messageCount(group.chatId()) == 2);

        telegram.memberLeft(group.chatId(), group.facilitator());

        group.awaitStep("the group told", () -> telegram.messageCount(group.chatId()) == 3);
        assertThat(telegram.textsSentTo(group.chatId()).get(2)).isEqualTo(GroupJourney.text(
                MessageKey.FACILITATOR_LEFT, Map.of("name", group.facilitator().firstName())));
        assertThat(facilitatorOf(group)).contains("\"facilitatorId\":null");
    }
}
