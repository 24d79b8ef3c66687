package id.rembug.bot.telegram;

import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The poller election on a real Redis (its scripts: telegram/lease-renew.lua, lease-release.lua). */
@TestRedis
class PollerLeaseTest {

    private final StringRedisTemplate redis = RedisServerExtension.template();
    private final PollerProperties shortLease = new PollerProperties(Duration.ofMillis(300));

    @Test
    void aLeaseNobodyRenewsPassesToAnotherInstanceAndItsOldHolderLearnsItLostIt() throws InterruptedException {
        PollerLease first = new PollerLease(redis, shortLease);
        PollerLease second = new PollerLease(redis, shortLease);

        assertThat(first.tryAcquire()).isTrue();
        assertThat(second.tryAcquire()).as("one poller at a time").isFalse();
        assertThat(second.renew()).as("only its holder extends it").isFalse();
        assertThat(first.renew()).isTrue();

        Thread.sleep(450); // the first instance died: nobody extends the lease
        assertThat(second.tryAcquire()).isTrue();
        assertThat(first.renew()).as("the old holder stops polling").isFalse();
    }

    @Test
    void onlyItsHolderGivesTheLeaseUpAndAVanishedLeaseIsTakenBackByTheInstancePolling() {
        PollerLease first = new PollerLease(redis, shortLease);
        PollerLease second = new PollerLease(redis, shortLease);
        first.tryAcquire();

        second.release();
        assertThat(redis.hasKey(TelegramKeys.POLLER_LEASE)).isTrue();
        first.release();
        assertThat(redis.hasKey(TelegramKeys.POLLER_LEASE)).isFalse();

        assertThat(first.renew()).as("nobody held it: the instance polling keeps polling").isTrue();
        assertThat(second.tryAcquire()).isFalse();
    }
}
