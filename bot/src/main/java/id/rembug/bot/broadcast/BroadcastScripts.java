package id.rembug.bot.broadcast;

import id.rembug.bot.redis.LuaScripts;
import org.springframework.data.redis.core.script.RedisScript;

/** The broadcast Lua scripts ({@code classpath:broadcast/*.lua}). */
final class BroadcastScripts {

    static final RedisScript<Long> CREATE = script("create");
    static final RedisScript<Long> FREEZE = script("freeze");
    static final RedisScript<Long> STEP = script("step");

    private BroadcastScripts() {
    }

    private static RedisScript<Long> script(String name) {
        return LuaScripts.load("broadcast/" + name, Long.class);
    }
}
