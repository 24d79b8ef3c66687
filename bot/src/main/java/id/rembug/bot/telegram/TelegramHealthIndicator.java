package id.rembug.bot.telegram;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.User;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether the Bot API answers (a {@code getMe} with the app's token), for the readiness group.
 * The answer is kept for {@link #CACHED_FOR}, so a probe every few seconds costs Telegram one call
 * a half-minute; the call itself is limited by {@code rembug.telegram.request-timeout}.
 */
@Component("telegram")
@Conditional(TelegramEnabledCondition.class)
public class TelegramHealthIndicator implements HealthIndicator {

    static final Duration CACHED_FOR = Duration.ofSeconds(30);

    private final TelegramApiClient client;
    private final Clock clock = Clock.systemUTC();
    private volatile Health last;
    private volatile Instant lastAt = Instant.MIN;

    public TelegramHealthIndicator(TelegramApiClient client) {
        this.client = client;
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        Health cached = last;
        if (cached != null && now.isBefore(lastAt.plus(CACHED_FOR))) {
            return cached;
        }
        Health fresh = ask();
        last = fresh;
        lastAt = now;
        return fresh;
    }

    private Health ask() {
        try {
            User me = client.execute(new GetMe());
            return Health.up().withDetail("bot", me.getUserName() == null ? "" : me.getUserName()).build();
        } catch (Exception e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
