package id.rembug.bot.telegram;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Polling mode with several instances ({@code rembug.telegram.poller.*}): one of them, elected by
 * a lease in Redis, calls getUpdates (Telegram answers only one caller at a time).
 *
 * @param lease how long the lease lasts without renewal: the longest a dead poller leaves the
 *              bot deaf before a survivor takes over (renewed every third of it)
 */
@ConfigurationProperties("rembug.telegram.poller")
public record PollerProperties(Duration lease) {

    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(15);

    public PollerProperties {
        lease = lease == null ? DEFAULT_LEASE : lease;
        if (lease.toMillis() < 300) {
            throw new IllegalArgumentException("rembug.telegram.poller.lease must be at least 300ms, was " + lease);
        }
    }
}
