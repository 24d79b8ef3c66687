package id.rembug.bot.broadcast;

import id.rembug.bot.conversation.GroupRecords;
import id.rembug.dialogues.flow.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;

/** Broadcasts: staff, groups' tags, jobs, the fan-out that runs every {@code rembug.broadcast.poll}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BroadcastProperties.class)
public class BroadcastConfiguration {

    @Bean
    BroadcastTexts broadcastTexts() {
        return BroadcastTexts.load();
    }

    @Bean
    StaffDirectory staffDirectory(BroadcastProperties properties, StringRedisTemplate redis) {
        return new StaffDirectory(properties, redis);
    }

    @Bean
    GroupDirectory groupDirectory(GroupRecords records, Flow flow) {
        return new GroupDirectory(records, flow);
    }

    @Bean
    BroadcastStore broadcastStore(StringRedisTemplate redis) {
        return new BroadcastStore(redis);
    }

    @Bean
    BroadcastService broadcastService(StringRedisTemplate redis, BroadcastStore store, GroupDirectory groups,
                                      BroadcastProperties properties, Clock clock) {
        return new BroadcastService(redis, store, groups, properties, clock);
    }

    @Bean
    FanOut fanOut(StringRedisTemplate redis, BroadcastStore store, GroupDirectory groups, BroadcastTexts texts,
                  BroadcastProperties properties, Clock clock) {
        return new FanOut(redis, store, groups, texts, properties, clock);
    }

    @Bean
    BroadcastCommands broadcastCommands(StaffDirectory staff, GroupDirectory groups, BroadcastStore store,
                                        BroadcastService service, BroadcastTexts texts) {
        return new BroadcastCommands(staff, groups, store, service, texts);
    }

    @Bean
    AnnounceDialogue announceDialogue(StringRedisTemplate redis, StaffDirectory staff, GroupDirectory groups,
                                      BroadcastService service, BroadcastTexts texts, BroadcastProperties properties,
                                      Clock clock) {
        return new AnnounceDialogue(redis, staff, groups, service, texts, properties, clock);
    }

    @Bean
    FanOutTicker fanOutTicker(FanOut fanOut) {
        return new FanOutTicker(fanOut);
    }

    @Bean
    BroadcastMigrations broadcastMigrations(StringRedisTemplate redis) {
        return new BroadcastMigrations(redis);
    }

    /** Looks for due broadcasts and reminders; a Redis hiccup only delays them to the next tick. */
    static final class FanOutTicker {
        private static final Logger log = LoggerFactory.getLogger(FanOutTicker.class);
        private final FanOut fanOut;

        FanOutTicker(FanOut fanOut) {
            this.fanOut = fanOut;
        }

        @Scheduled(fixedDelayString = "${rembug.broadcast.poll:1s}")
        void tick() {
            try {
                fanOut.runDue();
            } catch (DataAccessException redisTrouble) {
                log.warn("Broadcast fan-out could not reach Redis; trying again: {}", redisTrouble.getMessage());
            }
        }
    }
}
