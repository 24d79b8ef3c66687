package id.rembug.bot.redis;

import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Several streams read after an entry of each, in one round trip, on a real Redis. */
@TestRedis
class StreamRangesTest {

    private final StringRedisTemplate redis = RedisServerExtension.template();

    @Test
    void eachStreamIsReadAfterItsOwnEntryUpToTheCountAsTheTemplateReadsIt() {
        for (int i = 1; i <= 4; i++) {
            redis.opsForStream().add(MapRecord.create("t:a", Map.of("n", "a" + i)).withId(RecordId.of(i + "-0")));
            redis.opsForStream().add(MapRecord.create("t:b", Map.of("n", "b" + i)).withId(RecordId.of(i + "-0")));
        }
        Map<String, String> after = new LinkedHashMap<>();
        after.put("t:a", "2-0");
        after.put("t:b", "");
        after.put("t:none", "1-0");

        Map<String, List<MapRecord<String, Object, Object>>> read = StreamRanges.after(redis, after, 3);

        assertThat(read.keySet()).containsExactly("t:a", "t:b", "t:none");
        assertThat(read.get("t:a")).as("after 2-0, not including it")
                .extracting(r -> r.getId().getValue(), r -> r.getValue().get("n"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("3-0", "a3"),
                        org.assertj.core.groups.Tuple.tuple("4-0", "a4"));
        assertThat(read.get("t:b")).as("from the start, three at most").extracting(r -> r.getValue().get("n"))
                .containsExactly("b1", "b2", "b3");
        assertThat(read.get("t:none")).as("a stream that does not exist").isEmpty();
        assertThat(read.get("t:a").get(0).getStream()).isEqualTo("t:a");
        assertThat(read.get("t:a"))
                .as("the same records the template reads")
                .isEqualTo(redis.opsForStream().range("t:a", org.springframework.data.domain.Range.rightUnbounded(
                        org.springframework.data.domain.Range.Bound.exclusive("2-0"))));
    }
}
