package id.rembug.bot.dispatch;

import id.rembug.bot.redis.LuaScripts;
import org.springframework.data.redis.core.script.RedisScript;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The dispatcher's Lua scripts ({@code classpath:dispatch/*.lua}), each with the shared library. */
final class DispatchScripts {

    static final RedisScript<Long> ENQUEUE = script("enqueue", Long.class);
    static final RedisScript<Long> ANSWERED = script("answered", Long.class);
    static final RedisScript<Long> DEFER = script("defer", Long.class);
    static final RedisScript<Long> RELEASE_IN_DOUBT = script("release-in-doubt", Long.class);
    /**
     * For each chat a worker held, settle.lua or defer.lua and answered.lua when its send took slots,
     * then claim.lua for the next chats, in one round trip (then-claim.lua).
     */
    @SuppressWarnings("rawtypes")
    static final RedisScript<List> FINISH_THEN_CLAIM = finishThenClaim();
    @SuppressWarnings("rawtypes")
    static final RedisScript<List> FORBID = script("forbid", List.class);
    static final RedisScript<Long> MIGRATE = script("migrate", Long.class);

    private DispatchScripts() {
    }

    @SuppressWarnings("rawtypes")
    private static RedisScript<List> finishThenClaim() {
        Map<String, String> steps = new LinkedHashMap<>();
        steps.put("settle", "dispatch/settle");
        steps.put("defer", "dispatch/defer");
        steps.put("answered", "dispatch/answered");
        steps.put("claim", "dispatch/claim");
        return LuaScripts.compose("dispatch/lib", steps, "dispatch/then-claim", List.class);
    }

    private static <T> RedisScript<T> script(String name, Class<T> resultType) {
        return LuaScripts.load("dispatch/lib", "dispatch/" + name, resultType);
    }
}
