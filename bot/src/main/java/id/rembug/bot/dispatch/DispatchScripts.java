package id.rembug.bot.dispatch;

import id.rembug.bot.redis.LuaScripts;
import org.springframework.data.redis.core.script.RedisScript;

import java.util.List;

/** The dispatcher's Lua scripts ({@code classpath:dispatch/*.lua}), each with the shared library. */
final class DispatchScripts {

    static final RedisScript<Long> ENQUEUE = script("enqueue", Long.class);
    @SuppressWarnings("rawtypes")
    static final RedisScript<List> CLAIM = script("claim", List.class);
    @SuppressWarnings("rawtypes")
    static final RedisScript<List> ACQUIRE = script("acquire", List.class);
    static final RedisScript<Long> ANSWERED = script("answered", Long.class);
    static final RedisScript<Long> SETTLE = script("settle", Long.class);
    static final RedisScript<Long> DEFER = script("defer", Long.class);
    @SuppressWarnings("rawtypes")
    static final RedisScript<List> FORBID = script("forbid", List.class);
    static final RedisScript<Long> MIGRATE = script("migrate", Long.class);

    private DispatchScripts() {
    }

    private static <T> RedisScript<T> script(String name, Class<T> resultType) {
        return LuaScripts.load("dispatch/lib", "dispatch/" + name, resultType);
    }
}
