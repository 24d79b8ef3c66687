package id.rembug.bot.pipeline;

import id.rembug.bot.conversation.ConversationKeys;
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
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Turns due wake-ups into inbox entries. Taking a wake-up off the set and putting its entry in
 * the conversation's stream happen in one script ({@code conversation/wake-up.lua}), so a crash between the two cannot lose it, and
 * two instances cannot both deliver it.
 */
@Component
public class WakeUpScheduler {

    private static final Logger log = LoggerFactory.getLogger(WakeUpScheduler.class);

    private static final RedisScript<Long> WAKE_UP = LuaScripts.load("conversation/wake-up", Long.class);

    /** Wake-ups looked at per poll; more wait for the next one. */
    private static final int BATCH = 100;

    private final StringRedisTemplate redis;
    private final Clock clock;

    public WakeUpScheduler(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
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
        Set<String> due = redis.opsForZSet().rangeByScore(ConversationKeys.WAKE_UPS, Double.NEGATIVE_INFINITY,
                now.toEpochMilli(), 0, BATCH);
        int delivered = 0;
        for (String member : due == null ? Set.<String>of() : due) {
            String conversation = member.substring(0, member.indexOf('|'));
            String entry = ChannelCodec.write(new Inbound.WakeUp("wake:" + member, conversation, now));
            Long taken = redis.execute(WAKE_UP, List.of(ConversationKeys.WAKE_UPS, ConversationKeys.events(conversation),
                    ConversationKeys.WORK), member, entry, conversation);
            if (Long.valueOf(1).equals(taken)) {
                delivered++;
            }
        }
        return delivered;
    }
}
