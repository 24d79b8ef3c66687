package id.rembug.bot.conversation;

import id.rembug.bot.channel.ChannelCodec;
import id.rembug.bot.redis.LuaScripts;
import id.rembug.bot.redis.RedisCluster;
import id.rembug.dialogues.engine.StateCodec;
import io.lettuce.core.cluster.SlotHash;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The second step of a conversation's commit: what an inbox entry changes outside the
 * conversation's own slot (its messages in the outbox, its wake-ups, the index of groups, people's
 * keys). The commit queues it, in the same atomic step as the conversation's own changes, on the
 * conversation's follow-ups list; this applies it slot by slot and then takes it off the list.
 *
 * <p>Nothing lost: a follow-up leaves the list only once every slot has it; a crash before that
 * leaves it there, and whoever processes the conversation next applies it first (the worker whose
 * work entry was never acknowledged, claimed by another after {@code ConversationWorkers.CLAIM_AFTER},
 * or the next event's). Nothing twice: each slot keeps the id of the conversation's last follow-up
 * it applied ({@link ConversationKeys#followUpsDone}) and skips anything at or before it, which also
 * keeps the conversation's order there. On a single Redis every slot is on the one server, so the
 * whole follow-up is applied in the commit's own script ({@code conversation/commit.lua}), so
 * nothing waits on the list unless older follow-ups did (or the Redis was a cluster before).
 */
@Component
public class ConversationFollowUps {

    private static final RedisScript<Long> APPLY = LuaScripts.load(
            List.of("conversation/stream-ids", "conversation/follow-up-ops"), "conversation/follow-up", Long.class);
    /** How long a slot remembers a conversation's last follow-up: far longer than any repair takes. */
    static final Duration DONE_KEPT = Duration.ofDays(7);

    /** One write outside the conversation's slot: a command, its keys (one slot), its arguments. */
    public record Op(String c, List<String> k, List<String> a) {

        public static Op of(String command, String key, String... args) {
            return new Op(command, List.of(key), List.of(args));
        }
    }

    /** What one commit (the inbox entry {@code id}) leaves to write outside the conversation's slot. */
    record FollowUp(String id, List<Op> ops) {
    }

    private final StringRedisTemplate redis;
    private final StateCodec codec = new StateCodec();
    /** A single Redis (or Sentinel's primary) holds every slot: one script applies the whole follow-up. */
    private final boolean oneServer;

    public ConversationFollowUps(StringRedisTemplate redis) {
        this.redis = redis;
        this.oneServer = !RedisCluster.isCluster(redis);
    }

    static String write(FollowUp followUp) {
        return ChannelCodec.write(followUp);
    }

    /** Applies every follow-up the conversation has waiting, oldest first. */
    public void finish(String conversation) {
        List<String> waiting = redis.opsForList().range(ConversationKeys.followUps(conversation), 0, -1);
        for (String json : waiting == null ? List.<String>of() : waiting) {
            apply(conversation, json);
        }
    }

    /** Applies one follow-up (its JSON as the commit queued it) in every slot, then takes it off the list. */
    void apply(String conversation, String json) {
        FollowUp followUp = codec.read(json, FollowUp.class);
        Map<Integer, List<Op>> bySlot = new LinkedHashMap<>();
        for (Op op : followUp.ops()) {
            int slot = oneServer ? 0 : SlotHash.getSlot(op.k().get(0));
            bySlot.computeIfAbsent(slot, any -> new ArrayList<>()).add(op);
        }
        for (List<Op> ops : bySlot.values()) {
            List<String> keys = new ArrayList<>();
            keys.add(ConversationKeys.followUpsDone(ops.get(0).k().get(0), conversation));
            keys.addAll(keysOf(ops));
            redis.execute(APPLY, keys, followUp.id(), Long.toString(DONE_KEPT.toSeconds()), ChannelCodec.write(ops));
        }
        redis.opsForList().remove(ConversationKeys.followUps(conversation), 1, json);
    }

    /** Whether one script may apply a whole follow-up: a single Redis (or Sentinel's primary) holds every slot. */
    boolean oneServer() {
        return oneServer;
    }

    /** Every key the ops name, each once, in order. */
    static Set<String> keysOf(List<Op> ops) {
        Set<String> keys = new LinkedHashSet<>();
        ops.forEach(op -> keys.addAll(op.k()));
        return keys;
    }
}
