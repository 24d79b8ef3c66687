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

/**
 * What settling a delivery records: which outbox message the platform's message is, and nothing of
 * the conversation's; and what {@link SentMessages} answers from it and from its memory.
 */
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
        String platformId = deliverQuestion(fx, dispatcher, group);

        // a progress edit of the question settles under the same platform message id
        fx.enqueue(Outgoing.edit(group + ":e2:0", group, group, group + ":e1:0", "Siapa nama Anda?\n\n✅ 1 sudah menjawab",
                List.of(), DispatchFixture.START));
        fx.drain(100, 60_000, dispatcher);

        assertThat(dispatcher.delivery(group + ":e2:0").orElseThrow().messageId()).isEqualTo(platformId);
        assertThat(redis.<String, String>opsForHash().get(DispatchKeys.sentMessages(group), platformId))
                .as("a reply to the question is still a reply to the question").isEqualTo(group + ":e1:0");
    }

    @Test
    void aReplyToAQuestionThisInstanceDeliveredIsPlacedWithoutReadingTheRecord() {
        StringRedisTemplate redis = RedisServerExtension.template();
        DispatchFixture fx = new DispatchFixture(redis);
        SentMessages sent = new SentMessages(redis);
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults(), List.of(sent));
        String group = "-100557";
        String platformId = deliverQuestion(fx, dispatcher, group);

        redis.delete(DispatchKeys.sentMessages(group)); // so only the memory can answer

        assertThat(sent.outboxIdOf(group, platformId)).hasValue(group + ":e1:0");
        assertThat(sent.outboxIdOf(group, "999999")).as("not ours").isEmpty();
    }

    @Test
    void whatAnotherInstanceDeliveredIsReadFromTheRecord() {
        StringRedisTemplate redis = RedisServerExtension.template();
        DispatchFixture fx = new DispatchFixture(redis);
        String group = "-100558";
        String platformId = deliverQuestion(fx, fx.dispatcher(DispatchProperties.defaults()), group);

        assertThat(new SentMessages(redis).outboxIdOf(group, platformId)).hasValue(group + ":e1:0");
    }

    @Test
    void theMemoryKeepsWhatTheRecordKeepsTheFirstDeliveryUnderAnIdAndGroupChatsOnly() {
        StringRedisTemplate redis = RedisServerExtension.template();
        SentMessages sent = new SentMessages(redis);
        String group = "-100559";
        Outgoing question = text(group + ":e1:0", group).asking("persiapan|1|0");
        Outgoing progress = Outgoing.edit(group + ":e2:0", group, group, group + ":e1:0", "Siapa nama Anda? (1)",
                List.of(), DispatchFixture.START);

        sent.onSent(progress, "41"); // the question itself went out through another instance
        sent.onSent(question, "42");
        sent.onSent(Outgoing.edit(group + ":e3:0", group, group, group + ":e1:0", "Siapa nama Anda? (2)",
                List.of(), DispatchFixture.START), "42");
        sent.onSent(text("777:e1:0", "777").asking("persiapan|1|1"), "43");

        assertThat(sent.outboxIdOf(group, "41")).as("an edit is not the message it edits").isEmpty();
        assertThat(sent.outboxIdOf(group, "42")).as("the question, not its edit").hasValue(group + ":e1:0");
        assertThat(sent.outboxIdOf("777", "43")).as("a private chat's replies are not placed").isEmpty();
    }

    @Test
    void aReactionAndAButtonsAnswerPostNoMessageSoNeitherIsRememberedAndTheirRecordsLastADay() {
        StringRedisTemplate redis = RedisServerExtension.template();
        DispatchFixture fx = new DispatchFixture(redis);
        SentMessages sent = new SentMessages(redis);
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults(), List.of(sent));
        String group = "-100560";
        String question = deliverQuestion(fx, dispatcher, group);
        // a member's reply, 555, gets a reaction; a member's press gets its answer
        fx.enqueue(Outgoing.reaction(group + ":e2:0", group, group, "555", "👍", DispatchFixture.START),
                Outgoing.callbackAnswer(group + ":e3:0", group, group, "cb-7", "Terima kasih!", false,
                        DispatchFixture.START));
        fx.drain(100, 60_000, dispatcher);

        assertThat(dispatcher.delivery(group + ":e2:0").orElseThrow().status()).isEqualTo("sent");
        assertThat(dispatcher.delivery(group + ":e3:0").orElseThrow().status()).isEqualTo("sent");
        assertThat(redis.<String, String>opsForHash().entries(DispatchKeys.sentMessages(group)))
                .as("only the question is ours to be replied to").containsOnlyKeys(question);
        assertThat(sent.outboxIdOf(group, "555")).as("the member's message is not ours").isEmpty();
        assertThat(sent.outboxIdOf(group, "cb-7")).isEmpty();
        for (String recorded : List.of(group + ":e2:0", group + ":e3:0")) {
            assertThat(redis.getExpire(DispatchKeys.delivery(recorded)))
                    .isBetween(1L, OutboxStore.BRIEF_RECORD_KEPT.toSeconds());
        }
        assertThat(redis.getExpire(DispatchKeys.delivery(group + ":e1:0")))
                .as("a question's record lasts the delivery TTL")
                .isGreaterThan(OutboxStore.BRIEF_RECORD_KEPT.toSeconds());
    }

    /** Queues and delivers the group's first question ({@code <group>:e1:0}); its platform message id. */
    private static String deliverQuestion(DispatchFixture fx, Dispatcher dispatcher, String group) {
        fx.enqueue(text(group + ":e1:0", group).asking("persiapan|1|0"));
        fx.drain(100, 60_000, dispatcher);
        return dispatcher.delivery(group + ":e1:0").orElseThrow().messageId();
    }
}
