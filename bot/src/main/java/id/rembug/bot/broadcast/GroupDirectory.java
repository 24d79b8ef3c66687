package id.rembug.bot.broadcast;

import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.StateCodec;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.Language;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The groups Rembug knows, as broadcasts see them: tags, stage, language, where to write. */
public class GroupDirectory {

    private final StringRedisTemplate redis;
    private final Flow flow;
    private final StateCodec codec = new StateCodec();

    public GroupDirectory(StringRedisTemplate redis, Flow flow) {
        this.redis = redis;
        this.flow = flow;
    }

    /** A group as a broadcast addresses it. */
    public record GroupView(String groupId, String chatId, Language language, String zoneId, Set<String> tags,
                            String facilitatorId) {
    }

    /** Every known group that matches the target, sorted by id (so a frozen target list is stable). */
    public List<String> matching(Target target) {
        Set<String> groups = redis.opsForSet().members(ConversationKeys.GROUPS);
        List<String> matched = new ArrayList<>();
        for (String groupId : groups == null ? Set.<String>of() : new TreeSet<>(groups)) {
            if (target instanceof Target.LedBy led ? led.facilitatorId().equals(view(groupId).facilitatorId())
                    : target.requiredTag().map(tag -> view(groupId).tags().contains(tag)).orElse(true)) {
                matched.add(groupId);
            }
        }
        return matched;
    }

    /** The group's stored state, or null for a group never seen. */
    public GroupState state(String groupId) {
        Object json = redis.opsForHash().get(ConversationKeys.group(groupId), "state");
        return json == null ? null : codec.readState((String) json);
    }

    public GroupView view(String groupId) {
        List<Object> fields = redis.opsForHash().multiGet(ConversationKeys.group(groupId), List.of("state", "chat"));
        GroupState state = fields.get(0) == null ? null : codec.readState((String) fields.get(0));
        String chatId = fields.get(1) != null ? (String) fields.get(1) : groupId;
        return new GroupView(groupId, chatId, state == null ? Language.ID : state.language(),
                state == null ? null : state.zoneId(), tags(groupId, state),
                state == null ? null : state.facilitatorId());
    }

    /** The tags set with /tag, plus {@code tahap:<stageKey>} of the stage the group is at. */
    public Set<String> tags(String groupId, GroupState state) {
        Set<String> tags = new TreeSet<>(setTags(groupId));
        if (state != null && state.stageIndex() >= 0 && state.stageIndex() < flow.stageCount()) {
            tags.add(Target.STAGE_TAG_PREFIX + flow.stage(state.stageIndex()).key());
        }
        return tags;
    }

    public boolean knowsStage(String stageKey) {
        return flow.stage(stageKey).isPresent();
    }

    public Set<String> setTags(String groupId) {
        Set<String> tags = redis.opsForSet().members(BroadcastKeys.tags(groupId));
        return tags == null ? Set.of() : tags;
    }

    public void addTag(String groupId, String tag) {
        redis.opsForSet().add(BroadcastKeys.tags(groupId), tag);
    }

    public void removeTag(String groupId, String tag) {
        redis.opsForSet().remove(BroadcastKeys.tags(groupId), tag);
    }
}
