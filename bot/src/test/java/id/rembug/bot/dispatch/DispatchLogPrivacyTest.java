package id.rembug.bot.dispatch;

import id.rembug.bot.channel.ChannelCodec;
import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static id.rembug.bot.dispatch.DispatchFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

/** An outbox entry the dispatcher cannot read is dropped and logged by chat id, never by its text. */
@TestRedis
@ExtendWith(OutputCaptureExtension.class)
class DispatchLogPrivacyTest {

    @Test
    void anUnreadableOutboxEntryIsDroppedWithoutItsTextInTheLog(CapturedOutput output) {
        DispatchFixture fx = new DispatchFixture(RedisServerExtension.template());
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        String secret = "Ringkasan: warga mengeluh soal Pak Kades";
        String chat = "4242";
        Outgoing message = Outgoing.text("m-1", Outgoing.Lane.CONVERSATION, chat, chat, secret, START);
        String broken = ChannelCodec.write(message).replace("\"lane\":\"CONVERSATION\"", "\"lane\":\"" + secret + "\"");
        assertThat(broken).contains("\"lane\":\"" + secret);
        var redis = RedisServerExtension.template();
        redis.opsForList().rightPush(OutboxKeys.queue(Outgoing.Lane.CONVERSATION, chat), broken);
        redis.opsForZSet().add(OutboxKeys.ready(Outgoing.Lane.CONVERSATION), chat, START.toEpochMilli());

        fx.runDue(dispatcher);

        assertThat(output.getAll()).contains("Dropping an unreadable outbox entry for chat " + chat)
                .doesNotContain(secret, "Pak Kades");
        assertThat(fx.gateway.attempts()).isEmpty();
    }
}
