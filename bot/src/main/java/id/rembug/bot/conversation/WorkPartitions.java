package id.rembug.bot.conversation;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The partitions of the shared work structures (the work stream and the wake-ups, see
 * {@link ConversationKeys#work}): a conversation always lands in the same one, chosen from its id,
 * so all its work is in one place. Writes go to {@code rembug.conversation.partitions} partitions;
 * readers serve every partition this Redis was ever written with ({@link ConversationKeys#PARTITIONS}
 * keeps the most), so lowering the setting strands nothing.
 */
@Component
public class WorkPartitions {

    private final StringRedisTemplate redis;
    private final int configured;
    private volatile List<Integer> served;

    @Autowired
    public WorkPartitions(StringRedisTemplate redis, ConversationProperties properties) {
        this(redis, properties.partitions());
    }

    public WorkPartitions(StringRedisTemplate redis, int partitions) {
        this.redis = redis;
        this.configured = Math.max(1, partitions);
    }

    /** The conversation's partition (String.hashCode is the same in every JVM). */
    public int of(String conversation) {
        return Math.floorMod(conversation.hashCode(), configured);
    }

    public String work(String conversation) {
        return ConversationKeys.work(of(conversation));
    }

    public String wakeUps(String conversation) {
        return ConversationKeys.wakeUps(of(conversation));
    }

    /** Every partition to read: the configured ones and any more an earlier setting wrote to. */
    public List<Integer> served() {
        List<Integer> known = served;
        if (known == null) {
            String stored = redis.opsForValue().get(ConversationKeys.PARTITIONS);
            int most = Math.max(configured, stored == null ? 0 : Integer.parseInt(stored));
            if (stored == null || Integer.parseInt(stored) < most) {
                redis.opsForValue().set(ConversationKeys.PARTITIONS, Integer.toString(most));
            }
            known = IntStream.range(0, most).boxed().toList();
            served = known;
        }
        return known;
    }
}
