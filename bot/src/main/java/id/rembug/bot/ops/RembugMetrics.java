package id.rembug.bot.ops;

import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.conversation.ConversationProcessor;
import id.rembug.bot.pipeline.RedisInbox;
import id.rembug.bot.dispatch.DispatchStats;
import id.rembug.bot.knowledge.llm.LlmClient;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Rembug's own metrics, read from the counters the parts keep anyway (so the parts need no
 * Micrometer and tests that build them by hand need no registry). Names as Prometheus shows them
 * are in the README's "Operations" section.
 */
@Component
public class RembugMetrics implements MeterBinder {

    private final ObjectProvider<RedisInbox> inbox;
    private final ObjectProvider<ConversationProcessor> processor;
    private final ObjectProvider<DispatchStats> dispatch;
    private final ObjectProvider<LlmClient> llm;
    private final StringRedisTemplate redis;

    public RembugMetrics(ObjectProvider<RedisInbox> inbox, ObjectProvider<ConversationProcessor> processor,
                         ObjectProvider<DispatchStats> dispatch, ObjectProvider<LlmClient> llm,
                         StringRedisTemplate redis) {
        this.inbox = inbox;
        this.processor = processor;
        this.dispatch = dispatch;
        this.llm = llm;
        this.redis = redis;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        inbox.ifAvailable(in -> {
            counter(registry, "rembug.updates.received", "updates stored in the inbox", in, RedisInbox::stored);
            counter(registry, "rembug.updates.redelivered", "updates refused as already stored (sent again)", in,
                    RedisInbox::redelivered);
        });
        processor.ifAvailable(p -> counter(registry, "rembug.events.applied", "inbox entries applied", p,
                ConversationProcessor::appliedSinceStart));
        dispatch.ifAvailable(stats -> {
            for (Outgoing.Lane lane : Outgoing.Lane.values()) {
                String name = OutboxKeys.laneName(lane);
                laneCounter(registry, "rembug.messages.sent", "messages delivered", stats, name,
                        s -> s.lane(lane).sent());
                laneCounter(registry, "rembug.messages.rate.limited", "429 answers (retried after retry_after)",
                        stats, name, s -> s.lane(lane).retried429());
                laneCounter(registry, "rembug.messages.forbidden", "messages dropped: 403, the chat forbids the bot",
                        stats, name, s -> s.lane(lane).forbidden());
                laneCounter(registry, "rembug.messages.retried", "sends retried after a server error or time-out",
                        stats, name, s -> s.lane(lane).transientRetries());
                laneCounter(registry, "rembug.messages.failed", "messages given up", stats, name,
                        s -> s.lane(lane).failed());
                FunctionTimer.builder("rembug.send", stats, s -> s.sendCalls(lane), s -> s.sendNanos(lane),
                                TimeUnit.NANOSECONDS)
                        .description("Bot API calls that send or edit a message, and their latency")
                        .tag("lane", name).register(registry);
                Gauge.builder("rembug.outbox.chats", redis, outboxChats(lane))
                        .description("chats with messages waiting in the outbox")
                        .tag("lane", name).register(registry);
            }
        });
        llm.ifAvailable(client -> {
            counter(registry, "rembug.llm.calls", "calls to the language model", client, LlmClient::calls);
            counter(registry, "rembug.llm.fallbacks", "deterministic results used instead of the model's", client,
                    LlmClient::fallbacks);
        });
    }

    private static ToDoubleFunction<StringRedisTemplate> outboxChats(Outgoing.Lane lane) {
        return template -> {
            try {
                Long size = template.opsForZSet().zCard(OutboxKeys.ready(lane));
                return size == null ? 0 : size;
            } catch (RuntimeException redisAway) {
                return Double.NaN;
            }
        };
    }

    private static <T> void counter(MeterRegistry registry, String name, String description, T source,
                                    ToLongFunction<T> count) {
        FunctionCounter.builder(name, source, s -> count.applyAsLong(s)).description(description).register(registry);
    }

    private static void laneCounter(MeterRegistry registry, String name, String description, DispatchStats stats,
                                    String lane, ToLongFunction<DispatchStats> count) {
        FunctionCounter.builder(name, stats, s -> count.applyAsLong(s)).description(description).tag("lane", lane)
                .register(registry);
    }
}
