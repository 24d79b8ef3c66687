package id.rembug.bot.pipeline;

import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.conversation.WorkPartitions;
import id.rembug.bot.channel.ChannelCodec;
import id.rembug.bot.channel.Inbound;
import id.rembug.bot.redis.LuaScripts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Turns due wake-ups into inbox entries, partition by partition. Two steps, as the wake-ups'
 * partition and the conversation are different slots on a Redis Cluster: the entry is stored in
 * the conversation's stream once (a mark in its slot, {@code conversation/wake-up-entry.lua}), then the
 * wake-up leaves its set and the conversation is announced, together ({@code conversation/wake-up.lua}).
 * A crash between the two leaves the wake-up due: the next poll finds the entry stored and only
 * takes the second step; of two instances, only the one that removes the wake-up announces it.
 */
@Component
public class WakeUpScheduler {

    private static final Logger log = LoggerFactory.getLogger(WakeUpScheduler.class);

    private static final RedisScript<Long> STORE = LuaScripts.load("conversation/wake-up-entry", Long.class);
    private static final RedisScript<Long> WAKE_UP = LuaScripts.load("conversation/wake-up", Long.class);
    /** How long a stored wake-up's mark is kept: far longer than a wake-up stays due after its step 1. */
    private static final Duration STORED_KEPT = Duration.ofDays(1);

    /** Wake-ups looked at per poll; more wait for the next one. */
    private static final int BATCH = 100;

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final WorkPartitions partitions;

    public WakeUpScheduler(StringRedisTemplate redis, Clock clock, WorkPartitions partitions) {
        this.redis = redis;
        this.clock = clock;
        this.partitions = partitions;
    }

    @Scheduled(fixedDelayString = "${rembug.conversation.wake-up-poll:1s}")
    public void deliverDue() {
        try {
            deliverDueAt(clock.instant());
        } catch (DataAccessException unreachable) {
            log.warn("Cannot check wake-ups now ({}); will try again", unreachable.getMessage());
        }
    }

    public int deliverDueAt(Instant now) {
        int delivered = 0;
        for (int partition : partitions.served()) {
            String wakeUps = ConversationKeys.wakeUps(partition);
            Set<String> due = redis.opsForZSet().rangeByScore(wakeUps, Double.NEGATIVE_INFINITY,
                    now.toEpochMilli(), 0, BATCH);
            for (String member : due == null ? Set.<String>of() : due) {
                String conversation = member.substring(0, member.indexOf('|'));
                String entry = ChannelCodec.write(new Inbound.WakeUp("wake:" + member, conversation, now));
                redis.execute(STORE, List.of(ConversationKeys.wokenUp(conversation, member), ConversationKeys.events(conversation)),
                        entry, Long.toString(STORED_KEPT.toSeconds()));
                Long taken = redis.execute(WAKE_UP, List.of(wakeUps, ConversationKeys.work(partition)), member, conversation);
                if (Long.valueOf(1).equals(taken)) {
                    delivered++;
                }
            }
        }
        return delivered;
    }
}
