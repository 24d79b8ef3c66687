package id.rembug.bot.redis;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The one way Rembug loads its Lua scripts: each lives in {@code classpath:<feature>/<name>.lua}
 * and touches only keys passed in {@code KEYS} (what Redis Cluster requires, and what keeps the
 * key layout in Java). A script may start with shared functions from a library file.
 */
public final class LuaScripts {

    private LuaScripts() {
    }

    /** The script {@code classpath:<path>.lua}. */
    public static <T> RedisScript<T> load(String path, Class<T> resultType) {
        return new DefaultRedisScript<>(read(path), resultType);
    }

    /** The script {@code classpath:<path>.lua} preceded by the functions of {@code classpath:<library>.lua}. */
    public static <T> RedisScript<T> load(String library, String path, Class<T> resultType) {
        return load(List.of(library), path, resultType);
    }

    /** The script {@code classpath:<path>.lua} preceded by the functions of each library, in order. */
    public static <T> RedisScript<T> load(List<String> libraries, String path, Class<T> resultType) {
        StringBuilder source = new StringBuilder();
        libraries.forEach(library -> source.append(read(library)).append('\n'));
        return new DefaultRedisScript<>(source.append(read(path)).toString(), resultType);
    }

    /**
     * Several scripts run as one, in one round trip and one atomic step: each of {@code steps}
     * ({@code classpath:<path>.lua}, unchanged) becomes a function {@code run_<name>(KEYS, ARGV)}
     * that sees its own KEYS and ARGV, and {@code classpath:<program>.lua} calls them, handing each
     * its share of the whole script's. The library's functions come first, shared by all.
     *
     * @param steps name to script path, in the order they are defined
     */
    public static <T> RedisScript<T> compose(String library, Map<String, String> steps, String program,
                                             Class<T> resultType) {
        StringBuilder text = new StringBuilder(read(library)).append('\n');
        steps.forEach((name, path) -> text.append("local function run_").append(name).append("(KEYS, ARGV)\n")
                .append(read(path)).append("\nend\n"));
        return new DefaultRedisScript<>(text.append(read(program)).toString(), resultType);
    }

    private static String read(String path) {
        String resource = path + ".lua";
        try (var in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Lua script classpath:" + resource
                    + " (is it under bot/src/main/resources?)", e);
        }
    }
}
