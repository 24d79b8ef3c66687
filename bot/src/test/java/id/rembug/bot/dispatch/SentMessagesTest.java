package id.rembug.bot.dispatch;

import java.util.List;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.Map;

import static id.rembug.bot.dispatch.DispatchFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

/** What settling a delivery records: which outbox message the platform's message is, and nothing of the conversation's. */
@TestRedis
class SentMessagesTest {

    @Test
    void aQuestionDeliveredToAGroupIsRecordedByItsOutboxIdAndNoConversationKeyIsWritten() {
        StringRedisTemplate redis = RedisServerExtension.template();
        DispatchFixture fx = new DispatchFixture(redis);
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        String group = "-100555";
        fx.enqueue(text(group + ":e1:0", group).asking("persiapan|1|0"), text("777:e1:0", "777").asking("persiapan|1|1"));

        fx.drain(100, 60_000, dispatcher);

        String platformId = dispatcher.delivery(group + ":e1:0").orElseThrow().messageId();
        assertThat(redis.<String, String>opsForHash().entries(DispatchKeys.sentMessages(group)))
                .containsExactlyEntriesOf(Map.of(platformId, group + ":e1:0"));
        assertThat(redis.getExpire(DispatchKeys.sentMessages(group)))
                .isGreaterThan(DispatchKeys.SENT_MESSAGES_KEPT.minus(Duration.ofMinutes(1)).toSeconds());
        // the conversation's data (which prompt a question asked) is the conversation's commit to write
        assertThat(redis.keys("rembug:group:*")).as("conversation keys written by the dispatcher").isEmpty();
        assertThat(redis.hasKey(DispatchKeys.sentMessages("777"))).as("a private chat's replies are not placed").isFalse();
    }

    @Test
    void anEditOfADeliveredQuestionLeavesTheQuestionInItsPlace() {
        StringRedisTemplate redis = RedisServerExtension.template();
        DispatchFixture fx = new DispatchFixture(redis);
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        String group = "-100556";
        fx.enqueue(text(group + ":e1:0", group).asking("persiapan|1|0"));
        fx.drain(100, 60_000, dispatcher);
        String platformId = dispatcher.delivery(group + ":e1:0").orElseThrow().messageId();

        // a progress edit of the question settles under the same platform message id
        fx.enqueue(Outgoing.edit(group + ":e2:0", group, group, group + ":e1:0", "Siapa nama Anda?\n\n✅ 1 sudah menjawab",
                List.of(), DispatchFixture.START));
        fx.drain(100, 60_000, dispatcher);

        assertThat(dispatcher.delivery(group + ":e2:0").orElseThrow().messageId()).isEqualTo(platformId);
        assertThat(redis.<String, String>opsForHash().get(DispatchKeys.sentMessages(group), platformId))
                .as("a reply to the question is still a reply to the question").isEqualTo(group + ":e1:0");
    }
}
