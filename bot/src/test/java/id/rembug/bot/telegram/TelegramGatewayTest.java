package id.rembug.bot.telegram;

import id.rembug.bot.testsupport.FakeTelegram;
import com.fasterxml.jackson.databind.JsonNode;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.channel.Outgoing.OutButton;
import id.rembug.bot.channel.SendResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static id.rembug.bot.telegram.TelegramSamples.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

class TelegramGatewayTest {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);

    private final FakeTelegram api = new FakeTelegram(TOKEN);
    private final TelegramApiClient client = client(api.url());
    private final TelegramGateway gateway = new TelegramGateway(client);

    @AfterEach
    void tearDown() {
        client.close();
        api.close();
    }

    private static TelegramApiClient client(String apiUrl) {
        return client(apiUrl, REQUEST_TIMEOUT);
    }

    private static TelegramApiClient client(String apiUrl, Duration requestTimeout) {
        return new TelegramApiClient(new TelegramProperties(TOKEN, apiUrl, null, null, null, null, null, requestTimeout, null));
    }

    private static Outgoing text(String chatId, String text, List<List<OutButton>> buttons, boolean forceReply,
                                 String replyTo) {
        return Outgoing.text("out-1", Outgoing.Lane.CONVERSATION, chatId, chatId, text,
                Instant.parse("2025-11-23T12:00:00Z")).withButtons(buttons).forcingReply(forceReply).replyingTo(replyTo);
    }

    private static String sentMessage(int messageId) {
        return """
                {"ok":true,"result":{"message_id":%d,"from":{"id":123456789,"is_bot":true,"first_name":"Rembug"},\
                "chat":{"id":-400,"title":"RT 05","type":"group"},"date":1763900000,"text":"ok"}}""".formatted(messageId);
    }

    private void sendMessageAnswers(int messageId) {
        api.script("sendmessage", okJson(sentMessage(messageId)));
    }

    private void sendMessageFails(int status, String body) {
        api.script("sendmessage", aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body));
    }

    private SendResult sendPlain() {
        return gateway.send(text("-400", "Halo", List.of(), false, null));
    }

    @Test
    void textWithButtonsGoesOutAsPlainTextWithAnInlineKeyboardAnsweringTheMember() {
        sendMessageAnswers(321);

        SendResult result = gateway.send(text("-400", "Seberapa penting? *pakai bintang*",
                List.of(List.of(new OutButton("1", "s:1"), new OutButton("2", "s:2")), List.of(new OutButton("Lewati", "skip"))),
                false, "41"));

        assertThat(result).isEqualTo(new SendResult.Sent("321"));
        JsonNode body = api.bodies("sendmessage").get(0);
        assertThat(body.get("chat_id").asText()).isEqualTo("-400");
        assertThat(body.get("text").asText()).isEqualTo("Seberapa penting? *pakai bintang*");
        assertThat(body.has("parse_mode")).isFalse();
        assertThat(body.get("reply_parameters")).isEqualTo(FakeTelegram.parse(
                "{\"message_id\":41,\"allow_sending_without_reply\":true}"));
        assertThat(body.get("reply_markup")).isEqualTo(FakeTelegram.parse("""
                {"inline_keyboard":[[{"text":"1","callback_data":"s:1"},{"text":"2","callback_data":"s:2"}],
                                    [{"text":"Lewati","callback_data":"skip"}]]}"""));
    }

    @Test
    void questionToTheWholeGroupAsksEveryoneToReply() {
        sendMessageAnswers(322);

        assertThat(gateway.send(text("-400", "Apa masalah terbesar?", List.of(), true, null)))
                .isEqualTo(new SendResult.Sent("322"));

        JsonNode body = api.bodies("sendmessage").get(0);
        assertThat(body.get("reply_markup")).isEqualTo(FakeTelegram.parse("{\"force_reply\":true,\"selective\":false}"));
        assertThat(body.has("reply_parameters")).isFalse();
    }

    @Test
    void questionAnsweringOneMemberAsksOnlyThemToReply() {
        sendMessageAnswers(323);

        gateway.send(text("-400", "Bisa diceritakan lebih lanjut?", List.of(), true, "41"));

        JsonNode body = api.bodies("sendmessage").get(0);
        assertThat(body.get("reply_markup")).isEqualTo(FakeTelegram.parse("{\"force_reply\":true,\"selective\":true}"));
        assertThat(body.get("reply_parameters").get("message_id").asInt()).isEqualTo(41);
    }

    @Test
    void tooManyRequestsTellsHowLongToWait() {
        sendMessageFails(429, """
                {"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}""");
        assertThat(sendPlain()).isEqualTo(new SendResult.RetryAfter(7));
    }

    @Test
    void botRemovedFromTheGroupIsForbidden() {
        sendMessageFails(403, """
                {"ok":false,"error_code":403,"description":"Forbidden: bot was kicked from the group chat"}""");
        assertThat(sendPlain()).isEqualTo(new SendResult.Forbidden("Forbidden: bot was kicked from the group chat"));
    }

    @Test
    void groupUpgradedToASupergroupGivesTheNewChatId() {
        sendMessageFails(400, """
                {"ok":false,"error_code":400,"description":"Bad Request: group chat was upgraded to a supergroup chat",\
                "parameters":{"migrate_to_chat_id":-1009876543210}}""");
        assertThat(sendPlain()).isEqualTo(new SendResult.Migrated("-1009876543210"));
    }

    @Test
    void otherBadRequestIsRejectedWithTelegramsReason() {
        sendMessageFails(400, """
                {"ok":false,"error_code":400,"description":"Bad Request: chat not found"}""");
        assertThat(sendPlain()).isInstanceOfSatisfying(SendResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).contains("chat not found"));
    }

    @Test
    void messageTelegramAcceptedIsSentEvenWhenItsAnswerHasFieldsTheLibraryCannotBind() {
        sendMessageFails(200, """
                {"ok":true,"result":{"message_id":77,"chat":{"id":-400,"type":"group"},"date":1763900000,\
                "text":"ok","link_preview_options":"auto","hologram_2027":{"layers":3}}}""");
        assertThat(sendPlain()).isEqualTo(new SendResult.Sent("77"));
    }

    @Test
    void editTelegramAcceptedIsSentEvenWhenItsAnswerHasFieldsTheLibraryCannotBind() {
        api.script("editmessagetext", okJson("""
                {"ok":true,"result":{"message_id":78,"chat":{"id":-400,"type":"group"},"date":1763900000,\
                "edit_date":1763900100,"text":"baru","reply_markup":{"inline_keyboard":{"rows":[]}}}}"""));
        Outgoing edit = Outgoing.edit("out-2", "-400", "-400", "78", "baru", List.of(),
                Instant.parse("2025-11-23T12:00:00Z")).replyingTo("78"); // as the dispatcher hands it over
        assertThat(gateway.send(edit)).isEqualTo(new SendResult.Sent("78"));
    }

    @Test
    void okAnswerWithoutAMessageIdIsStillAFailure() {
        sendMessageFails(200, """
                {"ok":true,"result":{"chat":{"id":-400,"type":"group"},"text":{"rich":true}}}""");
        assertThat(sendPlain()).isNotInstanceOf(SendResult.Sent.class);
    }

    @Test
    void serverErrorIsTransient() {
        sendMessageFails(500, """
                {"ok":false,"error_code":500,"description":"Internal Server Error"}""");
        assertThat(sendPlain()).isInstanceOf(SendResult.Transient.class);
    }

    @Test
    void proxyErrorPageIsTransient() {
        api.script("sendmessage", aResponse().withStatus(502).withBody("<html><body>502 Bad Gateway</body></html>"));
        assertThat(sendPlain()).isInstanceOf(SendResult.Transient.class);
    }

    @Test
    void answerSlowerThanTheRequestTimeoutIsTransient() {
        sendMessageAnswers(324);
        assertThat(sendPlain()).isEqualTo(new SendResult.Sent("324")); // warm, so only the delay below counts
        api.script("sendmessage", okJson(sentMessage(325)).withFixedDelay((int) SHORT_TIMEOUT.toMillis() * 6));

        try (TelegramApiClient impatient = client(api.url(), SHORT_TIMEOUT)) {
            long started = System.nanoTime();
            SendResult result = new TelegramGateway(impatient).send(text("-400", "Halo", List.of(), false, null));

            assertThat(result).isInstanceOf(SendResult.Transient.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SHORT_TIMEOUT.multipliedBy(4));
        }
    }

    @Test
    void unreachableBotApiIsTransient() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (TelegramApiClient unreachable = client("http://localhost:" + closedPort)) {
            assertThat(new TelegramGateway(unreachable).send(text("-400", "Halo", List.of(), false, null)))
                    .isInstanceOf(SendResult.Transient.class);
        }
    }

    @Test
    void longTextGoesOutInPartsWithButtonsOnTheLastWhoseIdIsReported() {
        api.script("sendmessage", okJson(sentMessage(501)), okJson(sentMessage(502)));
        String firstLines = ("Baris ringkasan warga. ".repeat(4) + "\n").repeat(40); // 93 x 40 = 3720 chars
        String rest = "x".repeat(5000 - firstLines.length());
        String text = firstLines + rest;

        SendResult result = gateway.send(text("-400", text,
                List.of(List.of(new OutButton("Setuju", "ok"))), false, "41"));

        assertThat(result).isEqualTo(new SendResult.Sent("502"));
        List<JsonNode> bodies = api.bodies("sendmessage");
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0).get("text").asText()).isEqualTo(firstLines.stripTrailing());
        assertThat(bodies.get(1).get("text").asText()).isEqualTo(rest);
        assertThat(bodies.get(0).has("reply_markup")).isFalse();
        assertThat(bodies.get(1).get("reply_markup").get("inline_keyboard").get(0).get(0).get("callback_data").asText())
                .isEqualTo("ok");
        assertThat(bodies.get(0).get("reply_parameters").get("message_id").asInt()).isEqualTo(41);
    }

    @Test
    void callbackDataOverSixtyFourBytesIsRejectedAndNothingIsSent() {
        sendMessageAnswers(325);
        String sixtyFiveBytes = "é".repeat(32) + "x"; // 33 characters, 65 bytes in UTF-8

        SendResult result = gateway.send(text("-400", "Pilih", List.of(List.of(new OutButton("A", sixtyFiveBytes))),
                false, null));

        assertThat(result).isInstanceOfSatisfying(SendResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).contains("65 bytes"));
        assertThat(api.calls("sendmessage")).isEmpty();
    }

    @Test
    void callbackDataOfExactlySixtyFourBytesIsSent() {
        sendMessageAnswers(326);
        assertThat(gateway.send(text("-400", "Pilih", List.of(List.of(new OutButton("A", "é".repeat(32)))), false, null)))
                .isEqualTo(new SendResult.Sent("326"));
    }

    @Test
    void reactionPutsTheEmojiOnTheMembersMessage() {
        api.answerTrue("setMessageReaction");

        SendResult result = gateway.send(Outgoing.reaction("out-2", "-400", "-400", "41", "👍", Instant.EPOCH));

        assertThat(result).isEqualTo(new SendResult.Sent("41"));
        JsonNode body = api.bodies("setMessageReaction").get(0);
        assertThat(body.get("chat_id").asText()).isEqualTo("-400");
        assertThat(body.get("message_id").asInt()).isEqualTo(41);
        assertThat(body.get("reaction")).isEqualTo(FakeTelegram.parse("[{\"type\":\"emoji\",\"emoji\":\"👍\"}]"));
    }

    @Test
    void callbackAnswerShowsTheTextAsAToast() {
        api.answerTrue("answercallbackquery");

        SendResult result = gateway.send(Outgoing.callbackAnswer("out-3", "-400", "-400", "4382019472849201746",
                "Terima kasih!", false, Instant.EPOCH));

        assertThat(result).isInstanceOf(SendResult.Sent.class);
        JsonNode body = api.bodies("answercallbackquery").get(0);
        assertThat(body.get("callback_query_id").asText()).isEqualTo("4382019472849201746");
        assertThat(body.get("text").asText()).isEqualTo("Terima kasih!");
    }

    @Test
    void callbackAlertIsSentWithShowAlert() {
        api.answerTrue("answercallbackquery");

        gateway.send(Outgoing.callbackAnswer("out-5", "-400", "-400", "4382019472849201746",
                "❔ Menentukan arah\nTujuan bersama menjadi pegangan.", true, Instant.EPOCH));

        JsonNode body = api.bodies("answercallbackquery").get(0);
        assertThat(body.get("show_alert").asBoolean()).isTrue();
        assertThat(body.get("text").asText()).isEqualTo("❔ Menentukan arah\nTujuan bersama menjadi pegangan.");
    }

    @Test
    void callbackAnswerOverTwoHundredCharactersIsCutAfterASentenceNotMidWord() {
        api.answerTrue("answercallbackquery");
        String first = "Kelompok menetapkan tujuan bersama yang menjadi pegangan untuk setiap langkah sesudahnya.";
        String text = first + " Tujuan yang baik itu realistis, terukur, punya batas waktu, dan jelas cakupan "
                + "kegiatannya, sehingga semua warga tahu kapan tujuan itu tercapai dan siapa yang memantaunya.";
        assertThat(text.length()).isGreaterThan(200);

        gateway.send(Outgoing.callbackAnswer("out-6", "-400", "-400", "4382019472849201746", text, true,
                Instant.EPOCH));

        assertThat(api.bodies("answercallbackquery").get(0).get("text").asText()).isEqualTo(first);
    }

    @Test
    void callbackAnswerWithoutASentenceEndIsCutBetweenWords() {
        String text = "kata ".repeat(60).strip();

        String sent = TelegramGateway.truncate(text);

        assertThat(sent).hasSizeLessThanOrEqualTo(200).endsWith("kata…");
        assertThat(sent.replace("…", "").split(" ")).containsOnly("kata");
    }

    @Test
    void callbackAnswerWithoutTextSendsNoToast() {
        api.answerTrue("answercallbackquery");

        gateway.send(Outgoing.callbackAnswer("out-4", "-400", "-400", "4382019472849201746", "",
                false, Instant.EPOCH));

        assertThat(api.bodies("answercallbackquery").get(0).has("text")).isFalse();
    }

    @Test
    void handlesTelegramChatIdsOnly() {
        assertThat(gateway.handles("-1002233445566")).isTrue();
        assertThat(gateway.handles("5013")).isTrue();
        assertThat(gateway.handles("sim:1")).isFalse();
        assertThat(gateway.handles("12a")).isFalse();
        assertThat(gateway.handles("")).isFalse();
        assertThat(gateway.handles(null)).isFalse();
    }
}
