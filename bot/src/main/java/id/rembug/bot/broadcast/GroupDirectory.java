package id.rembug.bot.broadcast;

import id.rembug.bot.conversation.GroupRecords;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.Language;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The groups Rembug knows, as broadcasts see them: tags, stage, language, where to write. */
public class GroupDirectory {

    private final GroupRecords records;
    private final Flow flow;

    public GroupDirectory(GroupRecords records, Flow flow) {
        this.records = records;
        this.flow = flow;
    }

    /** A group as a broadcast addresses it. */
    public record GroupView(String groupId, String chatId, Language language, String zoneId, Set<String> tags,
                            String facilitatorId) {
    }

    /** Every known group that matches the target, sorted by id (so a frozen target list is stable). */
    public List<String> matching(Target target) {
        List<String> matched = new ArrayList<>();
        for (String groupId : records.groupIds()) {
            if (target instanceof Target.LedBy led ? led.facilitatorId().equals(view(groupId).facilitatorId())
                    : target.requiredTag().map(tag -> view(groupId).tags().contains(tag)).orElse(true)) {
                matched.add(groupId);
            }
        }
        return matched;
    }

    /** The group's stored state, or null for a group never seen. */
    public GroupState state(String groupId) {
        return records.header(groupId).state();
    }

    public GroupView view(String groupId) {
        GroupRecords.Header header = records.header(groupId);
        GroupState state = header.state();
        return new GroupView(groupId, header.chatId(), state == null ? Language.ID : state.language(),
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
        return records.tags(groupId);
    }

    public void addTag(String groupId, String tag) {
        records.addTag(groupId, tag);
    }

    public void removeTag(String groupId, String tag) {
        records.removeTag(groupId, tag);
    }
}
