package id.rembug.dialogues.engine.turn;

import id.rembug.dialogues.dates.IndonesianDates;
import id.rembug.dialogues.engine.ActionPlan;
import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.Button;
import id.rembug.dialogues.engine.ButtonAction;
import id.rembug.dialogues.engine.Command;
import id.rembug.dialogues.engine.Effect;
import id.rembug.dialogues.engine.EngineSettings;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.GroupStatus;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.PlanReport;
import id.rembug.dialogues.engine.ActionPlan.Action;
import id.rembug.dialogues.engine.ActionPlan.Meeting;
import id.rembug.dialogues.engine.ActionPlan.Note;
import id.rembug.dialogues.engine.ActionPlan.Status;
import id.rembug.dialogues.engine.Effect.AnswerButton;
import id.rembug.dialogues.engine.Effect.CheckIn;
import id.rembug.dialogues.engine.Effect.Say;
import id.rembug.dialogues.engine.Effect.SayPrivately;
import id.rembug.dialogues.engine.Effect.ScheduleWakeUp;
import id.rembug.dialogues.engine.Event.MeetingRecorded;
import id.rembug.dialogues.engine.Event.MemberAnswered;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Messages;
import id.rembug.dialogues.flow.Phase;
import id.rembug.dialogues.flow.Prompt;
import id.rembug.dialogues.flow.Stage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The group's action plan and what happens between meetings, for one engine step: {@code /tugas},
 * {@code /rencana}, {@code /selesai}, {@code /ingatkan}, the facilitator's confirmation, proposals
 * from the answers of {@code plan: true} prompts, reminders before an action's day (once), the
 * development phase's check-ins and their summary, and recorded face-to-face meetings.
 *
 * <p>Group messages are few on purpose (Telegram allows about 20 a minute per group): the
 * reminders due together are one message, a check-in is one message and one thank-you, the
 * facilitator's questions and summaries go to their private chat.
 */
public final class Planning {

    /** Reminders go out the day before an action's day, at this local time. */
    static final LocalTime REMIND_AT = LocalTime.of(9, 0);
    /** How long the answers to a check-in are gathered before their summary reaches the facilitator. */
    static final Duration CHECK_IN_GATHERS = Duration.ofDays(2);
    /** At most this many progress notes are kept; older ones have reached the facilitator already. */
    static final int MAX_NOTES = 200;
    /** At most this many proposals come from one stage's answers: a plan, not a copy of every answer. */
    static final int MAX_PROPOSALS_PER_STAGE = 8;
    static final int MAX_WHAT_LENGTH = 200;

    private static final Pattern PARTS = Pattern.compile("\\s+[-\u2013\u2014|;]\\s+|\\s*;\\s*");
    private static final Pattern HONORIFIC = Pattern.compile(
            "^(?:@|pak\\s+|bu\\s+|ibu\\s+|bapak\\s+|mas\\s+|mbak\\s+|bang\\s+|kak\\s+|mr\\.?\\s+|mrs\\.?\\s+|ms\\.?\\s+)");
    private static final Set<String> MYSELF = Set.of("saya", "aku", "sendiri", "me", "myself");
    private static final Set<String> PRIVATELY = Set.of("pribadi", "japri", "private", "privately");
    private static final Set<String> IN_GROUP = Set.of("grup", "group", "kelompok");

    private final Flow flow;
    private final Messages messages;
    private final EngineSettings settings;
    private final GroupState.Builder s;
    private final Instant at;
    private final Turn turn;

    private Planning(Turn turn) {
        this.turn = turn;
        this.flow = turn.flow();
        this.messages = turn.messages();
        this.settings = turn.settings();
        this.s = turn.state();
        this.at = turn.at();
    }

    /** The plan's part of this turn. */
    public static Planning of(Turn turn) {
        return new Planning(turn);
    }

    // ---- commands ----------------------------------------------------------------------

    /**
     * {@code /tugas what - who - when}: the facilitator's goes into the plan at once; a resident's
     * is a proposal the facilitator confirms with one press in their private chat.
     */
    public void task(Member member, String argument, String ref) {
        List<String> parts = argument == null || argument.isBlank() ? List.of()
                : List.of(PARTS.split(argument.strip()));
        if (parts.isEmpty() || parts.get(0).isBlank()) {
            say(MessageKey.PLAN_TASK_USAGE, Map.of(), ref);
            return;
        }
        String what = cut(parts.get(0).strip());
        // what - who - when; with two parts the second is a day when it reads as one, else a person
        String who = parts.size() >= 3 ? parts.get(1).strip() : null;
        String when = parts.size() >= 3 ? String.join(" ", parts.subList(2, parts.size())).strip()
                : parts.size() == 2 ? parts.get(1).strip() : null;
        if (parts.size() == 2 && IndonesianDates.read(when, today()).isEmpty()) {
            who = when;
            when = null;
        }
        Member owner = member;
        if (who != null && !who.isEmpty() && !MYSELF.contains(who.toLowerCase(Locale.ROOT))) {
            Optional<Member> named = namedMember(who);
            if (named.isEmpty()) {
                say(MessageKey.PLAN_TASK_WHO_UNKNOWN, Map.of("who", who), ref);
                return;
            }
            owner = named.get();
        }
        // "/tugas cat pos ronda minggu depan": the day may be part of the sentence
        String dayText = when != null ? when : parts.size() == 1 ? what : null;
        Optional<IndonesianDates.Reading> date = dayText == null ? Optional.empty()
                : IndonesianDates.read(dayText, today());
        if (date.isEmpty()) {
            say(MessageKey.PLAN_TASK_WHEN_UNREADABLE, Map.of("when", when == null ? "?" : when), ref);
            return;
        }
        if (date.get().rollover().isZero() && date.get().date().isBefore(today())) {
            say(MessageKey.PLAN_TASK_PAST, Map.of("when", dayText), ref);
            return;
        }
        LocalDate due = IndonesianDates.nextDate(dayText, today()).orElseThrow();
        boolean byFacilitator = isFacilitator(member.id());
        Action action = new Action(plan().nextNumber(), what, owner.id(), owner.name(), due,
                byFacilitator ? Status.OPEN : Status.PROPOSED, member.id(), "/tugas", at, null, false);
        put(action);
        Map<String, Object> values = Map.of("number", action.number(), "what", action.what(), "owner", owner.name(),
                "due", dueText(action));
        if (byFacilitator) {
            opened(action);
            say(MessageKey.PLAN_ADDED, values, ref);
            return;
        }
        Map<String, Object> proposed = new java.util.HashMap<>(values);
        proposed.put("facilitator", facilitatorName());
        say(MessageKey.PLAN_PROPOSED, proposed, ref);
        askToConfirm(List.of(action), MessageKey.PLAN_CONFIRM_ASK, Map.of());
    }

    /** The facilitator's press: a proposal joins the plan (pressing again changes nothing). */
    public void confirm(String argument) {
        Optional<Action> action = number(argument).flatMap(n -> plan().action(n));
        if (action.isEmpty()) {
            answerButton(MessageKey.PLAN_UNKNOWN_ACTION, Map.of("number", argument == null ? "?" : argument));
            return;
        }
        if (action.get().status() != Status.PROPOSED) {
            answerButton(MessageKey.PLAN_CONFIRMED, Map.of("number", action.get().number()));
            return;
        }
        Action open = action.get().with(Status.OPEN, null);
        put(open);
        opened(open);
        answerButton(MessageKey.PLAN_CONFIRMED, Map.of("number", open.number()));
        // an answer need not name a day: "by no date yet" would read as nonsense
        if (open.due() == null) {
            say(MessageKey.PLAN_ADDED_NO_DATE, Map.of("number", open.number(), "what", open.what(),
                    "owner", ownerName(open)), null);
            return;
        }
        say(MessageKey.PLAN_ADDED, Map.of("number", open.number(), "what", open.what(), "owner", ownerName(open),
                "due", dueText(open)), null);
    }

    /** {@code /rencana}: the plan as it stands; the facilitator also gets a button per proposal. */
    public void show(Member member, String ref) {
        ActionPlan plan = plan();
        if (plan.actions().isEmpty()) {
            say(MessageKey.PLAN_EMPTY, Map.of(), ref);
            return;
        }
        LocalDate today = today();
        List<Button> buttons = new ArrayList<>();
        if (isFacilitator(member.id())) {
            plan.actions().stream().filter(a -> a.status() == Status.PROPOSED)
                    .forEach(a -> buttons.add(confirmButton(a)));
        }
        turn.emit(new Say(MessageKey.PLAN_SHOW.yamlKey(), messages.get(MessageKey.PLAN_SHOW, s.language, Map.of(
                "actions", lines(plan.actions(), today),
                "done", plan.count(ActionPlan.Standing.DONE, today),
                "due", plan.count(ActionPlan.Standing.DUE, today),
                "late", plan.count(ActionPlan.Standing.LATE, today))), buttons, ref));
    }

    /**
     * {@code /selesai 3}, or the button under a reminder: the owner (or the facilitator) marks an
     * action done. Without a number, the member's one open action; with several, they are asked which.
     */
    public void done(Member member, String argument, String ref, boolean pressed) {
        Optional<Action> action = number(argument).flatMap(n -> plan().action(n));
        if (action.isEmpty() && (argument == null || argument.isBlank())) {
            List<Action> mine = plan().openActions().stream().filter(a -> member.id().equals(a.ownerId())).toList();
            if (mine.size() == 1) {
                action = Optional.of(mine.get(0));
            } else {
                say(MessageKey.PLAN_DONE_WHICH, Map.of("name", member.name(),
                        "actions", mine.isEmpty() ? lines(plan().openActions(), today()) : lines(mine, today())), ref);
                return;
            }
        }
        if (action.isEmpty() || action.get().status() == Status.PROPOSED) {
            refuse(MessageKey.PLAN_UNKNOWN_ACTION, Map.of("number", argument == null ? "?" : argument.strip()), ref,
                    pressed);
            return;
        }
        Action found = action.get();
        if (found.status() == Status.DONE) {
            refuse(MessageKey.PLAN_DONE_ALREADY, Map.of("number", found.number()), ref, pressed);
            return;
        }
        if (!member.id().equals(found.ownerId()) && !isFacilitator(member.id())) {
            refuse(MessageKey.PLAN_DONE_NOT_YOURS, Map.of("number", found.number(), "owner", ownerName(found)), ref,
                    pressed);
            return;
        }
        put(found.with(Status.DONE, at));
        if (pressed) {
            answerButton(MessageKey.PLAN_DONE, doneValues(found, member));
        }
        // the group hears it once: celebrating what got done is what keeps a plan alive
        say(MessageKey.PLAN_DONE, doneValues(found, member), pressed ? null : ref);
    }

    private Map<String, Object> doneValues(Action action, Member member) {
        return Map.of("number", action.number(), "what", action.what(), "name", member.name());
    }

    /** {@code /ingatkan pribadi} or {@code /ingatkan grup}: where this member's reminders go. */
    public void remindWhere(Member member, String argument, String ref) {
        String where = argument == null ? "" : argument.strip().toLowerCase(Locale.ROOT);
        LinkedHashSet<String> privately = new LinkedHashSet<>(plan().remindPrivately());
        if (PRIVATELY.contains(where)) {
            privately.add(member.id());
            s.plan = withRemindPrivately(privately);
            say(MessageKey.PLAN_REMIND_PRIVATE, Map.of("name", member.name()), ref);
        } else if (IN_GROUP.contains(where)) {
            privately.remove(member.id());
            s.plan = withRemindPrivately(privately);
            say(MessageKey.PLAN_REMIND_GROUP, Map.of("name", member.name()), ref);
        } else {
            say(MessageKey.PLAN_REMIND_USAGE, Map.of(), ref);
        }
    }

    // ---- proposals from answers --------------------------------------------------------

    /**
     * A stage completed: the answers to its {@code plan: true} prompts become proposed actions, each
     * owned by the member it names ("Kepala desa - Pak Anton") or else by whoever wrote it, with the
     * day it names if any. The facilitator confirms them in their private chat.
     */
    public void stageCompleted(Stage stage, int round, List<Answer> answers) {
        List<Action> proposed = new ArrayList<>();
        for (Prompt prompt : stage.prompts()) {
            if (!prompt.plan()) {
                continue;
            }
            for (Answer answer : answers) {
                if (!answer.promptKey().equals(prompt.key())) {
                    continue;
                }
                List<String> items = answer.items().isEmpty() ? List.of(answer.value()) : answer.items();
                for (String item : items) {
                    if (proposed.size() >= MAX_PROPOSALS_PER_STAGE || item == null || item.isBlank()) {
                        continue;
                    }
                    Member owner = ownerNamedIn(item).orElse(s.members.getOrDefault(answer.memberId(),
                            Member.of(answer.memberId(), answer.memberName())));
                    LocalDate due = IndonesianDates.nextDate(item, today()).orElse(null);
                    Action action = new Action(plan().nextNumber(), cut(whatOf(item)), owner.id(), owner.name(), due,
                            Status.PROPOSED, answer.memberId(), stage.key() + "." + prompt.key(), at, null, false);
                    put(action);
                    proposed.add(action);
                }
            }
        }
        if (!proposed.isEmpty()) {
            askToConfirm(proposed, MessageKey.PLAN_FROM_ANSWERS, Map.of("title", stage.title().in(s.language)));
        }
    }

    private void askToConfirm(List<Action> proposed, MessageKey key, Map<String, Object> values) {
        if (s.facilitatorId == null) {
            return; // they stay proposals; a facilitator sees them with /rencana, with the buttons
        }
        Map<String, Object> all = new java.util.HashMap<>(values);
        all.put("actions", lines(proposed, today()));
        turn.emit(new SayPrivately(s.facilitatorId, key.yamlKey(), messages.get(key, s.language, all),
                proposed.stream().map(this::confirmButton).toList()));
    }

    private Button confirmButton(Action action) {
        return new Button(messages.get(MessageKey.PLAN_CONFIRM_BUTTON, s.language, Map.of("number", action.number())),
                new ButtonAction.Run(Command.CONFIRM_ACTION, Integer.toString(action.number())));
    }

    // ---- check-ins and progress notes --------------------------------------------------

    /** A stage opened: in a phase with check-ins the first one is scheduled; elsewhere there are none. */
    public void stageOpened(Stage stage) {
        Duration every = checkInEvery(stage);
        if (every == null) {
            s.plan = withCheckIn(null, plan().checkIns(), plan().checkInSummaryAt());
            return;
        }
        if (plan().nextCheckInAt() == null) {
            Instant next = at.plus(every);
            s.plan = withCheckIn(next, plan().checkIns(), plan().checkInSummaryAt());
            turn.emit(new ScheduleWakeUp(next));
        }
    }

    /** A reply to a check-in is a progress note; returns false for any other answer. */
    public boolean progressNote(Member member, MemberAnswered e) {
        if (!CheckIn.PROMPT_KEY.equals(e.promptKey())) {
            return false;
        }
        String text = e.text() == null ? "" : e.text().strip();
        if (text.isEmpty() || plan().checkIns() == 0) {
            return true;
        }
        int number = plan().checkIns();
        boolean first = plan().notes().stream().noneMatch(n -> n.checkIn() == number);
        List<Note> notes = new ArrayList<>(plan().notes());
        notes.add(new Note(number, member.id(), member.name(), cut(text), currentStageKey(), at));
        while (notes.size() > MAX_NOTES) {
            notes.remove(0);
        }
        ActionPlan p = plan();
        s.plan = new ActionPlan(p.actions(), notes, p.meetings(), p.remindPrivately(), p.nextCheckInAt(), p.checkIns(),
                p.checkInSummaryAt());
        if (first) {
            say(MessageKey.CHECK_IN_THANKS, Map.of(), e.messageRef());
        }
        return true;
    }

    // ---- time --------------------------------------------------------------------------

    /** Reminders due, a check-in due, a check-in's summary due; each at most once. */
    public void timePassed() {
        checkInSummaryDue();
        if (quietNow()) {
            if (hasGroupWorkDue()) {
                turn.emit(new ScheduleWakeUp(QuietHours.nextEnd(settings.quietHoursEnd(), at.atZone(zone()))
                        .toInstant()));
            }
            return;
        }
        remindersDue();
        checkInDue();
    }

    private boolean hasGroupWorkDue() {
        return plan().openActions().stream().anyMatch(this::reminderDue)
                || plan().nextCheckInAt() != null && !at.isBefore(plan().nextCheckInAt()) && checkInsAllowed();
    }

    private void remindersDue() {
        List<Action> inGroup = new ArrayList<>();
        for (Action action : plan().openActions()) {
            if (!reminderDue(action)) {
                continue;
            }
            put(action.remindedNow());
            if (action.ownerId() != null && plan().remindPrivately().contains(action.ownerId())) {
                turn.emit(new SayPrivately(action.ownerId(), MessageKey.PLAN_REMINDER_PRIVATE.yamlKey(),
                        messages.get(MessageKey.PLAN_REMINDER_PRIVATE, s.language, Map.of("number", action.number(),
                                "what", action.what(), "due", dueText(action))),
                        List.of(doneButton(action))));
            } else {
                inGroup.add(action);
            }
        }
        if (!inGroup.isEmpty()) {
            // every reminder due now in one message, whatever their number
            turn.emit(new Say(MessageKey.PLAN_REMINDER.yamlKey(), messages.get(MessageKey.PLAN_REMINDER, s.language,
                    Map.of("actions", lines(inGroup, today()))),
                    inGroup.stream().map(this::doneButton).toList(), null));
        }
    }

    private boolean reminderDue(Action action) {
        return action.status() == Status.OPEN && !action.reminded() && action.due() != null
                && !at.isBefore(remindAt(action)) && !today().isAfter(action.due());
    }

    private Button doneButton(Action action) {
        return new Button(messages.get(MessageKey.PLAN_DONE_BUTTON, s.language, Map.of("number", action.number())),
                new ButtonAction.Run(Command.DONE, Integer.toString(action.number())));
    }

    private void checkInDue() {
        ActionPlan p = plan();
        if (p.nextCheckInAt() == null || at.isBefore(p.nextCheckInAt())) {
            return;
        }
        Duration every = checkInEvery(flow.stage(s.stageIndex));
        if (every == null || s.status == GroupStatus.FINISHED) {
            s.plan = withCheckIn(null, p.checkIns(), p.checkInSummaryAt());
            return;
        }
        if (!checkInsAllowed()) {
            // paused: the facilitator asked for quiet; ask again a round later
            Instant later = at.plus(every);
            s.plan = withCheckIn(later, p.checkIns(), p.checkInSummaryAt());
            turn.emit(new ScheduleWakeUp(later));
            return;
        }
        int number = p.checkIns() + 1;
        List<Action> open = p.openActions();
        // a plan whose agreed actions are all done is not an empty one: say so, and ask what's next
        MessageKey nothingOpen = p.count(ActionPlan.Standing.DONE, today()) > 0 ? MessageKey.CHECK_IN_ALL_DONE
                : MessageKey.PLAN_EMPTY;
        String actions = open.isEmpty() ? messages.get(nothingOpen, s.language) : lines(open, today());
        turn.emit(new CheckIn(currentStageKey(), s.round, number,
                messages.get(MessageKey.CHECK_IN, s.language, Map.of("actions", actions))));
        Instant next = at.plus(every);
        Instant summaryAt = at.plus(CHECK_IN_GATHERS);
        s.plan = withCheckIn(next, number, summaryAt);
        turn.emit(new ScheduleWakeUp(summaryAt));
        turn.emit(new ScheduleWakeUp(next));
    }

    /** Not while paused (the facilitator asked for quiet), and not after the journey's end. */
    private boolean checkInsAllowed() {
        return s.status == GroupStatus.ACTIVE || s.status == GroupStatus.AWAITING_FACILITATOR;
    }

    private void checkInSummaryDue() {
        ActionPlan p = plan();
        if (p.checkInSummaryAt() == null || at.isBefore(p.checkInSummaryAt())) {
            return;
        }
        s.plan = withCheckIn(p.nextCheckInAt(), p.checkIns(), null);
        if (s.facilitatorId == null) {
            return;
        }
        StringBuilder notes = new StringBuilder();
        p.notes().stream().filter(n -> n.checkIn() == p.checkIns())
                .forEach(n -> notes.append("\n• ").append(n.memberName()).append(": ").append(n.text()));
        turn.emit(new SayPrivately(s.facilitatorId, MessageKey.CHECK_IN_SUMMARY.yamlKey(),
                messages.get(MessageKey.CHECK_IN_SUMMARY, s.language, Map.of("number", p.checkIns(),
                        "notes", notes.isEmpty() ? messages.get(MessageKey.CHECK_IN_NO_NOTES, s.language)
                                : notes.toString().strip(),
                        "actions", PlanReport.standing(p, today(), messages, s.language))),
                List.of()));
    }

    // ---- meetings ----------------------------------------------------------------------

    public void meetingRecorded(MeetingRecorded e) {
        if (!isFacilitator(e.byId())) {
            return; // the channel checks this; a role given away since then records nothing
        }
        ActionPlan p = plan();
        List<Meeting> meetings = new ArrayList<>(p.meetings());
        Meeting meeting = new Meeting(e.date(), Math.max(0, e.attended()), Math.max(0, Math.min(e.women(), e.attended())),
                e.decisions() == null ? "" : cut(e.decisions().strip()), e.photoFileId(), currentStageKey(), e.byId(),
                at);
        meetings.add(meeting);
        s.plan = new ActionPlan(p.actions(), p.notes(), meetings, p.remindPrivately(), p.nextCheckInAt(),
                p.checkIns(), p.checkInSummaryAt());
        turn.emit(new SayPrivately(e.byId(), MessageKey.MEETING_RECORDED.yamlKey(),
                messages.get(MessageKey.MEETING_RECORDED, s.language, Map.of("date", e.date().toString(),
                        "attended", meeting.attended(), "women", meeting.women(),
                        "title", flow.stage(s.stageIndex).title().in(s.language))),
                List.of()));
    }

    // ---- a member's data goes ----------------------------------------------------------

    /**
     * The member's words go: their notes and the actions they wrote; actions others gave them stay
     * the group's, without their name.
     */
    public void forget(String memberId) {
        ActionPlan p = plan();
        List<Action> actions = p.actions().stream()
                .filter(a -> !memberId.equals(a.proposedBy()))
                .map(a -> memberId.equals(a.ownerId())
                        ? new Action(a.number(), a.what(), null, null, a.due(), a.status(), a.proposedBy(), a.source(),
                        a.createdAt(), a.doneAt(), a.reminded())
                        : a).toList();
        List<Note> notes = p.notes().stream().filter(n -> !n.memberId().equals(memberId)).toList();
        Set<String> privately = new LinkedHashSet<>(p.remindPrivately());
        privately.remove(memberId);
        s.plan = new ActionPlan(actions, notes, p.meetings(), privately, p.nextCheckInAt(), p.checkIns(),
                p.checkInSummaryAt());
    }

    // ---- helpers -----------------------------------------------------------------------

    private String lines(List<Action> actions, LocalDate today) {
        StringBuilder text = new StringBuilder();
        for (Action action : actions) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(messages.get(MessageKey.PLAN_LINE, s.language, Map.of("number", action.number(),
                    "what", action.what(), "owner", ownerName(action), "due", dueText(action),
                    "standing", standingText(action.standing(today)))));
        }
        return text.toString();
    }

    private String standingText(ActionPlan.Standing standing) {
        return messages.get(switch (standing) {
            case PROPOSED -> MessageKey.PLAN_STANDING_PROPOSED;
            case DONE -> MessageKey.PLAN_STANDING_DONE;
            case LATE -> MessageKey.PLAN_STANDING_LATE;
            case DUE -> MessageKey.PLAN_STANDING_DUE;
            case PLANNED -> MessageKey.PLAN_STANDING_PLANNED;
        }, s.language);
    }

    private String dueText(Action action) {
        return action.due() == null ? messages.get(MessageKey.PLAN_NO_DATE, s.language) : action.due().toString();
    }

    private static String ownerName(Action action) {
        return action.ownerName() == null ? "?" : action.ownerName();
    }

    /** An action joins the plan: its reminder is scheduled, unless its day is too close to remind. */
    private void opened(Action action) {
        if (action.due() == null) {
            return;
        }
        Instant remindAt = remindAt(action);
        if (!remindAt.isAfter(at)) {
            put(action.remindedNow()); // agreed a day or less before: nothing to remind of
            return;
        }
        turn.emit(new ScheduleWakeUp(remindAt));
    }

    private Instant remindAt(Action action) {
        return action.due().minusDays(1).atTime(REMIND_AT).atZone(zone()).toInstant();
    }

    private void put(Action action) {
        ActionPlan p = plan();
        List<Action> actions = new ArrayList<>(p.actions());
        actions.removeIf(a -> a.number() == action.number());
        actions.add(action);
        actions.sort(java.util.Comparator.comparingInt(Action::number));
        s.plan = new ActionPlan(actions, p.notes(), p.meetings(), p.remindPrivately(), p.nextCheckInAt(), p.checkIns(),
                p.checkInSummaryAt());
    }

    private ActionPlan withCheckIn(Instant next, int checkIns, Instant summaryAt) {
        ActionPlan p = plan();
        return new ActionPlan(p.actions(), p.notes(), p.meetings(), p.remindPrivately(), next, checkIns, summaryAt);
    }

    private ActionPlan withRemindPrivately(Set<String> privately) {
        ActionPlan p = plan();
        return new ActionPlan(p.actions(), p.notes(), p.meetings(), privately, p.nextCheckInAt(), p.checkIns(),
                p.checkInSummaryAt());
    }

    private ActionPlan plan() {
        return s.plan;
    }

    private Duration checkInEvery(Stage stage) {
        return flow.phase(stage.phaseKey()).map(Phase::checkIn).orElse(null);
    }

    /** A member the text names, by the name the bot knows them by (with or without "Pak", "Bu", "@"). */
    private Optional<Member> namedMember(String text) {
        String wanted = HONORIFIC.matcher(text.strip().toLowerCase(Locale.ROOT)).replaceFirst("").strip();
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        if (MYSELF.contains(wanted)) {
            return Optional.empty();
        }
        List<Member> present = s.members.values().stream().filter(Member::present).toList();
        for (Member member : present) {
            if (member.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(member);
            }
        }
        List<Member> byFirstName = present.stream()
                .filter(m -> m.name().toLowerCase(Locale.ROOT).split("\\s+")[0].equals(wanted.split("\\s+")[0]))
                .toList();
        return byFirstName.size() == 1 ? Optional.of(byFirstName.get(0)) : Optional.empty();
    }

    /**
     * What is to be done, without the member and the day named after dashes: "kerja bakti - Budi -
     * 15/1" is "kerja bakti" (Budi owns it, due 15/1), as {@code /tugas} reads it.
     */
    private String whatOf(String item) {
        List<String> parts = new ArrayList<>(List.of(PARTS.split(item.strip())));
        while (parts.size() > 1) {
            String last = parts.get(parts.size() - 1);
            if (namedMember(last).isEmpty() && !MYSELF.contains(last.strip().toLowerCase(Locale.ROOT))
                    && IndonesianDates.read(last, today()).isEmpty()) {
                break;
            }
            parts.remove(parts.size() - 1);
        }
        return String.join(" - ", parts).strip();
    }

    /** In an answer like "Kepala desa - Pak Anton", the member named after the dash. */
    private Optional<Member> ownerNamedIn(String item) {
        String[] parts = PARTS.split(item.strip());
        for (int i = parts.length - 1; i >= 1; i--) {
            Optional<Member> named = namedMember(parts[i]);
            if (named.isPresent()) {
                return named;
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> number(String argument) {
        if (argument == null) {
            return Optional.empty();
        }
        String digits = argument.strip().replaceFirst("^#", "");
        try {
            return Optional.of(Integer.parseInt(digits));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static String cut(String text) {
        return text.length() <= MAX_WHAT_LENGTH ? text : text.substring(0, MAX_WHAT_LENGTH - 1) + "…";
    }

    private boolean isFacilitator(String memberId) {
        return s.facilitatorId != null && s.facilitatorId.equals(memberId);
    }

    private String facilitatorName() {
        if (s.facilitatorId == null) {
            return "";
        }
        Member known = s.members.get(s.facilitatorId);
        return known == null ? s.facilitatorId : known.name();
    }

    private String currentStageKey() {
        return flow.stage(s.stageIndex).key();
    }

    private ZoneId zone() {
        return ZoneId.of(s.zoneId);
    }

    private LocalDate today() {
        return at.atZone(zone()).toLocalDate();
    }

    private boolean quietNow() {
        return QuietHours.contains(settings.quietHoursStart(), settings.quietHoursEnd(),
                at.atZone(zone()).toLocalTime());
    }

    private void refuse(MessageKey key, Map<String, ?> values, String ref, boolean pressed) {
        if (pressed) {
            answerButton(key, values);
        } else {
            say(key, values, ref);
        }
    }

    private void answerButton(MessageKey key, Map<String, ?> values) {
        turn.emit(new AnswerButton(key.yamlKey(), messages.get(key, s.language, values)));
    }

    private void say(MessageKey key, Map<String, ?> values, String ref) {
        turn.emit(new Say(key.yamlKey(), messages.get(key, s.language, values), List.of(), ref));
    }
}
