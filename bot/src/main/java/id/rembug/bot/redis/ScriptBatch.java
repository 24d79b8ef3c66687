package id.rembug.bot.redis;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import org.springframework.dao.DataAccessException;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Lua script calls sent together and awaited together: one round trip for the lot instead of one
 * per call. Each call is a script of its own (on a Redis Cluster, Lettuce sends it to the master of
 * its keys' slot), so a batch may span slots; its calls run in no promised order among themselves.
 *
 * <p>Sent over the app's shared Lettuce connection, not Spring's pipelining, which opens a
 * dedicated connection per pipeline. A script Redis does not hold yet (after a restart) is sent
 * whole for the calls that found it missing.
 *
 * <p>When a call fails, {@link #run} throws once every call has answered; the calls that
 * succeeded stay applied, so a caller must be able to run the whole batch again (every caller's
 * scripts are idempotent).
 */
public final class ScriptBatch {

    private record Call(RedisScript<Long> script, byte[][] keys, byte[][] args) {
    }

    private final StringRedisTemplate redis;
    private final List<Call> calls = new ArrayList<>();

    public ScriptBatch(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Adds a call of a script that answers an integer. */
    public ScriptBatch add(RedisScript<Long> script, List<String> keys, List<String> args) {
        calls.add(new Call(script, bytes(keys), bytes(args)));
        return this;
    }

    public boolean isEmpty() {
        return calls.isEmpty();
    }

    /**
     * Runs every call added; their answers in the order they were added.
     *
     * @throws DataAccessException when a call failed or Redis did not answer in time (the calls
     *                             before and after it may have been applied)
     */
    public List<Long> run() {
        if (calls.isEmpty()) {
            return List.of();
        }
        List<Long> answers = redis.execute((RedisCallback<List<Long>>) this::run);
        return answers == null ? List.of() : answers;
    }

    @SuppressWarnings("unchecked")
    private List<Long> run(RedisConnection connection) {
        if (!(connection.getNativeConnection() instanceof RedisClusterAsyncCommands<?, ?> lettuce)) {
            return oneByOne(); // not Lettuce: one round trip per call, still correct
        }
        RedisClusterAsyncCommands<byte[], byte[]> commands = (RedisClusterAsyncCommands<byte[], byte[]>) lettuce;
        List<RedisFuture<Long>> sent = new ArrayList<>(calls.size());
        for (Call call : calls) {
            sent.add(commands.evalsha(call.script().getSha1(), ScriptOutputType.INTEGER, call.keys(), call.args()));
        }
        long deadline = LettuceCalls.deadline(redis);
        List<Long> answers = new ArrayList<>(calls.size());
        RuntimeException failure = null;
        for (int i = 0; i < calls.size(); i++) {
            try {
                answers.add(LettuceCalls.await(sent.get(i), deadline));
            } catch (RedisNoScriptException notLoaded) {
                Call call = calls.get(i);
                try {
                    answers.add(LettuceCalls.await(commands.eval(call.script().getScriptAsString(), ScriptOutputType.INTEGER,
                            call.keys(), call.args()), deadline));
                } catch (RuntimeException e) {
                    failure = LettuceCalls.first(failure, e);
                    answers.add(null);
                }
            } catch (RuntimeException e) {
                failure = LettuceCalls.first(failure, e);
                answers.add(null);
            }
        }
        if (failure != null) {
            throw LettuceCalls.translated(failure, calls.size() + " script calls");
        }
        return answers;
    }

    private List<Long> oneByOne() {
        List<Long> answers = new ArrayList<>(calls.size());
        for (Call call : calls) {
            answers.add(redis.execute(call.script(), List.of(strings(call.keys())), (Object[]) strings(call.args())));
        }
        return answers;
    }

    private static byte[][] bytes(List<String> values) {
        byte[][] bytes = new byte[values.size()][];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }

    private static String[] strings(byte[][] values) {
        String[] strings = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            strings[i] = new String(values[i], StandardCharsets.UTF_8);
        }
        return strings;
    }
}
