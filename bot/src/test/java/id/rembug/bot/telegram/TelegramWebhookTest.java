package id.rembug.bot.telegram;

import id.rembug.bot.testsupport.FakeTelegram;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static id.rembug.bot.telegram.TelegramSamples.TOKEN;
import static id.rembug.bot.telegram.TelegramSamples.json;
import static id.rembug.bot.telegram.TelegramSamples.textUpdate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = TelegramWebhookTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class TelegramWebhookTest {

    private static final String SECRET = "s3cret_Rembug-webhook";
    private static final String PATH = "/tg/hook";
    private static final FakeTelegram API = new FakeTelegram(TOKEN);
    private static final int MAX_BODY = 64 * 1024;

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry registry) {
        TelegramSamples.webhookMode(registry, API, PATH, SECRET);
        registry.add("rembug.telegram.webhook-max-body", () -> MAX_BODY + "B");
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class})
    @Import(TelegramConfiguration.class)
    static class App {
        @Bean
        CollectingInbox inbox() {
            return new CollectingInbox();
        }

        /** A bean so that it closes with the context. */
        @Bean
        FakeTelegram botApi() {
            return API;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    CollectingInbox inbox;
    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newHttpClient();

    private int post(String secret, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header(TelegramWebhookController.SECRET_HEADER, secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void updateWithTheRightSecretIsStoredBeforeTheAnswer() throws Exception {
        assertThat(post(SECRET, textUpdate(9001, -400, "halo"))).isEqualTo(200);
        assertThat(inbox.storedIds()).contains("tg:9001");
    }

    @Test
    void wrongOrMissingSecretIsRefusedAndNothingIsStored() throws Exception {
        assertThat(post("guess", textUpdate(9002, -400, "palsu"))).isEqualTo(401);
        assertThat(post(SECRET + "x", textUpdate(9003, -400, "palsu"))).isEqualTo(401);
        assertThat(post(null, textUpdate(9004, -400, "palsu"))).isEqualTo(401);
        assertThat(inbox.storedIds()).doesNotContain("tg:9002", "tg:9003", "tg:9004");
    }

    @Test
    void wrongSecretIsRefusedBeforeTheBodyIsRead() throws Exception {
        // 50 MB announced, a few bytes sent: only an app that does not wait for the body can answer at all.
        assertThat(statusOfUnfinishedPost("guess", 50_000_000L)).isEqualTo(401);
    }

    @Test
    void bodyAnnouncedLargerThanTheCapIsRefusedUnread() throws Exception {
        assertThat(statusOfUnfinishedPost(SECRET, MAX_BODY + 1L)).isEqualTo(413);
    }

    @Test
    void bodyLargerThanTheCapSentWithoutALengthIsRefused() throws Exception {
        byte[] update = textUpdate(9008, -400, "x".repeat(MAX_BODY)).getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(TelegramWebhookController.SECRET_HEADER, SECRET)
                // From a stream, so it goes chunked, with no Content-Length to refuse it by.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(update)))
                .build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(413);
        assertThat(inbox.storedIds()).doesNotContain("tg:9008");
    }

    @Test
    void updateJustUnderTheCapIsStored() throws Exception {
        String update = textUpdate(9009, -400, "y");
        String padded = update.substring(0, update.length() - 1) + " ".repeat(MAX_BODY - update.length()) + "}";
        assertThat(padded.getBytes(StandardCharsets.UTF_8)).hasSize(MAX_BODY);
        assertThat(post(SECRET, padded)).isEqualTo(200);
        assertThat(inbox.storedIds()).contains("tg:9009");
    }

    /** Announces a body of {@code length} bytes, sends 16 of them and reads the status the app answers with. */
    private int statusOfUnfinishedPost(String secret, long length) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + TelegramWebhookController.SECRET_HEADER + ": " + secret + "\r\nContent-Length: " + length
                    + "\r\n\r\n{\"update_id\": 1,").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                statusLine.append((char) c);
            }
            // "HTTP/1.1 401 ..." (a read time-out here means the app sat waiting for the rest of the body)
            return Integer.parseInt(statusLine.toString().split(" ")[1]);
        }
    }

    @Test
    void malformedJsonIsAcknowledgedSoTelegramStopsResendingIt() throws Exception {
        int storedBefore = inbox.stored().size();
        assertThat(post(SECRET, "{\"update_id\": 9005, \"message\": {")).isEqualTo(200);
        assertThat(post(SECRET, json("wrong-field-type"))).isEqualTo(200);
        assertThat(inbox.stored()).hasSize(storedBefore);

        assertThat(post(SECRET, textUpdate(9006, -400, "masih jalan"))).isEqualTo(200);
        assertThat(inbox.storedIds()).contains("tg:9006");
    }

    @Test
    void updateRembugIgnoresIsAcknowledgedWithoutStoring() throws Exception {
        int storedBefore = inbox.stored().size();
        assertThat(post(SECRET, json("sticker"))).isEqualTo(200);
        assertThat(inbox.stored()).hasSize(storedBefore);
    }

    @Test
    void inboxFailureAnswers503SoTelegramSendsItAgain() throws Exception {
        inbox.failNext(1);
        assertThat(post(SECRET, textUpdate(9007, -400, "nanti"))).isEqualTo(503);
        assertThat(inbox.storedIds()).doesNotContain("tg:9007");

        assertThat(post(SECRET, textUpdate(9007, -400, "nanti"))).isEqualTo(200);
        assertThat(inbox.storedIds()).containsOnlyOnce("tg:9007");
    }

    @Test
    void webhookIsRegisteredWithTheSecretAtStartUp() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !API.calls("setWebhook").isEmpty());
        JsonNode setWebhook = API.bodies("setWebhook").get(0); // a multipart form, one field per part
        assertThat(setWebhook.get("url").asText()).isEqualTo("https://rembug.example.org" + PATH);
        assertThat(setWebhook.get("secret_token").asText()).isEqualTo(SECRET);
        assertThat(FakeTelegram.parse(setWebhook.get("allowed_updates").asText())).isEqualTo(FakeTelegram.parse(
                "[\"message\",\"edited_message\",\"callback_query\",\"my_chat_member\",\"chat_member\",\"poll_answer\"]"));
    }

    @Test
    void webhookModeDoesNotPoll() {
        assertThat(context.getBeanNamesForType(TelegramPolling.class)).isEmpty();
        assertThat(API.polls()).isZero();
        assertThat(API.calls("deleteWebhook")).isEmpty();
    }
}
