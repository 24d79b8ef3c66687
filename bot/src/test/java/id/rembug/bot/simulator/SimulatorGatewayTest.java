package id.rembug.bot.simulator;

import id.rembug.bot.channel.Outgoing;
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

@TestRedis
class SimulatorGatewayTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:00Z");

    private SimulatorStore store;
    private SimulatorGateway gateway;
    private SimulatorService service;
    private String groupId;

    @BeforeEach
    void freshGroupWithTheBot() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        store = new SimulatorStore(RedisServerExtension.template());
        gateway = new SimulatorGateway(store, clock);
        service = new SimulatorService(store, new CollectingInboxWriter(), clock);
        SimGroup group = service.createDefaultGroup();
        groupId = group.chatId();
        store.setBotInGroup(groupId, true);
    }

    @Test
    void handlesSimulatedChatsOnly() {
        assertThat(gateway.handles("sim-group-1")).isTrue();
        assertThat(gateway.handles("sim-user-ani")).isTrue();
        assertThat(gateway.handles("-1001234567")).isFalse();
        assertThat(gateway.handles("42")).isFalse();
    }

    @Test
    void textsGetMessageIdsInSequenceAndLandInTheLogWithButtons() {
        List<List<OutButton>> buttons = List.of(
                List.of(new OutButton("Ya", "c:s1:1:p:yes"), new OutButton("Tidak", "c:s1:1:p:no")),
                List.of(new OutButton("Lewati", "cmd:skip")));

        SendResult first = gateway.send(Outgoings.text(groupId, "Selamat datang"));
        SendResult second = gateway.send(Outgoings.text(groupId, "Setuju?", buttons, true, "1"));

        assertThat(first).isEqualTo(new SendResult.Sent("1"));
        assertThat(second).isEqualTo(new SendResult.Sent("2"));
        List<ChatRecord> log = store.log(groupId);
        assertThat(log).extracting(ChatRecord::messageId).containsExactly("1", "2");
        ChatRecord question = log.get(1);
        assertThat(question.from()).isEqualTo(ChatRecord.FROM_BOT);
        assertThat(question.text()).isEqualTo("Setuju?");
        assertThat(question.buttons()).isEqualTo(buttons);
        assertThat(question.forceReply()).isTrue();
        assertThat(question.replyTo()).isEqualTo("1");
        assertThat(question.at()).isEqualTo(NOW);
    }

    @Test
    void botAndPeopleShareTheChatsMessageSequence() {
        gateway.send(Outgoings.question(groupId, "Apa masalah utama di RT kita?"));
        SimulatorService.Posted answer = service.postInGroup(groupId, "sim-user-ani", "Sampah", ReplyChoice.AUTO);
        SendResult thanks = gateway.send(Outgoings.text(groupId, "Terima kasih"));

        assertThat(answer.messageId()).isEqualTo("2");
        assertThat(thanks).isEqualTo(new SendResult.Sent("3"));
        assertThat(store.log(groupId)).extracting(ChatRecord::from)
                .containsExactly(ChatRecord.FROM_BOT, "sim-user-ani", ChatRecord.FROM_BOT);
    }

    @Test
    void reactionIsKeptOnTheMessageItReactsTo() {
        gateway.send(Outgoings.question(groupId, "Apa masalah utama?"));
        String answerId = service.postInGroup(groupId, "sim-user-budi", "Air bersih", ReplyChoice.AUTO).messageId();

        SendResult result = gateway.send(Outgoings.reaction(groupId, answerId, "👍"));

        assertThat(result).isEqualTo(new SendResult.Sent(answerId));
        assertThat(store.reactions(groupId)).containsExactly(java.util.Map.entry(answerId, "👍"));
    }

    @Test
    void callbackAnswerLeavesAToastForThePage() {
        SendResult result = gateway.send(Outgoings.callbackAnswer(groupId, "sim-cb-1", "Pilihanmu dicatat"));

        assertThat(result).isEqualTo(new SendResult.Sent("sim-cb-1"));
        assertThat(store.toast(groupId)).hasValue(new SimulatorStore.Toast("Pilihanmu dicatat", NOW));
    }

    @Test
    void callbackAlertIsKeptAsAnAlertForThePage() {
        gateway.send(Outgoings.callbackAlert(groupId, "sim-cb-2", "❔ Menentukan arah\nTujuan bersama."));

        assertThat(store.toast(groupId)).hasValue(new SimulatorStore.Toast("❔ Menentukan arah\nTujuan bersama.", NOW, true));
    }

    @Test
    void privateChatOfAPersonaWhoNeverStartedTheBotIsForbidden() {
        service.stopPrivateChat("sim-user-fasilitator-sari");

        SendResult refused = gateway.send(Outgoings.text("sim-user-fasilitator-sari", "Ringkasan tahap 1"));

        assertThat(refused).isEqualTo(new SendResult.Forbidden("user never started the bot"));
        assertThat(store.log("sim-user-fasilitator-sari")).isEmpty();

        service.startPrivateChat("sim-user-fasilitator-sari");
        SendResult delivered = gateway.send(Outgoings.text("sim-user-fasilitator-sari", "Ringkasan tahap 1"));

        assertThat(delivered).isEqualTo(new SendResult.Sent("2"));
        assertThat(store.log("sim-user-fasilitator-sari")).extracting(ChatRecord::text)
                .containsExactly("/start", "Ringkasan tahap 1");
    }

    @Test
    void personasHaveStartedTheBotByDefault() {
        assertThat(gateway.send(Outgoings.text("sim-user-ani", "Halo Ani"))).isEqualTo(new SendResult.Sent("1"));
    }

    @Test
    void groupWithoutTheBotAndUnknownChatsAreRefused() {
        store.setBotInGroup(groupId, false);

        assertThat(gateway.send(Outgoings.text(groupId, "Halo")))
                .isEqualTo(new SendResult.Forbidden("bot is not a member of the group chat"));
        assertThat(gateway.send(Outgoings.text("sim-group-99", "Halo")))
                .isEqualTo(new SendResult.Rejected("chat not found"));
        assertThat(gateway.send(Outgoings.text("sim-user-nobody", "Halo")))
                .isEqualTo(new SendResult.Rejected("chat not found"));
    }

    @Test
    void messagesTelegramWouldRefuseAreRejectedHereToo() {
        String tooLongData = "x".repeat(Outgoing.MAX_CALLBACK_DATA_BYTES + 1);

        assertThat(gateway.send(Outgoings.text(groupId, " "))).isInstanceOf(SendResult.Rejected.class);
        assertThat(gateway.send(Outgoings.text(groupId, "a".repeat(SimulatorGateway.MAX_TEXT + 1))))
                .isEqualTo(new SendResult.Rejected("message is too long"));
        assertThat(gateway.send(Outgoings.text(groupId, "Pilih",
                List.of(List.of(new OutButton("Ya", tooLongData))), false, null)))
                .isEqualTo(new SendResult.Rejected("BUTTON_DATA_INVALID"));
        assertThat(gateway.send(Outgoings.text(groupId, "a".repeat(SimulatorGateway.MAX_TEXT),
                List.of(List.of(new OutButton("Ya", "é".repeat(32)))), false, null)))
                .isEqualTo(new SendResult.Sent("1"));
        assertThat(store.log(groupId)).hasSize(1);
    }

    @Test
    void logKeepsTheNewestLinesOnly() {
        int sent = SimulatorStore.LOG_SIZE + 5;
        for (int i = 1; i <= sent; i++) {
            gateway.send(Outgoings.text(groupId, "pesan " + i));
        }

        List<ChatRecord> log = store.log(groupId);
        assertThat(log).hasSize(SimulatorStore.LOG_SIZE);
        assertThat(log.get(0).text()).isEqualTo("pesan 6");
        assertThat(log.get(log.size() - 1).messageId()).isEqualTo(String.valueOf(sent));
    }
}
