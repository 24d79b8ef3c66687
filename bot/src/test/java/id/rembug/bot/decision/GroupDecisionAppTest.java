package id.rembug.bot.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegram.Person;
import id.rembug.bot.testsupport.FakeTelegram.Sent;
import id.rembug.bot.testsupport.FakeTelegramApp;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.dialogues.engine.StateCodec;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.MessageKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From candidate goals to a pinned agreed goal through the whole app: the residents' goals go to
 * a non-anonymous poll, votes come back as poll_answer (no chat in them), the facilitator stops
 * the poll and confirms under it, and the agreed goal is posted, pinned, quoted by the next
 * question and kept in the group's state and its stage summary.
 */
@FakeTelegramApp(properties = "rembug.conversation.confirm-advance-within=PT0S")
class GroupDecisionAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ARAH = GroupJourney.flow().indexOf("arah");

    @Autowired
    FakeTelegram telegram;

    /** A group of three residents at the goal question of stage arah, with every goal written. */
    private GroupJourney atTheGoalVote() {
        GroupJourney group = new GroupJourney(telegram, 3);
        group.facilitatorStartsThePrivateChat();
        group.botJoinsAndTheGroupStarts();
        for (int stage = 0; stage < ARAH; stage++) {
            telegram.groupText(group.chatId(), group.facilitator(), "/lanjut", null);
        }
        group.everyoneAnswers();
        Sent area = group.awaitQuestion(ARAH, 0);
        group.answer(ARAH, 0, area, 3);
        Sent goal = group.awaitQuestion(ARAH, 1);
        group.answer(ARAH, 1, goal, 3);
        return group;
    }

    @Test
    void theGroupVotesAndTheFacilitatorConfirmsAndTheAgreedGoalIsPinnedAndQuoted() throws Exception {
        try (GroupJourney group = atTheGoalVote()) {
            long chat = group.chatId();
            List<Person> residents = group.residents();
            int textsBefore = telegram.messageCount(chat);
            group.awaitStep("the area answers' toasts", () -> telegram.callbackAnswersIn(chat).size() == 3);

            group.awaitStep("the goal poll", () -> !telegram.pollsIn(chat).isEmpty());
            FakeTelegram.Poll poll = telegram.pollsIn(chat).get(0);
            group.awaitPollKnown(poll);
            assertThat(poll.anonymous()).isFalse();
            assertThat(poll.options()).hasSize(3).allMatch(o -> o.startsWith("Dalam 2 bulan"));

            // a changed vote counts once, a retracted one not at all
            telegram.vote(residents.get(0), poll, 0);
            telegram.vote(residents.get(0), poll, 1);
            telegram.vote(residents.get(2), poll, 0);
            telegram.vote(residents.get(2), poll);
            // not everyone voted (a vote from each would close it by itself): the facilitator closes it
            telegram.vote(residents.get(1), poll, 1);
            String close = poll.buttons().stream().flatMap(List::stream).map(FakeTelegram.Button::data)
                    .filter(d -> d.startsWith("c|CLOSE_VOTE|")).findFirst().orElseThrow();
            telegram.press(group.facilitator(), chat, poll.messageId(), close);

            group.awaitStep("the poll stopped with the facilitator's buttons", () -> telegram.pollStopped(poll)
                    && telegram.keyboardOf(chat, poll.messageId()).stream().flatMap(List::stream)
                    .anyMatch(b -> b.data().startsWith("c|AGREE|")));
            // the most voted candidate is offered first; pressing it twice confirms once
            String agree = telegram.keyboardOf(chat, poll.messageId()).stream().flatMap(List::stream)
                    .map(FakeTelegram.Button::data).filter(d -> d.startsWith("c|AGREE|")).findFirst().orElseThrow();
            assertThat(agree).contains(":1|");
            telegram.press(group.facilitator(), chat, poll.messageId(), agree);
            telegram.press(group.facilitator(), chat, poll.messageId(), agree);

            String agreedGoal = poll.options().get(1);
            String pinnedText = GroupJourney.text(MessageKey.AGREED_GOAL, Map.of("text", agreedGoal));
            group.awaitStep("the agreed goal pinned", () -> telegram.pinsIn(chat).size() == 1);
            Sent agreed = telegram.sentTo(chat).stream().filter(s -> s.text().startsWith(pinnedText)).findFirst()
                    .orElseThrow();
            assertThat(telegram.pinsIn(chat).get(0).messageId()).isEqualTo(agreed.messageId());
            // the next question quotes the agreed goal, in the same message as the agreement
            assertThat(agreed.text()).contains("Tujuan bersama: " + agreedGoal + ". Pecah jadi");
            group.awaitStep("the second press answered", () -> telegram.callbackAnswersIn(chat).size() == 6);
            assertThat(telegram.callbackAnswersIn(chat).get(5).text())
                    .isEqualTo(GroupJourney.text(MessageKey.DECISION_ALREADY_AGREED, Map.of()));
            assertThat(telegram.pinsIn(chat)).hasSize(1);

            // what the feature cost the group: one poll and one message (agreement and next question)
            assertThat(telegram.messageCount(chat) - textsBefore).isEqualTo(1);
            assertThat(telegram.pollsIn(chat)).hasSize(1);

            JsonNode state = JSON.readTree(group.redis().hget(ConversationKeys.group(group.groupId()), "state"));
            JsonNode decision = state.path("decisions").get(0);
            assertThat(decision.path("agreed").asText()).isEqualTo(agreedGoal);
            assertThat(decision.path("state").asText()).isEqualTo("AGREED");
            assertThat(decision.path("votes")).hasSize(2);
            assertThat(decision.path("votes").findValuesAsText("memberName"))
                    .containsExactly(residents.get(0).firstName(), residents.get(1).firstName());
            assertThat(decision.path("votes").findValues("candidate")).allMatch(c -> c.asInt() == 1);

            // the stage summary tells the facilitator what was agreed, by whose votes
            group.answer(ARAH, 2, group.awaitQuestion(ARAH, 2), 3);
            Sent summary = group.awaitSummary(ARAH);
            assertThat(summary.text()).contains("🤝 Disepakati: " + agreedGoal + " (2 suara");
            JsonNode milestone = JSON.readTree(StateCodec.json(
                    group.redis().hget(ConversationKeys.milestones(group.groupId()), "arah:1")));
            assertThat(milestone.path("decisions").get(0).path("agreed").asText()).isEqualTo(agreedGoal);
        }
    }

    @Test
    void aBotThatMayNotPinStillPostsTheAgreementAndTellsTheFacilitatorOnce() {
        try (GroupJourney group = atTheGoalVote()) {
            long chat = group.chatId();
            telegram.botMayNotPin(chat);
            group.awaitStep("the goal poll", () -> !telegram.pollsIn(chat).isEmpty());
            FakeTelegram.Poll poll = telegram.pollsIn(chat).get(0);

            telegram.groupText(chat, group.facilitator(), "/sepakat " + poll.options().get(2), null);

            String told = GroupJourney.MESSAGES.get(MessageKey.PIN_NOT_ALLOWED, Language.ID);
            group.awaitStep("the facilitator told", () -> telegram.textsSentTo(group.facilitator().id()).contains(told));
            assertThat(telegram.textsSentTo(chat)).anyMatch(t -> t.startsWith(
                    GroupJourney.text(MessageKey.AGREED_GOAL, Map.of("text", poll.options().get(2)))));
            // a second agreement (reworded) is not pinned either, and the facilitator hears nothing more
            telegram.groupText(chat, group.facilitator(), "/sepakat " + poll.options().get(0), null);
            group.awaitStep("the second agreement posted", () -> telegram.textsSentTo(chat).stream().anyMatch(
                    t -> t.startsWith(GroupJourney.text(MessageKey.AGREED_GOAL, Map.of("text", poll.options().get(0))))));
            group.awaitStep("its pin refused", () -> telegram.calls("pinChatMessage", chat).size() == 2);
            assertThat(telegram.textsSentTo(group.facilitator().id())).filteredOn(told::equals).hasSize(1);
        }
    }
}
