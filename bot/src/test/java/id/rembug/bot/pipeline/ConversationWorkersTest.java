package id.rembug.bot.pipeline;

import id.rembug.bot.RembugApplication;
import id.rembug.bot.channel.ChatUser;
import id.rembug.bot.channel.Inbound;
import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.testsupport.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The conversation workers on a real Redis: what a consumer group delivered to a worker whose
 * read then failed (Redis answered, the answer was lost: a time-out, a master that died with the
 * answer in flight while its replica kept the delivery) is applied as soon as the worker reads
 * again, not left pending for good.
 */
@SpringBootTest(classes = RembugApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"rembug.dispatch.enabled=false", "rembug.simulator.enabled=true"})
@TestRedis
class ConversationWorkersTest {

    @Autowired
    ConversationWorkers workers;
    @Autowired
    RedisInbox inbox;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void anEntryDeliveredToAWorkerWhoseReadWasLostIsAppliedWhenItReadsAgain() {
        String work = ConversationKeys.work(0);
        // worker 0 claims other consumers' orphans, never its own
        String claimer = workers.consumer(0);
        workers.stop();
        Inbound message = new Inbound.Message("sim:lost-1", "-9101", false, Instant.now(),
                new ChatUser("9101", "Sari", false), "1", "halo semua", null, false, false);
        inbox.append(List.of(message));
        try {
            redis.opsForStream().createGroup(work, ReadOffset.from("0"), ConversationKeys.WORK_GROUP);
        } catch (RuntimeException exists) {
            // the workers made it before they stopped
        }
        // Redis delivers the work entry to the worker; its answer never reaches the worker
        assertThat(redis.opsForStream().read(Consumer.from(ConversationKeys.WORK_GROUP, claimer),
                StreamReadOptions.empty().count(10), StreamOffset.create(work, ReadOffset.lastConsumed())))
                .hasSize(1);

        workers.start();

        String conversation = inbox.conversationOf(message);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(redis.opsForStream().pending(work, ConversationKeys.WORK_GROUP).getTotalPendingMessages())
                    .isZero();
            assertThat(redis.opsForHash().get(ConversationKeys.group(conversation), "applied")).isNotNull();
        });
    }
}
