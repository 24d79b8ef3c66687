package id.rembug.bot.dashboard;

import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.StateCodec;
import id.rembug.dialogues.flow.Flow;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads what the conversation processors wrote to Redis, for the dashboard. Only reads: the
 * dashboard never changes a group. Access is checked here, in one place, so no page or export
 * can forget it: a group the viewer may not see reads as absent (404), like one that does not exist.
 */
@Service
public class DashboardReader {

    private final StringRedisTemplate redis;
    private final Flow flow;
    private final StateCodec codec = new StateCodec();

    public DashboardReader(StringRedisTemplate redis, Flow flow) {
        this.redis = redis;
        this.flow = flow;
    }

    /** A group as the dashboard sees it: its engine state, every stored answer, and its tags. */
    public record GroupData(GroupState state, List<Answer> answers, Set<String> tags) {
        public GroupData {
            answers = List.copyOf(answers);
            tags = Set.copyOf(tags);
        }
    }

    public List<GroupState> visibleGroups(Viewer viewer) {
        Set<String> ids = redis.opsForSet().members(ConversationKeys.GROUPS);
        if (ids == null) {
            return List.of();
        }
        List<GroupState> groups = new ArrayList<>();
        for (String id : new TreeSet<>(ids)) {
            state(id).filter(viewer::canSee).ifPresent(groups::add);
        }
        groups.sort(Comparator.comparing((GroupState g) -> g.lastActivityAt() == null ? java.time.Instant.EPOCH
                : g.lastActivityAt()).reversed());
        return groups;
    }

    public Optional<GroupData> group(Viewer viewer, String groupId) {
        return state(groupId).filter(viewer::canSee)
                .map(state -> new GroupData(state, answers(groupId), tags(groupId)));
    }

    public Set<String> tags(String groupId) {
        Set<String> tags = redis.opsForSet().members(tagsKey(groupId));
        return tags == null ? Set.of() : new TreeSet<>(tags);
    }

    public Flow flow() {
        return flow;
    }

    private Optional<GroupState> state(String groupId) {
        if (groupId == null || groupId.isBlank() || groupId.length() > 200) {
            return Optional.empty();
        }
        Object json = redis.opsForHash().get(ConversationKeys.group(groupId), "state");
        return json == null ? Optional.empty() : Optional.of(codec.readState((String) json));
    }

    /** Answers in the order of the flow: stage, round, prompt, then time. */
    private List<Answer> answers(String groupId) {
        List<Answer> answers = new ArrayList<>();
        for (Object json : redis.opsForHash().values(ConversationKeys.answers(groupId))) {
            answers.add(codec.read((String) json, Answer.class));
        }
        answers.sort(Comparator.comparingInt((Answer a) -> flow.indexOf(a.stageKey()))
                .thenComparingInt(Answer::round)
                .thenComparingInt(a -> flow.stage(a.stageKey()).map(s -> s.indexOf(a.promptKey())).orElse(0))
                .thenComparing(a -> a.answeredAt() == null ? java.time.Instant.EPOCH : a.answeredAt()));
        return answers;
    }

    static String tagsKey(String groupId) {
        return "rembug:group:" + groupId + ":tags";
    }
}
