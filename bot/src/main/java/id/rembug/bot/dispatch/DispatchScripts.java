package id.rembug.bot.dispatch;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The dispatcher's Lua scripts ({@code classpath:dispatch/*.lua}), each with the shared library. */
final class DispatchScripts {

    static final RedisScript<Long> ENQUEUE = script("enqueue", Long.class);
    @SuppressWarnings("rawtypes")
    static final RedisScript<List> CLAIM = script("claim", List.class);
    @SuppressWarnings("rawtypes")
    static final RedisScript<List> ACQUIRE = script("acquire", List.class);
    static final RedisScript<Long> SETTLE = script("settle", Long.class);
    static final RedisScript<Long> DEFER = script("defer", Long.class);
    @SuppressWarnings("rawtypes")
    static final RedisScript<List> FORBID = script("forbid", List.class);
    static final RedisScript<Long> MIGRATE = script("migrate", Long.class);

    private DispatchScripts() {
    }

    private static <T> RedisScript<T> script(String name, Class<T> resultType) {
        return new DefaultRedisScript<>(read("lib") + "\n" + read(name), resultType);
    }

    private static String read(String name) {
        try (var in = new ClassPathResource("dispatch/" + name + ".lua").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dispatch/" + name + ".lua", e);
        }
    }
}
