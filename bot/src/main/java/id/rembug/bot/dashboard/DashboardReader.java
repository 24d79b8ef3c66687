package id.rembug.bot.dashboard;

import id.rembug.bot.broadcast.BroadcastReport;
import id.rembug.bot.broadcast.BroadcastService;
import id.rembug.bot.broadcast.Vote;
import id.rembug.bot.conversation.GroupRecords;
import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.flow.Flow;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final GroupRecords records;
    private final Flow flow;
    private final BroadcastService broadcasts;

    public DashboardReader(GroupRecords records, Flow flow, BroadcastService broadcasts) {
        this.records = records;
        this.flow = flow;
        this.broadcasts = broadcasts;
    }

    /** A group as the dashboard sees it: its engine state, every stored answer, and its tags. */
    public record GroupData(GroupState state, List<Answer> answers, Set<String> tags) {
        public GroupData {
            answers = List.copyOf(answers);
            tags = Set.copyOf(tags);
        }
    }

    public List<GroupState> visibleGroups(Viewer viewer) {
        List<GroupState> groups = new ArrayList<>();
        for (String id : records.groupIds()) {
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

    /** One group's line in an announcement's report: its delivery ({@code sent|pending|failed}) and its RSVP. */
    public record AnnouncementGroup(String groupId, String delivery, String reason, Vote.Counts rsvp) {
    }

    /**
     * An announcement as the viewer may see it: only the rows of groups they may see, and totals
     * summed over those rows, so a facilitator learns nothing about other facilitators' groups.
     */
    public record AnnouncementData(BroadcastReport report, List<AnnouncementGroup> groups, int sent, int pending,
                                   int failed, Vote.Counts rsvp) {
        public AnnouncementData {
            groups = List.copyOf(groups);
        }
    }

    /** Newest first. Staff and the admin see every one; a facilitator those that reached one of their groups. */
    public List<AnnouncementData> visibleAnnouncements(Viewer viewer) {
        Set<String> mine = viewer.seesEveryGroup() ? null : groupIds(viewer);
        List<AnnouncementData> list = new ArrayList<>();
        for (String id : broadcasts.ids()) {
            announcement(id, mine).ifPresent(list::add);
        }
        return list;
    }

    public Optional<AnnouncementData> announcement(Viewer viewer, String id) {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return announcement(id, viewer.seesEveryGroup() ? null : groupIds(viewer));
    }

    /** {@code mine} null: every group; otherwise only these, and nothing when none of them was a target. */
    private Optional<AnnouncementData> announcement(String id, Set<String> mine) {
        Optional<BroadcastReport> found = broadcasts.report(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BroadcastReport report = found.get();
        Map<String, AnnouncementGroup> rows = new LinkedHashMap<>();
        for (BroadcastService.GroupDelivery d : broadcasts.deliveries(id)) {
            rows.put(d.groupId(), new AnnouncementGroup(d.groupId(), d.status(), d.reason(),
                    report.rsvpByGroup().getOrDefault(d.groupId(), new Vote.Counts(0, 0, 0))));
        }
        List<AnnouncementGroup> visible = rows.values().stream()
                .filter(row -> mine == null || mine.contains(row.groupId())).toList();
        if (mine != null && visible.isEmpty()) {
            return Optional.empty();
        }
        int sent = 0;
        int pending = 0;
        int failed = 0;
        int yes = 0;
        int no = 0;
        int maybe = 0;
        for (AnnouncementGroup row : visible) {
            switch (row.delivery()) {
                case "sent" -> sent++;
                case "failed" -> failed++;
                default -> pending++;
            }
            yes += row.rsvp().yes();
            no += row.rsvp().no();
            maybe += row.rsvp().maybe();
        }
        return Optional.of(new AnnouncementData(report, visible, sent, pending, failed, new Vote.Counts(yes, no, maybe)));
    }

    private Set<String> groupIds(Viewer viewer) {
        Set<String> ids = new TreeSet<>();
        visibleGroups(viewer).forEach(g -> ids.add(g.groupId()));
        return ids;
    }

    public Set<String> tags(String groupId) {
        return records.tags(groupId);
    }

    public Flow flow() {
        return flow;
    }

    private Optional<GroupState> state(String groupId) {
        if (groupId == null || groupId.isBlank() || groupId.length() > 200) {
            return Optional.empty();
        }
        return records.state(groupId);
    }

    /** Answers in the order of the flow: stage, round, prompt, then time. */
    private List<Answer> answers(String groupId) {
        List<Answer> answers = new ArrayList<>(records.answers(groupId));
        answers.sort(Comparator.comparingInt((Answer a) -> flow.indexOf(a.stageKey()))
                .thenComparingInt(Answer::round)
                .thenComparingInt(a -> flow.stage(a.stageKey()).map(s -> s.indexOf(a.promptKey())).orElse(0))
                .thenComparing(a -> a.answeredAt() == null ? java.time.Instant.EPOCH : a.answeredAt()));
        return answers;
    }
}
