package id.rembug.bot.broadcast;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The broadcast Lua scripts ({@code classpath:broadcast/*.lua}). */
final class BroadcastScripts {

    static final RedisScript<Long> CREATE = script("create");
    static final RedisScript<Long> FREEZE = script("freeze");
    static final RedisScript<Long> STEP = script("step");

    private BroadcastScripts() {
    }

    private static RedisScript<Long> script(String name) {
        try (var in = new ClassPathResource("broadcast/" + name + ".lua").getInputStream()) {
            return new DefaultRedisScript<>(new String(in.readAllBytes(), StandardCharsets.UTF_8), Long.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read broadcast/" + name + ".lua", e);
        }
    }
}
