package id.rembug.bot.telegram;

import org.telegram.telegrambots.longpolling.interfaces.BackOff;

import java.time.Duration;

/**
 * Doubling waits between failed attempts, from {@code first} up to {@code max}, then steady.
 *
 * <p>Used instead of TelegramBots' {@code ExponentialBackOff} for the poller: once failures have
 * gone on for its "max elapsed time" (15 minutes) that one answers its max elapsed time itself,
 * so after a long Telegram or network outage the bot would sleep 15 minutes between polls.
 */
final class CappedBackOff implements BackOff {

    private final long firstMillis;
    private final long maxMillis;
    private long nextMillis;

    CappedBackOff(Duration first, Duration max) {
        this.firstMillis = first.toMillis();
        this.maxMillis = max.toMillis();
        this.nextMillis = firstMillis;
    }

    @Override
    public synchronized void reset() {
        nextMillis = firstMillis;
    }

    @Override
    public synchronized long nextBackOffMillis() {
        long current = nextMillis;
        nextMillis = Math.min(nextMillis * 2, maxMillis);
        return current;
    }
}
