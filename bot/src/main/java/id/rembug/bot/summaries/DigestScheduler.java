package id.rembug.bot.summaries;

import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.conversation.ConversationProperties;
import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.channel.Outgoing;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/**
 * Sends each day's held summaries once a day. Moving them from the digest list to the outbox is
 * one script, so a crash cannot lose or double them, and the day is claimed with SET NX so only
 * one instance sends.
 */
@Component
public class DigestScheduler {

    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

    private static final RedisScript<Long> RELEASE = LuaScripts.load("conversation/digest-release", Long.class);

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final DigestProperties digest;
    private final ZoneId zone;

    public DigestScheduler(StringRedisTemplate redis, Clock clock, DigestProperties digest,
                           ConversationProperties conversation) {
        this.redis = redis;
        this.clock = clock;
        this.digest = digest;
        this.zone = ZoneId.of(conversation.timeZone());
    }

    @Scheduled(fixedDelayString = "${rembug.digest.poll:1m}")
    public void sendWhenDue() {
        try {
            ZonedDateTime now = clock.instant().atZone(zone);
            if (!now.toLocalTime().isBefore(digest.time()) && claimDay(now.toLocalDate())) {
                int sent = release();
                log.info("Daily digest: released {} held summaries", sent);
            }
        } catch (DataAccessException unreachable) {
            log.warn("Cannot send the daily digest now ({}); will try again", unreachable.getMessage());
        }
    }

    private boolean claimDay(LocalDate day) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(ConversationKeys.digestSent(day), "1",
                Duration.ofDays(3)));
    }

    /** Moves every held summary to the outbox now. */
    public int release() {
        Set<String> users = redis.opsForSet().members(ConversationKeys.DIGEST_USERS);
        int released = 0;
        for (String user : users == null ? Set.<String>of() : users) {
            Long moved = redis.execute(RELEASE, List.of(ConversationKeys.DIGEST_USERS, ConversationKeys.digest(user),
                            OutboxKeys.queue(Outgoing.Lane.CONVERSATION, user), OutboxKeys.ready(Outgoing.Lane.CONVERSATION)),
                    user, Long.toString(clock.millis()));
            released += moved == null ? 0 : moved.intValue();
        }
        return released;
    }
}
