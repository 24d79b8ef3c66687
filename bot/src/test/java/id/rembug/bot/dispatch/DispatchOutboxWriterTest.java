package id.rembug.bot.dispatch;

import id.rembug.bot.channel.ChannelCodec;
import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.channel.Outgoing.Lane;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.TestRedis;
import org.junit.jupiter.api.Test;

import java.util.List;

import static id.rembug.bot.dispatch.DispatchFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

@TestRedis
class DispatchOutboxWriterTest {

    @Test
    void enqueueAppendsEachMessageToItsChatsQueueAndMarksTheChatReadyNow() {
        DispatchFixture fx = new DispatchFixture(RedisServerExtension.template());
        Outgoing first = text("m1", "101");
        Outgoing second = text("m2", "101");
        Outgoing broadcast = text("b1", "202", Lane.BROADCAST);

        fx.writer.enqueue(List.of(first, broadcast, second));

        assertThat(RedisServerExtension.template().opsForList().range(OutboxKeys.queue(Lane.CONVERSATION, "101"), 0, -1))
                .containsExactly(ChannelCodec.write(first), ChannelCodec.write(second));
        assertThat(RedisServerExtension.template().opsForList().range(OutboxKeys.queue(Lane.BROADCAST, "202"), 0, -1))
                .containsExactly(ChannelCodec.write(broadcast));
        assertThat(RedisServerExtension.template().opsForZSet().score(OutboxKeys.ready(Lane.CONVERSATION), "101"))
                .isEqualTo((double) fx.clock.millis());
        assertThat(RedisServerExtension.template().opsForZSet().score(OutboxKeys.ready(Lane.BROADCAST), "202"))
                .isEqualTo((double) fx.clock.millis());
        assertThat(RedisServerExtension.template().opsForZSet().score(OutboxKeys.ready(Lane.BROADCAST), "101")).isNull();
        assertThat(ChannelCodec.readOutgoing(RedisServerExtension.template().opsForList()
                .index(OutboxKeys.queue(Lane.CONVERSATION, "101"), 0))).isEqualTo(first);
    }

    @Test
    void enqueueNeverPullsAChatsScheduleForward() {
        DispatchFixture fx = new DispatchFixture(RedisServerExtension.template());
        double later = fx.clock.millis() + 5_000;
        RedisServerExtension.template().opsForZSet().add(OutboxKeys.ready(Lane.CONVERSATION), "101", later);

        fx.enqueue(text("m1", "101"));

        assertThat(RedisServerExtension.template().opsForZSet().score(OutboxKeys.ready(Lane.CONVERSATION), "101")).isEqualTo(later);
    }
}
