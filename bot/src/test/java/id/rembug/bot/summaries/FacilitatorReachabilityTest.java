package id.rembug.bot.summaries;

import id.rembug.bot.channel.ChannelCodec;
import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.conversation.GroupRecords;
import id.rembug.bot.dispatch.DispatchKeys;
import id.rembug.bot.dispatch.OutboxWriter;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.dialogues.flow.FlowLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages for a facilitator Telegram will not deliver to yet, on a real Redis. */
@ExtendWith(RedisServerExtension.class)
class FacilitatorReachabilityTest {

    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    private final FacilitatorReachability reachability = new FacilitatorReachability(redis, new GroupRecords(redis), new OutboxWriter(redis, clock),
            FlowLoader.loadMessagesResource("flows/messages.yaml"), clock);
    private final String facilitator = Long.toString(Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L));

    @BeforeAll
    static void connect() {
        RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration("127.0.0.1",
                RedisServerExtension.port());
        configuration.setPassword(RedisServerExtension.server().password());
        connections = new LettuceConnectionFactory(configuration);
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    private Outgoing summary(String chatId) {
        return Outgoing.text("-4001:1-0:" + chatId, Outgoing.Lane.CONVERSATION, chatId, "-4001",
                "✅ Tahap 2/17 selesai", clock.instant());
    }

    private List<String> queued(String chatId) {
        return redis.opsForList().range(OutboxKeys.queue(Outgoing.Lane.CONVERSATION, chatId), 0, -1);
    }

    @Test
    void aSummaryWithheldFromAnUnreachableFacilitatorIsKeptForTheirStart() {
        redis.opsForHash().put(DispatchKeys.forbidden(facilitator), "reason", "Forbidden: bot can't initiate");
        Outgoing summary = summary(facilitator);

        reachability.onWithheld(summary, "Forbidden: bot can't initiate");

        assertThat(redis.opsForList().range(FacilitatorReachability.pendingFor(facilitator), 0, -1))
                .containsExactly(ChannelCodec.write(summary));
        assertThat(queued(facilitator)).isEmpty();
    }

    @Test
    void aSummaryRefusedJustBeforeTheFacilitatorStartedIsQueuedAgainAtOnce() {
        // the facilitator's /start has lifted the mark (and sent what was kept) in the meantime
        Outgoing summary = summary(facilitator);

        reachability.onForbidden(facilitator, "Forbidden: bot can't initiate", List.of(summary));

        assertThat(queued(facilitator)).containsExactly(ChannelCodec.write(summary));
        assertThat(redis.opsForZSet().score(OutboxKeys.ready(Outgoing.Lane.CONVERSATION), facilitator))
                .isEqualTo((double) clock.millis());
        assertThat(redis.hasKey(FacilitatorReachability.pendingFor(facilitator))).isFalse();
        assertThat(redis.hasKey(FacilitatorReachability.told("-4001", facilitator))).as("nobody needs telling").isFalse();
    }

    @Test
    void messagesWithheldFromARemovedGroupAreNotKept() {
        String group = "-" + facilitator;
        redis.opsForHash().put(DispatchKeys.forbidden(group), "reason", "Forbidden: bot was kicked");

        reachability.onWithheld(summary(group), "Forbidden: bot was kicked");

        assertThat(redis.hasKey(FacilitatorReachability.pendingFor(group))).isFalse();
        assertThat(queued(group)).isEmpty();
    }
}
