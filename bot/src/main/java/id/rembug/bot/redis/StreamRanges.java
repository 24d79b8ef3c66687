package id.rembug.bot.redis;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads of several streams' entries after a given one (XRANGE), sent together and awaited together:
 * one round trip for the lot instead of one per stream, over the app's shared Lettuce connection
 * as {@link ScriptBatch} sends scripts (on a Redis Cluster each read goes to its stream's master).
 */
public final class StreamRanges {

    private StreamRanges() {
    }

    /**
     * For each stream, its first {@code count} entries after the entry named (exclusive; '' for
     * from the start), in the form {@link StringRedisTemplate#opsForStream()} reads them.
     *
     * @throws DataAccessException when a read failed or Redis did not answer in time
     */
    public static Map<String, List<MapRecord<String, Object, Object>>> after(StringRedisTemplate redis,
                                                                            Map<String, String> afterByStream,
                                                                            int count) {
        if (afterByStream.isEmpty()) {
            return Map.of();
        }
        Map<String, List<MapRecord<String, Object, Object>>> read = redis.execute(
                (RedisCallback<Map<String, List<MapRecord<String, Object, Object>>>>) connection ->
                        read(connection, redis, afterByStream, count));
        return read == null ? Map.of() : read;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<MapRecord<String, Object, Object>>> read(RedisConnection connection,
                                                                             StringRedisTemplate redis,
                                                                             Map<String, String> afterByStream,
                                                                             int count) {
        Map<String, List<MapRecord<String, Object, Object>>> read = new LinkedHashMap<>();
        if (!(connection.getNativeConnection() instanceof RedisClusterAsyncCommands<?, ?> lettuce)) {
            // not Lettuce: one round trip per stream, still correct
            afterByStream.forEach((stream, after) -> read.put(stream, oneRead(redis, stream, after, count)));
            return read;
        }
        RedisClusterAsyncCommands<byte[], byte[]> commands = (RedisClusterAsyncCommands<byte[], byte[]>) lettuce;
        Map<String, RedisFuture<List<StreamMessage<byte[], byte[]>>>> sent = new LinkedHashMap<>();
        afterByStream.forEach((stream, after) -> sent.put(stream, commands.xrange(bytes(stream),
                after.isEmpty() ? Range.unbounded() : Range.from(Range.Boundary.excluding(after),
                        Range.Boundary.unbounded()), Limit.from(count))));
        long deadline = LettuceCalls.deadline(redis);
        RuntimeException failure = null;
        for (Map.Entry<String, RedisFuture<List<StreamMessage<byte[], byte[]>>>> reading : sent.entrySet()) {
            try {
                List<StreamMessage<byte[], byte[]>> messages = LettuceCalls.await(reading.getValue(), deadline);
                List<MapRecord<String, Object, Object>> records = new ArrayList<>(messages.size());
                for (StreamMessage<byte[], byte[]> message : messages) {
                    Map<Object, Object> fields = new LinkedHashMap<>();
                    message.getBody().forEach((field, value) -> fields.put(string(field), string(value)));
                    records.add(MapRecord.create(reading.getKey(), fields).withId(RecordId.of(message.getId())));
                }
                read.put(reading.getKey(), records);
            } catch (RuntimeException e) {
                failure = LettuceCalls.first(failure, e);
            }
        }
        if (failure != null) {
            throw LettuceCalls.translated(failure, sent.size() + " stream reads");
        }
        return read;
    }

    private static List<MapRecord<String, Object, Object>> oneRead(StringRedisTemplate redis, String stream,
                                                                   String after, int count) {
        org.springframework.data.domain.Range<String> range = after.isEmpty()
                ? org.springframework.data.domain.Range.unbounded()
                : org.springframework.data.domain.Range.rightUnbounded(
                        org.springframework.data.domain.Range.Bound.exclusive(after));
        List<MapRecord<String, Object, Object>> records = redis.opsForStream().range(stream, range,
                org.springframework.data.redis.connection.Limit.limit().count(count));
        return records == null ? List.of() : records;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }
}
