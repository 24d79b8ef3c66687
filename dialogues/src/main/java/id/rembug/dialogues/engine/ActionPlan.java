package id.rembug.dialogues.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The group's action plan and what happens between meetings: actions (what, who, by when),
 * progress notes from the check-ins, and the face-to-face meetings the facilitator recorded.
 * Part of the group's state; every list is short (a group's plan, not a log).
 *
 * @param remindPrivately members who want their reminders in their private chat, not the group
 * @param nextCheckInAt   when the development phase's next check-in is due; null outside it
 * @param checkIns        how many check-ins were sent so far (numbers them)
 * @param checkInSummaryAt when the facilitator gets the summary of the last check-in; null when
 *                        none is waiting
 */
public record ActionPlan(List<Action> actions, List<Note> notes, List<Meeting> meetings, Set<String> remindPrivately,
                         Instant nextCheckInAt, int checkIns, Instant checkInSummaryAt) {

    public static final ActionPlan EMPTY = new ActionPlan(List.of(), List.of(), List.of(), Set.of(), null, 0, null);

    public ActionPlan {
        actions = actions == null ? List.of() : List.copyOf(actions);
        notes = notes == null ? List.of() : List.copyOf(notes);
        meetings = meetings == null ? List.of() : List.copyOf(meetings);
        remindPrivately = remindPrivately == null ? Set.of()
                : Collections.unmodifiableSet(new LinkedHashSet<>(remindPrivately));
    }

    public enum Status { PROPOSED, OPEN, DONE }

    /** Where an action stands on a given day, as the summary and the dashboard show it. */
    public enum Standing { PROPOSED, DONE, LATE, DUE, PLANNED }

    /**
     * One thing the group will do.
     *
     * @param number     the group's own number for it (#1, #2 ...), never reused
     * @param due        the last day it should be done by; null when nobody said
     * @param proposedBy who wrote it down (a resident's proposal waits for the facilitator)
     * @param source     where it came from: {@code /tugas}, or {@code stage.prompt} of an answer
     * @param reminded   its owner got the reminder before the date (once, ever)
     */
    public record Action(int number, String what, String ownerId, String ownerName, LocalDate due, Status status,
                         String proposedBy, String source, Instant createdAt, Instant doneAt, boolean reminded) {

        public Action with(Status newStatus, Instant doneAt) {
            return new Action(number, what, ownerId, ownerName, due, newStatus, proposedBy, source, createdAt, doneAt,
                    reminded);
        }

        public Action remindedNow() {
            return new Action(number, what, ownerId, ownerName, due, status, proposedBy, source, createdAt, doneAt,
                    true);
        }

        /** Done, late (its day has passed), due (today or tomorrow), or planned for later. */
        public Standing standing(LocalDate today) {
            if (status == Status.PROPOSED) {
                return Standing.PROPOSED;
            }
            if (status == Status.DONE) {
                return Standing.DONE;
            }
            if (due == null) {
                return Standing.PLANNED;
            }
            return due.isBefore(today) ? Standing.LATE : due.isAfter(today.plusDays(1)) ? Standing.PLANNED
                    : Standing.DUE;
        }
    }

    /** An answer to a check-in: how the plan is going, in a member's own words. */
    public record Note(int checkIn, String memberId, String memberName, String text, String stageKey, Instant at) {
    }

    /**
     * A face-to-face meeting the facilitator recorded (offline first: the method's main instrument).
     *
     * @param photoFileId Telegram's id of a flipchart photo, or null
     */
    public record Meeting(LocalDate date, int attended, int women, String decisions, String photoFileId,
                          String stageKey, String recordedBy, Instant recordedAt) {
    }

    public Optional<Action> action(int number) {
        return actions.stream().filter(a -> a.number() == number).findFirst();
    }

    public int nextNumber() {
        return actions.stream().mapToInt(Action::number).max().orElse(0) + 1;
    }

    /** Actions not done yet (confirmed ones), in their order. */
    public List<Action> openActions() {
        return actions.stream().filter(a -> a.status() == Status.OPEN).toList();
    }

    /** How many actions stand where, on {@code today}. */
    public long count(Standing standing, LocalDate today) {
        return actions.stream().filter(a -> a.standing(today) == standing).count();
    }
}
