package id.rembug.bot.telegram;

import id.rembug.bot.testsupport.FakeTelegram;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.ArrayList;
import com.fasterxml.jackson.databind.JsonNode;
import id.rembug.bot.channel.Inbound;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static id.rembug.bot.telegram.TelegramSamples.BOT_ID;
import static id.rembug.bot.telegram.TelegramSamples.TOKEN;
import static id.rembug.bot.telegram.TelegramSamples.getUpdatesAnswer;
import static id.rembug.bot.telegram.TelegramSamples.textUpdate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TelegramPollingTest {

    private static final String EMPTY = getUpdatesAnswer();
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final FakeTelegram api = new FakeTelegram(TOKEN);
    private final CollectingInbox inbox = new CollectingInbox();
    private TelegramPolling polling;

    @AfterEach
    void tearDown() {
        if (polling != null) {
            polling.stop();
        }
        api.close();
    }

    private void startPolling() {
        var properties = new TelegramProperties(TOKEN, api.url(), TelegramProperties.Mode.POLLING, null, null, null, 1,
                Duration.ofSeconds(2), null);
        var intake = new TelegramPollingIntake(new TelegramUpdateTranslator(BOT_ID, Clock.systemUTC()), inbox,
                Duration.ofMillis(10), Duration.ofMillis(40));
        polling = new TelegramPolling(properties, intake, Duration.ofMillis(20), Duration.ofMillis(100));
        polling.start();
    }

    /** getUpdates answers these batches once each, in order, then nothing (after a pause, like a long poll). */
    private void serveBatches(String... answers) {
        List<ResponseDefinitionBuilder> batches = new ArrayList<>();
        for (String answer : answers) {
            batches.add(okJson(answer));
        }
        batches.add(okJson(EMPTY).withFixedDelay(50));
        api.script("getupdates", batches.toArray(ResponseDefinitionBuilder[]::new));
    }

    private List<Integer> offsets() {
        return api.bodies("getupdates").stream().map(body -> body.get("offset").asInt()).toList();
    }

    @Test
    void batchReachesTheInboxInOrderAndTheNextPollConfirmsIt() {
        serveBatches(getUpdatesAnswer(textUpdate(100, -400, "satu"), textUpdate(101, -400, "dua")));

        startPolling();

        await().atMost(PATIENCE).until(() -> offsets().contains(102));
        assertThat(inbox.storedIds()).containsExactly("tg:100", "tg:101");
        assertThat(inbox.stored()).extracting(inbound -> ((Inbound.Message) inbound).text())
                .containsExactly("satu", "dua");
        assertThat(offsets()).startsWith(1, 102);
    }

    @Test
    void pollingDeletesALeftoverWebhookFirstAndAsksForTheWantedUpdates() {
        serveBatches();

        startPolling();

        await().atMost(PATIENCE).until(() -> !api.calls("getupdates").isEmpty());
        assertThat(api.calls().get(0).method()).isEqualTo("deleteWebhook");
        JsonNode poll = api.bodies("getupdates").get(0);
        assertThat(poll.get("timeout").asInt()).isEqualTo(1);
        assertThat(poll.get("limit").asInt()).isEqualTo(100);
        assertThat(poll.get("allowed_updates")).extracting(JsonNode::asText)
                .containsExactly("message", "edited_message", "callback_query", "my_chat_member", "chat_member",
                        "poll_answer");
    }

    @Test
    void malformedUpdateIsSkippedWithoutHoldingBackTheGoodOne() {
        String bad = """
                {"update_id":501,"message":{"message_id":"x","chat":{"id":-400,"type":"group"},"date":1}}""";
        serveBatches(getUpdatesAnswer(textUpdate(500, -400, "baik"), bad));

        startPolling();

        await().atMost(PATIENCE).until(() -> offsets().contains(502));
        assertThat(inbox.storedIds()).containsExactly("tg:500");
        assertThat(offsets()).startsWith(1, 502);
    }

    @Test
    void batchIsHeldUntilTheInboxTakesItAndOnlyThenConfirmed() {
        serveBatches(getUpdatesAnswer(textUpdate(600, -400, "a"), textUpdate(601, -400, "b")));
        inbox.failNext(3);
        AtomicInteger pollsWhenStored = new AtomicInteger(-1);
        inbox.onSuccess(() -> pollsWhenStored.set(api.calls("getupdates").size()));

        startPolling();

        await().atMost(PATIENCE).until(() -> offsets().contains(602));
        assertThat(inbox.attempts()).isEqualTo(4);
        assertThat(inbox.successfulAppends()).isEqualTo(1);
        assertThat(inbox.storedIds()).containsExactly("tg:600", "tg:601");
        // While the inbox failed, no poll was made that could have confirmed the batch.
        assertThat(pollsWhenStored.get()).isEqualTo(1);
        assertThat(offsets()).startsWith(1, 602);
    }

    @Test
    void stoppingWhileTheInboxIsDownLeavesTheBatchUnconfirmed() {
        serveBatches(getUpdatesAnswer(textUpdate(700, -400, "a")));
        inbox.failNext(Integer.MAX_VALUE);

        startPolling();
        await().atMost(PATIENCE).until(() -> inbox.attempts() >= 3);
        polling.stop();
        polling = null;

        assertThat(inbox.stored()).isEmpty();
        assertThat(offsets()).containsExactly(1);
    }

    @Test
    void failedPollIsRetriedFromTheSameOffset() {
        api.script("getupdates", aResponse().withStatus(502).withBody("Bad Gateway"),
                okJson(getUpdatesAnswer(textUpdate(800, -400, "a"))), okJson(EMPTY).withFixedDelay(50));

        startPolling();

        await().atMost(PATIENCE).until(() -> offsets().contains(801));
        assertThat(offsets()).startsWith(1, 1, 801);
        assertThat(inbox.storedIds()).containsExactly("tg:800");
    }

    @Test
    void pollingStartsOnceTelegramBecomesReachable() {
        api.script("deleteWebhook", aResponse().withStatus(500), okJson("{\"ok\":true,\"result\":true}"));
        serveBatches(getUpdatesAnswer(textUpdate(900, -400, "a")));

        startPolling();

        await().atMost(PATIENCE).until(() -> inbox.storedIds().contains("tg:900"));
        assertThat(api.calls("deleteWebhook")).hasSize(2);
    }

    @Test
    void pollingCanBeStoppedAndStartedAgain() {
        serveBatches(getUpdatesAnswer(textUpdate(1000, -400, "a")));
        startPolling();
        await().atMost(PATIENCE).until(() -> offsets().contains(1001));

        polling.stop();
        int pollsWhileRunning = offsets().size();
        polling.start();

        // A new session starts from offset 1 again: Telegram resends whatever was not confirmed.
        await().atMost(PATIENCE).until(() -> offsets().size() > pollsWhileRunning
                && offsets().get(pollsWhileRunning) == 1);
        assertThat(api.calls("deleteWebhook")).hasSize(2);
        assertThat(inbox.storedIds()).containsExactly("tg:1000");
    }
}
