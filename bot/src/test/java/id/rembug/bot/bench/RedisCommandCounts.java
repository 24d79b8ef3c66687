package id.rembug.bot.bench;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** How often Redis ran each command since it started ({@code INFO commandstats}; commands run by scripts count too). */
final class RedisCommandCounts {

    private RedisCommandCounts() {
    }

    static Map<String, Long> read(StringRedisTemplate redis) {
        Properties stats = redis.execute((RedisCallback<Properties>) c -> c.serverCommands().info("commandstats"));
        Map<String, Long> calls = new TreeMap<>();
        stats.forEach((name, value) -> {
            String text = value.toString();
            int start = text.indexOf("calls=") + "calls=".length();
            calls.put(name.toString().replace("cmdstat_", ""),
                    Long.parseLong(text.substring(start, text.indexOf(',', start))));
        });
        return calls;
    }

    /** The counts of {@code after} less those of {@code before}, only commands that ran meanwhile. */
    static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((name, calls) -> {
            long d = calls - before.getOrDefault(name, 0L);
            if (d > 0) {
                delta.put(name, d);
            }
        });
        return delta;
    }
}
