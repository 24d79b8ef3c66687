package id.rembug.bot.pipeline;

import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.channel.ChannelCodec;
import id.rembug.bot.channel.Inbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Turns due wake-ups into inbox entries. Taking a wake-up off the set and putting its entry in
 * the conversation's stream happen in one script, so a crash between the two cannot lose it, and
 * two instances cannot both deliver it.
 */
@Component
public class WakeUpScheduler {

    private static final Logger log = LoggerFactory.getLogger(WakeUpScheduler.class);

    private static final RedisScript<Long> DELIVER_DUE = new DefaultRedisScript<>("""
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 100)
            for _, member in ipairs(due) do
              if redis.call('ZREM', KEYS[1], member) == 1 then
                local bar = string.find(member, '|', 1, true)
                local conversation = string.sub(member, 1, bar - 1)
                local json = string.gsub(string.gsub(ARGV[2], '@ID@', member), '@CHAT@', conversation)
                redis.call('XADD', 'rembug:events:' .. conversation, '*', 'inbound', json)
                redis.call('XADD', KEYS[2], 'MAXLEN', '~', '100000', '*', 'conversation', conversation)
              end
            end
            return #due
            """, Long.class);

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
        String template = ChannelCodec.write(new Inbound.WakeUp("wake:@ID@", "@CHAT@", now));
        Long delivered = redis.execute(DELIVER_DUE, List.of(ConversationKeys.WAKE_UPS, ConversationKeys.WORK),
                Long.toString(now.toEpochMilli()), template);
        return delivered == null ? 0 : delivered.intValue();
    }
}
