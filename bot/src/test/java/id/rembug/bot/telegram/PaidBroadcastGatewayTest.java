package id.rembug.bot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.channel.SendResult;
import id.rembug.bot.testsupport.FakeTelegram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static id.rembug.bot.telegram.TelegramSamples.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code allow_paid_broadcast} rides on broadcast messages when paid broadcasts are on, and on nothing else. */
class PaidBroadcastGatewayTest {

    private final FakeTelegram api = new FakeTelegram(TOKEN);
    private final TelegramApiClient client = new TelegramApiClient(
            new TelegramProperties(TOKEN, api.url(), null, null, null, null, null, Duration.ofSeconds(5), null));

    @AfterEach
    void tearDown() {
        client.close();
        api.close();
    }

    private static Outgoing text(String id, Outgoing.Lane lane) {
        return Outgoing.text(id, lane, "-400", "-400", "Rapat warga Sabtu 14.00", Instant.parse("2026-12-06T12:00:00Z"));
    }

    private JsonNode sent(TelegramGateway gateway, Outgoing message) {
        assertThat(gateway.send(message)).isInstanceOf(SendResult.Sent.class);
        var bodies = api.bodies("sendmessage");
        return bodies.get(bodies.size() - 1);
    }

    @Test
    void broadcastMessagesAskForPaidBroadcastWhenItIsOn() {
        TelegramGateway gateway = new TelegramGateway(client, true);

        assertThat(sent(gateway, text("bc:1:-400", Outgoing.Lane.BROADCAST)).path("allow_paid_broadcast").asBoolean())
                .isTrue();
        assertThat(sent(gateway, text("reply-1", Outgoing.Lane.CONVERSATION)).has("allow_paid_broadcast"))
                .as("a conversation's message is never paid for").isFalse();
    }

    @Test
    void nothingAsksForPaidBroadcastWhenItIsOff() {
        TelegramGateway gateway = new TelegramGateway(client, false);

        assertThat(sent(gateway, text("bc:1:-400", Outgoing.Lane.BROADCAST)).has("allow_paid_broadcast")).isFalse();
    }
}
