package id.rembug.bot.plan;

import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.pipeline.WakeUpScheduler;
import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegram.Sent;
import id.rembug.bot.testsupport.FakeTelegramApp;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.dialogues.engine.ActionPlan;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.StateCodec;
import id.rembug.dialogues.flow.MessageKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole app, from a task named in the group to a reminded and completed action: a resident
 * writes /tugas, the facilitator confirms it with one press in their private chat, the reminder
 * comes once the day before (also when the wake-up is delivered again), the owner presses
 * "done", and the facilitator records the face-to-face meeting with /catat. Counts what it cost
 * the group in messages.
 */
// no nudge in the days this test jumps over: its message would carry the reminder's text
@FakeTelegramApp(properties = "rembug.conversation.nudge-after=P30D")
class ActionPlanJourneyTest {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @Autowired
    FakeTelegram telegram;

    @Autowired
    WakeUpScheduler wakeUps;

    @Test
    void aTaskNamedInTheGroupIsConfirmedRemindedOnceAndMarkedDone() {
        try (GroupJourney group = new GroupJourney(telegram, 3)) {
            group.facilitatorStartsThePrivateChat();
            group.botJoinsAndTheGroupStarts();
            FakeTelegram.Person ani = group.residents().get(0);
            LocalDate due = LocalDate.now(JAKARTA).plusDays(3);
            int before = groupMessages(group);

            // named in the group: what - who - by when
            telegram.groupText(group.chatId(), ani, "/tugas cat pos ronda - saya - "
                    + due.getDayOfMonth() + "/" + due.getMonthValue() + "/" + due.getYear(), null);
            group.awaitStep("the facilitator asked to confirm", () -> confirmation(group) != null);
            Sent ask = confirmation(group);
            telegram.press(group.facilitator(), ask, ask.allButtons().get(0).data());
            String added = GroupJourney.text(MessageKey.PLAN_ADDED, Map.of("number", 1, "what", "cat pos ronda",
                    "owner", ani.firstName(), "due", due.toString()));
            group.awaitStep("the plan grew", () -> telegram.textsSentTo(group.chatId()).contains(added));
            assertThat(plan(group).action(1)).get().extracting(ActionPlan.Action::status)
                    .isEqualTo(ActionPlan.Status.OPEN);

            // the day before, at nine: one reminder, whatever happens after
            Instant remindAt = due.minusDays(1).atTime(LocalTime.of(9, 1)).atZone(JAKARTA).toInstant();
            wakeUps.deliverDueAt(remindAt);
            group.awaitStep("the reminder", () -> reminder(group) != null);
            Sent reminder = reminder(group);
            assertThat(reminder.text()).contains("#1 cat pos ronda");
            group.awaitStep("the reminder kept", () -> plan(group).action(1).orElseThrow().reminded());
            telegram.groupText(group.chatId(), group.facilitator(), "/status", null); // a turn after the reminder
            wakeUps.deliverDueAt(remindAt.plusSeconds(3600));
            group.awaitStep("the status answered", () -> telegram.textsSentTo(group.chatId()).stream()
                    .anyMatch(t -> t.contains(GroupJourney.flow().stage(0).title().in(id.rembug.dialogues.flow.Language.ID))));

            // done, with the button under the reminder
            telegram.press(ani, reminder, reminder.allButtons().get(0).data());
            String done = GroupJourney.text(MessageKey.PLAN_DONE, Map.of("number", 1, "what", "cat pos ronda",
                    "name", ani.firstName()));
            group.awaitStep("done", () -> telegram.textsSentTo(group.chatId()).contains(done));
            assertThat(plan(group).action(1).orElseThrow().status()).isEqualTo(ActionPlan.Status.DONE);
            assertThat(telegram.sentTo(group.chatId())).filteredOn(s -> s.text().contains("⏰")).hasSize(1);

            // What it cost the group: the proposal's reply, the confirmation, the reminder, the thanks;
            // and the /status asked in between
            assertThat(groupMessages(group) - before).isEqualTo(4 + 1);
        }
    }

    @Test
    void theFacilitatorRecordsAFaceToFaceMeetingInTheirPrivateChat() {
        try (GroupJourney group = new GroupJourney(telegram, 3)) {
            group.facilitatorStartsThePrivateChat();
            group.botJoinsAndTheGroupStarts();
            int before = groupMessages(group);

            telegram.privateText(group.facilitator(), "/catat kemarin hadir 12 perempuan 7 keputusan: kerja bakti tiap Sabtu");
            String recorded = GroupJourney.text(MessageKey.MEETING_RECORDED, Map.of(
                    "date", LocalDate.now(JAKARTA).minusDays(1).toString(), "attended", 12, "women", 7,
                    "title", GroupJourney.flow().stage(0).title().in(id.rembug.dialogues.flow.Language.ID)));
            group.awaitStep("the meeting confirmed", () -> telegram.textsSentTo(group.facilitator().id())
                    .contains(recorded));

            assertThat(plan(group).meetings()).singleElement().satisfies(m -> {
                assertThat(m.decisions()).isEqualTo("kerja bakti tiap Sabtu");
                assertThat(m.stageKey()).isEqualTo(GroupJourney.flow().stage(0).key());
            });
            assertThat(groupMessages(group)).as("the group heard nothing of it").isEqualTo(before);
        }
    }

    private Sent confirmation(GroupJourney group) {
        return telegram.sentTo(group.facilitator().id()).stream()
                .filter(s -> s.allButtons().stream().anyMatch(b -> b.data().contains("CONFIRM_ACTION")))
                .findFirst().orElse(null);
    }

    private Sent reminder(GroupJourney group) {
        return telegram.sentTo(group.chatId()).stream().filter(s -> s.text().contains("⏰"))
                .findFirst().orElse(null);
    }

    private ActionPlan plan(GroupJourney group) {
        String json = group.redis().hget(ConversationKeys.group(group.groupId()), "state");
        GroupState state = new StateCodec().readState(json);
        return state.plan();
    }

    private int groupMessages(GroupJourney group) {
        return (int) telegram.calls("sendMessage", group.chatId()).stream().filter(FakeTelegram.Call::succeeded).count();
    }
}
