package id.rembug.bot.simulator;

import id.rembug.bot.channel.ChatUser;
import id.rembug.bot.channel.Inbound;
import id.rembug.bot.channel.Outgoing.OutButton;
import id.rembug.bot.channel.SendResult;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.TestRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestRedis
class SimulatorServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:00Z");
    private static final String SARI = "sim-user-fasilitator-sari";
    private static final String ANI = "sim-user-ani";

    private final CollectingInboxWriter inbox = new CollectingInboxWriter();
    private SimulatorStore store;
    private SimulatorGateway bot;
    private SimulatorService service;

    @BeforeEach
    void freshRedis() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        store = new SimulatorStore(RedisServerExtension.template());
        bot = new SimulatorGateway(store, clock);
        service = new SimulatorService(store, inbox, clock);
    }

    @Test
    void newGroupsAreNumberedAndGetTheDefaultCastFacilitatorFirst() {
        SimGroup first = service.createDefaultGroup();
        SimGroup second = service.createGroup("RT 05", "Pak Joko", List.of("Wati", " ", "Rudi"));

        assertThat(first.chatId()).isEqualTo("sim-group-1");
        assertThat(first.cast()).extracting(Persona::name)
                .containsExactly("Fasilitator Sari", "Ani", "Budi", "Citra", "Dedi", "Eka");
        assertThat(first.facilitatorId()).isEqualTo(SARI);
        assertThat(first.botInGroup()).isFalse();
        assertThat(second.chatId()).isEqualTo("sim-group-2");
        assertThat(second.title()).isEqualTo("RT 05");
        assertThat(second.cast()).extracting(Persona::id)
                .containsExactly("sim-user-pak-joko", "sim-user-wati", "sim-user-rudi");
        assertThat(service.groups()).extracting(SimGroup::chatId).containsExactly("sim-group-1", "sim-group-2");
    }

    @Test
    void personaIdIsAPlainSlugOfTheName() {
        assertThat(Persona.idFor("Ani")).isEqualTo("sim-user-ani");
        assertThat(Persona.idFor("  Citra Dewi ")).isEqualTo("sim-user-citra-dewi");
        assertThat(Persona.idFor("Bu Ñoña (RT 3)")).isEqualTo("sim-user-bu-nona-rt-3");
        assertThatThrownBy(() -> Persona.idFor("!!!")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addingTheBotTellsTheInboxWhoAddedItAndWhoIsInTheGroup() {
        SimGroup group = service.createDefaultGroup();

        service.addBot(group.chatId(), null);

        List<Inbound.MembersJoined> joined = inbox.received(Inbound.MembersJoined.class);
        assertThat(joined).hasSize(2);
        Inbound.MembersJoined botJoined = joined.get(0);
        assertThat(botJoined.botAdded()).isTrue();
        assertThat(botJoined.chatId()).isEqualTo(group.chatId());
        assertThat(botJoined.addedBy()).isEqualTo(ChatUser.person(SARI, "Fasilitator Sari"));
        assertThat(botJoined.members()).containsExactly(SimulatorService.BOT);
        assertThat(joined.get(1).botAdded()).isFalse();
        assertThat(joined.get(1).members()).extracting(ChatUser::id)
                .containsExactly(SARI, ANI, "sim-user-budi", "sim-user-citra", "sim-user-dedi", "sim-user-eka");
        assertThat(service.group(group.chatId()).botInGroup()).isTrue();
        assertThat(store.log(group.chatId())).singleElement()
                .satisfies(line -> assertThat(line.notice()).isEqualTo("bot-added"));
    }

    @Test
    void typedAnswerRepliesToTheLastBotQuestionThatAskedForAReply() {
        String groupId = groupWithBot();
        bot.send(Outgoings.question(groupId, "Masalah apa yang paling terasa?"));
        String secondQuestion = sentId(bot.send(Outgoings.question(groupId, "Siapa yang paling terdampak?")));
        bot.send(Outgoings.text(groupId, "Tekan tombol kalau sudah siap."));

        service.postInGroup(groupId, ANI, "Anak-anak", ReplyChoice.AUTO);

        Inbound.Message answer = lastMessage();
        assertThat(answer.replyToMessageId()).isEqualTo(secondQuestion);
        assertThat(answer.text()).isEqualTo("Anak-anak");
        assertThat(answer.from()).isEqualTo(ChatUser.person(ANI, "Ani"));
        assertThat(answer.privateChat()).isFalse();
        assertThat(answer.edited()).isFalse();
        assertThat(answer.at()).isEqualTo(NOW);
    }

    @Test
    void explicitReplyAndNoReplyAreHonoured() {
        String groupId = groupWithBot();
        String firstQuestion = sentId(bot.send(Outgoings.question(groupId, "Masalah apa?")));
        bot.send(Outgoings.question(groupId, "Siapa terdampak?"));

        service.postInGroup(groupId, ANI, "Banjir", new ReplyChoice.To(firstQuestion));
        assertThat(lastMessage().replyToMessageId()).isEqualTo(firstQuestion);

        service.postInGroup(groupId, ANI, "/status", ReplyChoice.NONE);
        assertThat(lastMessage().replyToMessageId()).isNull();

        assertThatThrownBy(() -> service.postInGroup(groupId, ANI, "x", new ReplyChoice.To("999")))
                .isInstanceOf(SimulatorException.class);
    }

    @Test
    void withoutABotQuestionATypedMessageIsNoReply() {
        String groupId = groupWithBot();
        bot.send(Outgoings.text(groupId, "Selamat datang"));

        service.postInGroup(groupId, SARI, "/fasilitator", ReplyChoice.AUTO);

        assertThat(lastMessage().replyToMessageId()).isNull();
    }

    @Test
    void updatesReachTheInboxInTheOrderTheyHappenedEachWithItsOwnId() {
        String groupId = service.createDefaultGroup().chatId();
        service.addBot(groupId, null);
        service.postInGroup(groupId, SARI, "/fasilitator", ReplyChoice.AUTO);
        String choice = sentId(bot.send(Outgoings.text(groupId, "Siap mulai?",
                List.of(List.of(new OutButton("Siap", "go"))), false, null)));
        service.pressButton(groupId, ANI, choice, "go");
        String typed = service.postInGroup(groupId, ANI, "Sampah menumpuk", ReplyChoice.AUTO).messageId();
        service.editMessage(groupId, ANI, typed, "Sampah menumpuk di selokan");
        service.startPrivateChat(SARI);

        List<Inbound> received = inbox.received();
        assertThat(received).extracting(u -> u.getClass().getSimpleName()).containsExactly(
                "MembersJoined", "MembersJoined", "Message", "ButtonPressed", "Message", "Message", "Message");
        assertThat(received).extracting(Inbound::updateId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).startsWith("sim:"));
    }

    @Test
    void buttonPressCarriesTheCallbackDataOfTheBotsMessage() {
        String groupId = groupWithBot();
        String messageId = sentId(bot.send(Outgoings.text(groupId, "Seberapa penting? (1-5)",
                List.of(List.of(new OutButton("1", "s:1"), new OutButton("5", "s:5"))), false, null)));

        service.pressButton(groupId, "sim-user-citra", messageId, "s:5");

        Inbound.ButtonPressed pressed = inbox.received(Inbound.ButtonPressed.class).get(0);
        assertThat(pressed.chatId()).isEqualTo(groupId);
        assertThat(pressed.privateChat()).isFalse();
        assertThat(pressed.messageId()).isEqualTo(messageId);
        assertThat(pressed.data()).isEqualTo("s:5");
        assertThat(pressed.from().id()).isEqualTo("sim-user-citra");
        assertThat(pressed.callbackId()).startsWith("sim-cb-");
        assertThatThrownBy(() -> service.pressButton(groupId, ANI, messageId, "s:3"))
                .isInstanceOf(SimulatorException.class)
                .hasMessageContaining("no button");
    }

    @Test
    void startingAPrivateChatSendsStartFromThePersonasOwnChat() {
        service.createDefaultGroup();
        service.stopPrivateChat(SARI);
        assertThat(store.started(SARI)).isFalse();

        service.startPrivateChat(SARI);

        Inbound.Message start = lastMessage();
        assertThat(start.chatId()).isEqualTo(SARI);
        assertThat(start.privateChat()).isTrue();
        assertThat(start.text()).isEqualTo("/start");
        assertThat(start.from().id()).isEqualTo(SARI);
        assertThat(store.started(SARI)).isTrue();
    }

    @Test
    void privateButtonsArePressedInThePrivateChat() {
        service.createDefaultGroup();
        String summary = sentId(bot.send(Outgoings.text(SARI, "Ringkasan tahap 1",
                List.of(List.of(new OutButton("Lanjut", "f:next"))), false, null)));

        service.pressButton(SARI, SARI, summary, "f:next");

        Inbound.ButtonPressed pressed = inbox.received(Inbound.ButtonPressed.class).get(0);
        assertThat(pressed.chatId()).isEqualTo(SARI);
        assertThat(pressed.privateChat()).isTrue();
        assertThat(pressed.data()).isEqualTo("f:next");
    }

    @Test
    void editingAMessageTellsTheBotAndShowsTheNewText() {
        String groupId = groupWithBot();
        String question = sentId(bot.send(Outgoings.question(groupId, "Tujuan kita?")));
        String typed = service.postInGroup(groupId, ANI, "Jalan bersih", ReplyChoice.AUTO).messageId();

        service.editMessage(groupId, ANI, typed, "Jalan bersih dalam 3 bulan");

        Inbound.Message edit = lastMessage();
        assertThat(edit.edited()).isTrue();
        assertThat(edit.messageId()).isEqualTo(typed);
        assertThat(edit.text()).isEqualTo("Jalan bersih dalam 3 bulan");
        assertThat(edit.replyToMessageId()).isEqualTo(question);
        assertThat(store.edits(groupId)).containsEntry(typed, "Jalan bersih dalam 3 bulan");
        assertThatThrownBy(() -> service.editMessage(groupId, "sim-user-budi", typed, "bukan punyaku"))
                .isInstanceOf(SimulatorException.class);
    }

    @Test
    void whatIsSaidBeforeTheBotJoinsIsShownButNotHeard() {
        String groupId = service.createDefaultGroup().chatId();

        SimulatorService.Posted posted = service.postInGroup(groupId, ANI, "Halo semua", ReplyChoice.AUTO);

        assertThat(posted.updateIds()).isEmpty();
        assertThat(inbox.received()).isEmpty();
        assertThat(store.log(groupId)).extracting(ChatRecord::text).containsExactly("Halo semua");
    }

    @Test
    void onlyMembersTypeInTheGroupAndOnlyWithText() {
        String groupId = groupWithBot();

        assertThatThrownBy(() -> service.postInGroup(groupId, "sim-user-stranger", "Halo", ReplyChoice.AUTO))
                .isInstanceOf(SimulatorException.class)
                .satisfies(e -> assertThat(((SimulatorException) e).problem())
                        .isEqualTo(SimulatorException.Problem.INVALID));
        assertThatThrownBy(() -> service.postInGroup(groupId, ANI, "   ", ReplyChoice.AUTO))
                .isInstanceOf(SimulatorException.class);
        assertThatThrownBy(() -> service.postInGroup("sim-group-404", ANI, "Halo", ReplyChoice.AUTO))
                .isInstanceOf(SimulatorException.class)
                .satisfies(e -> assertThat(((SimulatorException) e).problem())
                        .isEqualTo(SimulatorException.Problem.NOT_FOUND));
        assertThat(inbox.received(Inbound.Message.class)).isEmpty();
    }

    @Test
    void residentsJoiningAndLeavingAreReportedWhileTheBotListens() {
        String groupId = groupWithBot();

        service.addResident(groupId, "Fajar");
        service.removeResident(groupId, "sim-user-budi");

        Inbound.MembersJoined joined = inbox.received(Inbound.MembersJoined.class).get(0);
        assertThat(joined.members()).containsExactly(ChatUser.person("sim-user-fajar", "Fajar"));
        assertThat(joined.botAdded()).isFalse();
        Inbound.MemberLeft left = inbox.received(Inbound.MemberLeft.class).get(0);
        assertThat(left.member().id()).isEqualTo("sim-user-budi");
        assertThat(left.botRemoved()).isFalse();
        assertThat(service.group(groupId).cast()).extracting(Persona::name).contains("Fajar").doesNotContain("Budi");
    }

    @Test
    void removingTheBotIsReportedAndThenTheGroupIsClosedToIt() {
        String groupId = groupWithBot();

        service.removeBot(groupId, null);

        Inbound.MemberLeft left = inbox.received(Inbound.MemberLeft.class).get(0);
        assertThat(left.botRemoved()).isTrue();
        assertThat(left.member()).isEqualTo(SimulatorService.BOT);
        assertThat(bot.send(Outgoings.text(groupId, "Halo"))).isInstanceOf(SendResult.Forbidden.class);
    }

    private String groupWithBot() {
        String groupId = service.createDefaultGroup().chatId();
        service.addBot(groupId, null);
        inbox.clear();
        return groupId;
    }

    private Inbound.Message lastMessage() {
        List<Inbound.Message> messages = inbox.received(Inbound.Message.class);
        assertThat(messages).isNotEmpty();
        return messages.get(messages.size() - 1);
    }

    private static String sentId(SendResult result) {
        assertThat(result).isInstanceOf(SendResult.Sent.class);
        return ((SendResult.Sent) result).messageId();
    }
}
