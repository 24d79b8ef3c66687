package id.rembug.bot.dispatch;

import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.TestRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static id.rembug.bot.dispatch.DispatchFixture.START;
import static id.rembug.bot.dispatch.DispatchFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Progress edits (the question's own message updated with "✅ 3 dari 5 sudah menjawab"): the
 * newest wins, each names the delivered message by its platform id, and none ever makes a
 * question wait.
 */
@TestRedis
class DispatchEditsTest {

    private static final String GROUP = "-4001";

    private DispatchFixture fx;

    @BeforeEach
    void setUp() {
        fx = new DispatchFixture(RedisServerExtension.template());
    }

    private static Outgoing edit(String id, String of, String progress) {
        return Outgoing.edit(id, GROUP, GROUP, of, "Siapa nama Anda?\n\n" + progress,
                List.of(List.of(new Outgoing.OutButton("1", "a|kenal|1|0|1"))), START);
    }

    @Test
    void anEditNamesTheDeliveredMessageByItsPlatformIdAndKeepsItsButtons() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        fx.enqueue(text("q1", GROUP));
        fx.drain(100, 60_000, dispatcher);
        String platformId = dispatcher.delivery("q1").orElseThrow().messageId();

        fx.enqueue(edit("e1", "q1", "✅ 1 dari 5 sudah menjawab"));
        fx.drain(100, 60_000, dispatcher);

        Outgoing sent = fx.gateway.attemptsOf("e1").get(0).message();
        assertThat(sent.kind()).isEqualTo(Outgoing.Kind.EDIT);
        assertThat(sent.replyToMessageId()).isEqualTo(platformId);
        assertThat(sent.buttons()).hasSize(1);
    }

    @Test
    void aNewerEditOfTheSameMessageSupersedesTheOlderOnesWhichAreNeverSent() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        fx.enqueue(text("q1", GROUP));
        fx.drain(100, 60_000, dispatcher);

        fx.enqueue(edit("e1", "q1", "✅ 1 dari 5"), edit("e2", "q1", "✅ 2 dari 5"), edit("e3", "q1", "✅ 3 dari 5"));
        fx.drain(100, 60_000, dispatcher);

        assertThat(fx.gateway.attempts()).extracting(a -> a.message().id()).containsExactly("q1", "e3");
        assertThat(dispatcher.delivery("e1")).hasValueSatisfying(d -> assertThat(d.status()).isEqualTo("superseded"));
        assertThat(dispatcher.stats().total().superseded()).isEqualTo(2);
        // a record nobody will ask about goes after a day, a superseded edit's or a sent one's (nothing
        // names an edit); the message's own, which its edits name, is kept delivery-ttl (30 days)
        assertThat(fx.redis.getExpire(DispatchKeys.delivery("e1"))).isBetween(1L, OutboxStore.BRIEF_RECORD_KEPT.toSeconds());
        assertThat(fx.redis.getExpire(DispatchKeys.delivery("e3"))).isBetween(1L, OutboxStore.BRIEF_RECORD_KEPT.toSeconds());
        assertThat(fx.redis.getExpire(DispatchKeys.delivery("q1")))
                .isGreaterThan(DispatchProperties.defaults().deliveryTtl().toSeconds() - 60);
    }

    @Test
    void answersThatComeTogetherCostOneEditSentAMomentAfterTheLast() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        fx.enqueue(text("q1", GROUP));
        fx.runDue(dispatcher);

        fx.enqueue(edit("e1", "q1", "✅ 1 dari 5"));
        fx.runFor(100, 1_000, dispatcher);
        fx.enqueue(edit("e2", "q1", "✅ 2 dari 5"));
        fx.drain(100, 60_000, dispatcher);

        assertThat(fx.gateway.attempts()).extracting(a -> a.message().id()).containsExactly("q1", "e2");
        long editDelay = DispatchProperties.defaults().limits().editDelay().toMillis();
        assertThat(fx.gateway.attemptsOf("e2").get(0).at()).isGreaterThanOrEqualTo(START.toEpochMilli() + editDelay);
    }

    @Test
    void aQuestionQueuedBehindAWaitingEditDoesNotWaitForIt() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        fx.enqueue(text("q1", GROUP));
        fx.runDue(dispatcher);
        fx.enqueue(edit("e1", "q1", "✅ 1 dari 5"));
        fx.runDue(dispatcher);

        fx.enqueue(text("q2", GROUP));
        fx.runFor(50, 400, dispatcher);

        assertThat(fx.gateway.attemptsOf("q2")).hasSize(1);
        assertThat(fx.gateway.attemptsOf("e1")).isEmpty();
    }

    @Test
    void aQuestionAfterAnEditDoesNotWaitForTheEditsStricterLimit() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        // eleven messages this minute: the edit takes the twelfth slot, the last one edits may have
        for (int i = 0; i < 11; i++) {
            fx.enqueue(text("m" + i, GROUP));
        }
        fx.drain(1000, 60_000, dispatcher);
        // two questions' progress: the first edit takes the slot, the second finds no room and waits
        fx.enqueue(edit("e1", "m0", "✅ 1 dari 5"), edit("e2", "m1", "✅ 1 dari 5"));
        fx.runFor(100, 5_000, dispatcher);
        assertThat(fx.gateway.attemptsOf("e1")).hasSize(1);
        long editedAt = fx.gateway.attemptsOf("e1").get(0).at();

        fx.enqueue(text("q2", GROUP));
        fx.runFor(100, 2_000, dispatcher);

        assertThat(fx.gateway.attemptsOf("q2")).singleElement()
                .satisfies(a -> assertThat(a.at() - editedAt).isLessThan(6_000));
        assertThat(fx.gateway.attemptsOf("e2")).isEmpty();
    }

    @Test
    void anEditOfAMessageThatWasNeverDeliveredFailsWithoutASend() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        fx.enqueue(edit("e1", "never-sent", "✅ 1 dari 5"));
        fx.drain(100, 60_000, dispatcher);

        assertThat(fx.gateway.attempts()).isEmpty();
        assertThat(dispatcher.delivery("e1")).hasValueSatisfying(d -> {
            assertThat(d.failed()).isTrue();
            assertThat(d.reason()).contains("never-sent").contains("not delivered");
        });
    }

    @Test
    void anEditGivesWayToTheQuestionBehindItWhenTheGroupsBudgetIsForMessages() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        // the group has used 12 of its 20 a minute: what is left is kept for messages
        for (int i = 0; i < 12; i++) {
            fx.enqueue(text("m" + i, GROUP));
        }
        fx.drain(1000, 60_000, dispatcher);
        long before = fx.elapsed();

        fx.enqueue(edit("e1", "m0", "✅ 1 dari 5"), text("next-question", GROUP));
        fx.drain(100, 60_000, dispatcher);

        assertThat(fx.gateway.attemptsOf("e1")).isEmpty();
        assertThat(dispatcher.delivery("e1")).hasValueSatisfying(d -> assertThat(d.status()).isEqualTo("superseded"));
        assertThat(fx.gateway.attemptsOf("next-question")).singleElement()
                .satisfies(a -> assertThat(a.at() - START.toEpochMilli() - before).isLessThan(1500));
    }
}
