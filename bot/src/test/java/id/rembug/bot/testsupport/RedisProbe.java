package id.rembug.bot.testsupport;

import java.util.Map;
import java.util.function.Function;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/** Talks to a Redis with its own short-lived Lettuce client, to check what an app wrote. */
public final class RedisProbe {

    private RedisProbe() {
    }

    /** Runs {@code commands} on a fresh connection to {@code url} and returns their result. */
    public static <T> T call(String url, Function<RedisCommands<String, String>, T> commands) {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return commands.apply(connection.sync());
        } finally {
            client.shutdown();
        }
    }

    /** The string value of {@code key}, or null. */
    public static String get(String url, String key) {
        return RedisProbe.<String>call(url, commands -> commands.get(key));
    }

    public static void set(String url, String key, String value) {
        RedisProbe.<String>call(url, commands -> commands.set(key, value));
    }

    /** The server's answer to {@code CONFIG GET parameter} (one parameter: Redis 6 takes no more). */
    public static Map<String, String> configGet(String url, String parameter) {
        return RedisProbe.<Map<String, String>>call(url, commands -> commands.configGet(parameter));
    }

    /** Number of keys in database 0. */
    public static long keyCount(String url) {
        return RedisProbe.<Long>call(url, commands -> commands.dbsize());
    }

    public static String ping(String url) {
        return RedisProbe.<String>call(url, commands -> commands.ping());
    }
}
