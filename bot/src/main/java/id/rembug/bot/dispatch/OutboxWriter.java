package id.rembug.bot.dispatch;

import id.rembug.bot.channel.ChannelCodec;
import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.channel.Outgoing;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts messages in the outbox, all or none, in one Lua script: for each, RPUSH its JSON to
 * {@link OutboxKeys#queue} and {@code ZADD NX now} its chat to {@link OutboxKeys#ready}. For
 * broadcasts and tests; the group processor writes the same layout inside its own commit.
 */
public final class OutboxWriter {

    private final StringRedisTemplate redis;
    private final Clock clock;

    public OutboxWriter(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /** Enqueues the messages in the given order (per chat order is list order). */
    public void enqueue(List<Outgoing> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>(messages.size() * 2);
        List<String> args = new ArrayList<>(messages.size() * 2 + 1);
        args.add(Long.toString(clock.millis()));
        for (Outgoing message : messages) {
            keys.add(OutboxKeys.queue(message.lane(), message.chatId()));
            keys.add(OutboxKeys.ready(message.lane()));
            args.add(ChannelCodec.write(message));
        }
        for (Outgoing message : messages) {
            args.add(message.chatId());
        }
        redis.execute(DispatchScripts.ENQUEUE, keys, args.toArray());
    }
}
