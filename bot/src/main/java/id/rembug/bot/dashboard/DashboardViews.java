package id.rembug.bot.dashboard;

import id.rembug.bot.media.MediaFiles;
import id.rembug.dialogues.engine.ActionPlan;
import id.rembug.dialogues.engine.AnswerMedia;
import id.rembug.dialogues.engine.SummaryRenderer;
import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.Decision;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.GroupStatus;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.Prompt;
import id.rembug.dialogues.flow.Stage;
import id.rembug.dialogues.goal.GoalCriterion;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Turns engine state and answers into what the pages show. Pure: no Redis, no web. */
final class DashboardViews {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M");

    record Summary(String groupId, int stageNumber, int stageCount, String stageTitle, GroupStatus status,
                   int progressPercent, String lastActivity, int participationPercent, String facilitator,
                   Set<String> tags, PlanCounts plan) {
    }

    /**
     * The group's plan in numbers, for its line on the overview: actions done, due (today or
     * tomorrow) and late; how many check-ins were sent, and of the last one how many replies came and
     * when the latest did; how many face-to-face meetings were recorded.
     */
    record PlanCounts(long done, long due, long late, int checkIns, long lastCheckInReplies, String lastReplyAt,
                      int meetings, boolean hasActions) {

        public boolean isEmpty() {
            return !hasActions && checkIns == 0 && meetings == 0;
        }
    }

    record MemberLine(String id, String name, boolean present, boolean facilitator, long answers) {
    }

    record Bar(double x, double y, double width, double height, String label, long count) {
    }

    record Chart(double width, double height, List<Bar> bars) {
    }

    record GoalCheck(String criterion, boolean met) {
    }

    /**
     * @param late  given after the stage's summary (it reached the facilitator as an addendum)
     * @param media the photo, voice note, place... it came as; null for words or a button
     */
    record AnswerLine(String memberName, int round, String text, List<String> items, List<GoalCheck> goal,
                      String at, boolean late, MediaView media) {
    }

    /**
     * A media answer as the page shows it.
     *
     * @param kind       the flow's name for it ({@code photo}, {@code voice}, {@code location}...)
     * @param label      what it is, as a summary says it ("pesan suara 0:42")
     * @param url        where its file is served (fetched on demand); null for a place
     * @param transcript a machine transcription of a voice note, or null
     * @param tooBig     larger than the platform serves to bots: the page says so instead of a player
     */
    record MediaView(String kind, String label, String url, Double latitude, Double longitude, String transcript,
                     boolean tooBig) {
        public boolean photo() {
            return "photo".equals(kind);
        }

        public boolean audio() {
            return "voice".equals(kind) || "audio".equals(kind);
        }

        public boolean place() {
            return latitude != null && longitude != null;
        }
    }

    /** A place on the group's map: who sent it, what they said, where. */
    record Place(String memberName, String label, double latitude, double longitude) {
    }

    /**
     * The group's decision on a prompt: the agreed wording (empty while not confirmed), each
     * candidate with its votes, and who voted for which number.
     */
    record DecisionLine(String agreed, List<String> candidates, String voters) {
    }

    record PromptBlock(String text, String kind, List<AnswerLine> answers, List<DecisionLine> decisions) {
    }

    record StageBlock(int number, String title, List<PromptBlock> prompts) {
    }

    /** An announcement's line on the list and the head of its report page. */
    record AnnouncementLine(String id, String title, String meeting, String place, String target, String status,
                            int sent, int pending, int failed, int yes, int no, int maybe) {
    }

    private DashboardViews() {
    }

    static AnnouncementLine announcement(DashboardReader.AnnouncementData data, Flow flow, Language language,
                                         Map<String, String> texts) {
        var report = data.report();
        return new AnnouncementLine(report.id(), report.title(), meeting(report.startsAt()), report.place(),
                target(report.target(), flow, language, texts), texts.get("announce-status-" + report.status()),
                data.sent(), data.pending(), data.failed(), data.rsvp().yes(), data.rsvp().no(), data.rsvp().maybe());
    }

    /** The meeting in its own time zone, as the groups were told it. */
    static String meeting(String startsAt) {
        try {
            java.time.ZonedDateTime at = java.time.ZonedDateTime.parse(startsAt);
            return WHEN.format(at) + " (" + at.getZone().getId() + ")";
        } catch (java.time.DateTimeException e) {
            return startsAt;
        }
    }

    /** {@code all}, {@code tag:<tag>} or {@code stage:<key>} in words. */
    static String target(String encoded, Flow flow, Language language, Map<String, String> texts) {
        if (encoded.startsWith("tag:")) {
            return texts.get(DashboardText.ANNOUNCE_TARGET_TAG.yamlKey()) + " " + encoded.substring(4);
        }
        if (encoded.startsWith("stage:")) {
            String key = encoded.substring(6);
            return texts.get(DashboardText.ANNOUNCE_TARGET_STAGE.yamlKey()) + " "
                    + flow.stage(key).map(s -> s.methodName().in(language)).orElse(key);
        }
        return texts.get(DashboardText.ANNOUNCE_TARGET_ALL.yamlKey());
    }

    static Summary summary(GroupState state, List<Answer> answers, Set<String> tags, Flow flow, Language language,
                           Instant now) {
        int count = flow.stageCount();
        int done = state.status() == GroupStatus.FINISHED ? count
                : state.status() == GroupStatus.NEW ? 0 : Math.min(state.stageIndex(), count);
        int current = Math.min(state.stageIndex(), count - 1);
        return new Summary(state.groupId(), state.status() == GroupStatus.NEW ? 0 : current + 1, count,
                flow.stage(current).methodName().in(language), state.status(), done * 100 / count,
                when(state.lastActivityAt(), state), participation(state, answers),
                state.facilitatorId() == null ? "" : state.member(state.facilitatorId()).name(), tags,
                planCounts(state, now));
    }

    static PlanCounts planCounts(GroupState state, Instant now) {
        ActionPlan plan = state.plan();
        LocalDate today = now.atZone(zone(state)).toLocalDate();
        List<ActionPlan.Note> lastCheckIn = plan.notes().stream()
                .filter(n -> n.checkIn() == plan.checkIns()).toList();
        Instant lastReply = lastCheckIn.stream().map(ActionPlan.Note::at)
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        return new PlanCounts(plan.count(ActionPlan.Standing.DONE, today),
                plan.count(ActionPlan.Standing.DUE, today),
                plan.count(ActionPlan.Standing.LATE, today), plan.checkIns(),
                lastCheckIn.size(), when(lastReply, state), plan.meetings().size(), !plan.actions().isEmpty());
    }

    /** Residents still in the group who answered at least once, as a share of all residents still in it. */
    static int participation(GroupState state, List<Answer> answers) {
        List<Member> residents = state.presentResidents();
        if (residents.isEmpty()) {
            return 0;
        }
        Set<String> answered = answers.stream().map(Answer::memberId).collect(Collectors.toSet());
        long took = residents.stream().filter(m -> answered.contains(m.id())).count();
        return (int) (took * 100 / residents.size());
    }

    static List<MemberLine> members(GroupState state, List<Answer> answers) {
        Map<String, Long> counts = answers.stream()
                .collect(Collectors.groupingBy(Answer::memberId, Collectors.counting()));
        return state.members().values().stream()
                .map(m -> new MemberLine(m.id(), m.name(), m.present(), state.isFacilitator(m.id()),
                        counts.getOrDefault(m.id(), 0L)))
                .toList();
    }

    /** Answers per day as bars of an inline SVG, in the group's own time zone. */
    static Chart chart(GroupState state, List<Answer> answers) {
        ZoneId zone = zone(state);
        TreeMap<LocalDate, Long> perDay = answers.stream().filter(a -> a.answeredAt() != null)
                .collect(Collectors.groupingBy(a -> a.answeredAt().atZone(zone).toLocalDate(), TreeMap::new,
                        Collectors.counting()));
        if (perDay.isEmpty()) {
            return new Chart(300, 120, List.of());
        }
        // Every day between the first and the last answer, so quiet days show as gaps.
        List<LocalDate> days = perDay.firstKey().datesUntil(perDay.lastKey().plusDays(1)).toList();
        if (days.size() > 60) {
            days = days.subList(days.size() - 60, days.size());
        }
        long max = perDay.values().stream().mapToLong(Long::longValue).max().orElse(1);
        double slot = 24;
        double chartHeight = 100;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            long count = perDay.getOrDefault(days.get(i), 0L);
            double height = count * chartHeight / max;
            bars.add(new Bar(i * slot + 4, chartHeight - height, slot - 8, height, DAY.format(days.get(i)), count));
        }
        return new Chart(Math.max(days.size() * slot, 120), chartHeight + 20, bars);
    }

    /** Every place the group's answers named, for the map and the list beside it. */
    static List<Place> places(List<Answer> answers, SummaryRenderer renderer, Language language) {
        return answers.stream().filter(a -> a.media() != null && a.media().located())
                .map(a -> new Place(a.memberName() == null ? a.memberId() : a.memberName(),
                        words(a, renderer, language), a.media().latitude(), a.media().longitude()))
                .toList();
    }

    private static String words(Answer a, SummaryRenderer renderer, Language language) {
        String label = renderer.mediaName(a.media(), language);
        return a.value() == null || a.value().isBlank() ? label : label + ": " + a.value();
    }

    static MediaView media(Answer a, String groupId, SummaryRenderer renderer, Language language) {
        AnswerMedia m = a.media();
        if (m == null) {
            return null;
        }
        String url = m.fileId() == null || a.messageRef() == null ? null
                : "/dashboard/grup/" + groupId + "/media/" + a.messageRef();
        return new MediaView(m.kind().yamlName(), renderer.mediaName(m, language), url, m.latitude(), m.longitude(),
                m.transcript(), m.sizeBytes() != null && m.sizeBytes() > MediaFiles.LARGEST_SERVED);
    }

    static List<StageBlock> stages(List<Answer> answers, GroupState state, Flow flow, Language language,
                                   Map<String, String> texts, SummaryRenderer renderer) {
        Map<String, Map<String, List<Answer>>> byStage = new LinkedHashMap<>();
        for (Answer a : answers) {
            byStage.computeIfAbsent(a.stageKey(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(a.promptKey(), k -> new ArrayList<>()).add(a);
        }
        List<StageBlock> blocks = new ArrayList<>();
        byStage.forEach((stageKey, prompts) -> {
            Stage stage = flow.stage(stageKey).orElse(null);
            List<PromptBlock> promptBlocks = new ArrayList<>();
            prompts.forEach((promptKey, list) -> {
                Prompt prompt = stage == null ? null : stage.prompt(promptKey).orElse(null);
                List<AnswerLine> lines = list.stream().map(a -> new AnswerLine(
                        a.anonymous() ? renderer.writer(a, language)
                                : a.memberName() == null ? a.memberId() : a.memberName(), a.round(),
                        AnswerExport.readableValue(a, prompt, language), a.items(), goal(a, texts),
                        when(a.answeredAt(), state), a.late(), media(a, state.groupId(), renderer, language)))
                        .toList();
                List<DecisionLine> decided = state.decisions().stream()
                        .filter(d -> d.stageKey().equals(stageKey) && d.promptKey().equals(promptKey))
                        .map(DashboardViews::decision).toList();
                promptBlocks.add(new PromptBlock(prompt == null ? promptKey : prompt.text().in(language),
                        prompt == null ? "" : texts.get("kind-" + prompt.kind().name().toLowerCase()), lines, decided));
            });
            blocks.add(new StageBlock(flow.indexOf(stageKey) + 1, stage == null ? stageKey : stage.methodName().in(language),
                    promptBlocks));
        });
        return blocks;
    }

    private static DecisionLine decision(Decision d) {
        List<Integer> tally = d.tally();
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < d.candidates().size(); i++) {
            candidates.add((i + 1) + ". " + d.candidates().get(i).text() + " (" + tally.get(i) + ")");
        }
        String voters = d.votes().stream().map(v -> v.memberName() + " → " + (v.candidate() + 1))
                .collect(java.util.stream.Collectors.joining(", "));
        return new DecisionLine(d.agreed() == null ? "" : d.agreed(), candidates, voters);
    }

    private static List<GoalCheck> goal(Answer a, Map<String, String> texts) {
        if (a.goal() == null) {
            return List.of();
        }
        List<GoalCheck> checks = new ArrayList<>();
        for (GoalCriterion criterion : GoalCriterion.values()) {
            checks.add(new GoalCheck(texts.get(DashboardText.valueOf("GOAL_" + criterion.name()).yamlKey()), a.goal().met().contains(criterion)));
        }
        return checks;
    }

    /** The action plan on the group's page: the actions with where they stand, the meetings, the notes. */
    record PlanView(List<ActionLine> actions, long done, long due, long late, List<MeetingView> meetings,
                    List<NoteLine> notes) {

        public boolean isEmpty() {
            return actions.isEmpty() && meetings.isEmpty() && notes.isEmpty();
        }
    }

    record ActionLine(int number, String what, String owner, String due, String standing) {
    }

    record MeetingView(String date, String stage, int attended, int women, String decisions, boolean photo) {
    }

    record NoteLine(int checkIn, String memberName, String text, String at) {
    }

    static PlanView plan(GroupState state, Flow flow, Language language, Instant now) {
        ActionPlan plan = state.plan();
        LocalDate today = now.atZone(zone(state)).toLocalDate();
        List<ActionLine> actions = plan.actions().stream().map(a -> new ActionLine(a.number(), a.what(),
                a.ownerName() == null ? "?" : a.ownerName(), a.due() == null ? "" : a.due().toString(),
                a.standing(today).name().toLowerCase())).toList();
        List<MeetingView> meetings = plan.meetings().stream().map(m -> new MeetingView(m.date().toString(),
                flow.stage(m.stageKey()).map(st -> st.title().in(language)).orElse(m.stageKey()), m.attended(),
                m.women(), m.decisions(), m.photoFileId() != null)).toList();
        List<NoteLine> notes = plan.notes().stream().map(n -> new NoteLine(n.checkIn(), n.memberName(), n.text(),
                when(n.at(), state))).toList();
        PlanCounts counts = planCounts(state, now);
        return new PlanView(actions, counts.done(), counts.due(), counts.late(), meetings, notes);
    }

    static String when(Instant at, GroupState state) {
        return at == null ? "" : WHEN.format(at.atZone(zone(state)));
    }

    private static ZoneId zone(GroupState state) {
        try {
            return state.zoneId() == null ? ZoneOffset.UTC : ZoneId.of(state.zoneId());
        } catch (java.time.DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
