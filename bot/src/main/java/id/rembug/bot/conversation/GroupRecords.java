package id.rembug.bot.conversation;

import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.StateCodec;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The one reader of a group's stored record for everyone outside the conversation pipeline
 * (broadcasts, the dashboard, milestones): its state, the chat it lives in now, its answers and
 * the tags staff gave it. Only {@link ConversationStore} writes the record itself; tags are written
 * here. Nobody else names these keys.
 */
@Component
public class GroupRecords {

    private final StringRedisTemplate redis;
    private final StateCodec codec = new StateCodec();
    private final GroupRecordCodec recordCodec = new GroupRecordCodec();

    public GroupRecords(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** A group's state (null while it has none) and the chat it lives in now. */
    public record Header(GroupState state, String chatId) {
    }

    /** Every group Rembug has seen, sorted by id. */
    public SortedSet<String> groupIds() {
        Set<String> ids = redis.opsForSet().members(ConversationKeys.GROUPS);
        return ids == null ? new TreeSet<>() : new TreeSet<>(ids);
    }

    public Header header(String groupId) {
        List<Object> fields = redis.opsForHash().multiGet(ConversationKeys.group(groupId), List.of("state", "chat"));
        GroupState state = fields.get(0) == null ? null : codec.readState((String) fields.get(0));
        return new Header(state, fields.get(1) != null ? (String) fields.get(1) : groupId);
    }

    public Optional<GroupState> state(String groupId) {
        Object json = redis.opsForHash().get(ConversationKeys.group(groupId), "state");
        return json == null ? Optional.empty() : Optional.of(codec.readState((String) json));
    }

    /**
     * Every answer the group keeps, in no particular order: those its stage summaries hold and
     * those still in its answers hash ({@link GroupRecordCodec#answers}).
     */
    public List<Answer> answers(String groupId) {
        Map<String, String> answers = redis.<String, String>opsForHash().entries(ConversationKeys.answers(groupId));
        List<String> summaries = redis.<String, String>opsForHash().values(ConversationKeys.milestones(groupId));
        return recordCodec.answers(answers, summaries);
    }

    public SortedSet<String> tags(String groupId) {
        Set<String> tags = redis.opsForSet().members(ConversationKeys.tags(groupId));
        return tags == null ? new TreeSet<>() : new TreeSet<>(tags);
    }

    public void addTag(String groupId, String tag) {
        redis.opsForSet().add(ConversationKeys.tags(groupId), tag);
    }

    public void removeTag(String groupId, String tag) {
        redis.opsForSet().remove(ConversationKeys.tags(groupId), tag);
    }
}
