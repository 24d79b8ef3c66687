package id.rembug.bot.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings under which the whole app talks to a {@link FakeTelegram} on the shared test
 * Redis: long polling with a short wait, the simulator off, and Telegram's rate limits and the
 * retry back-off shrunk so a journey of a hundred messages takes seconds. Behaviour is the
 * production one; only the numbers are smaller.
 */
public final class TelegramAppProperties {

    private TelegramAppProperties() {
    }

    public static Map<String, Object> of(FakeTelegram telegram) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.data.redis.url", RedisServerExtension.url());
        properties.put("spring.main.web-application-type", "none");
        properties.put("rembug.telegram.token", FakeTelegram.TOKEN);
        properties.put("rembug.telegram.api-url", telegram.url());
        properties.put("rembug.telegram.poll-timeout-seconds", "1");
        properties.put("rembug.simulator.enabled", "false");
        properties.put("rembug.dispatch.idle-poll", "10ms");
        properties.put("rembug.dispatch.limits.global", "10000");
        properties.put("rembug.dispatch.limits.broadcast", "10000");
        properties.put("rembug.dispatch.limits.chat-interval", "1ms");
        properties.put("rembug.dispatch.limits.chat-burst", "1000");
        properties.put("rembug.dispatch.limits.group", "10000");
        properties.put("rembug.dispatch.retry.initial-backoff", "50ms");
        properties.put("rembug.dispatch.retry.max-backoff", "200ms");
        return properties;
    }

    /**
     * The app as deployed against {@code telegram}, for the benchmarks: the dispatcher with its own
     * defaults (Telegram's real limits, not the raised ones the tests use) and quiet logs.
     */
    public static Map<String, Object> asDeployed(FakeTelegram telegram) {
        Map<String, Object> properties = of(telegram);
        properties.keySet().removeIf(name -> name.startsWith("rembug.dispatch."));
        properties.put("logging.level.root", "WARN");
        // on shutdown the library logs the aborted long poll as an error with a stack trace
        properties.put("logging.level.org.telegram.telegrambots.longpolling.BotSession", "OFF");
        return properties;
    }

    public static void register(DynamicPropertyRegistry registry, FakeTelegram telegram) {
        of(telegram).forEach((name, value) -> registry.add(name, () -> value));
    }
}
