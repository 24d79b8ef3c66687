package id.rembug.dialogues.engine;

import id.rembug.dialogues.flow.Language;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Tunables of the engine. The application binds them from configuration.
 *
 * @param nudgeAfter           how long a stage is open before quiet members get their one nudge
 * @param autoAdvanceAfter     how long a completed stage waits for the facilitator before the
 *                             group goes on by itself, for stages whose flow sets no
 *                             {@code auto_advance}; null
 *                             means it waits for the facilitator forever
 * @param quietHoursStart      no nudge or automatic step is sent from this local time ...
 * @param quietHoursEnd        ... until this one (the range may wrap midnight)
 * @param defaultZone          the time zone of a new group
 * @param maxAnswerLength      longer answers are refused with a clear message
 * @param latecomerGrace       how long slower members still have once a stage's last question
 *                             reached its quorum, before the summary goes to the facilitator; and
 *                             how long late answers are gathered before their addendum goes
 * @param confirmAdvanceWithin a /lanjut this soon after a stage opened, with no answer yet, asks
 *                             the facilitator to confirm instead of closing an empty stage
 */
public record EngineSettings(Duration nudgeAfter, Duration autoAdvanceAfter, LocalTime quietHoursStart,
                             LocalTime quietHoursEnd, ZoneId defaultZone, Language defaultLanguage,
                             int maxAnswerLength, Duration latecomerGrace, Duration confirmAdvanceWithin) {

    public static final Duration DEFAULT_LATECOMER_GRACE = Duration.ofMinutes(2);
    public static final Duration DEFAULT_CONFIRM_ADVANCE_WITHIN = Duration.ofMinutes(15);

    /** Settings with the default grace for latecomers and window for confirming /lanjut. */
    public EngineSettings(Duration nudgeAfter, Duration autoAdvanceAfter, LocalTime quietHoursStart,
                          LocalTime quietHoursEnd, ZoneId defaultZone, Language defaultLanguage, int maxAnswerLength) {
        this(nudgeAfter, autoAdvanceAfter, quietHoursStart, quietHoursEnd, defaultZone, defaultLanguage,
                maxAnswerLength, DEFAULT_LATECOMER_GRACE, DEFAULT_CONFIRM_ADVANCE_WITHIN);
    }

    public static EngineSettings defaults() {
        return new EngineSettings(Duration.ofDays(2), Duration.ofDays(1), LocalTime.of(21, 0), LocalTime.of(6, 0),
                ZoneId.of("Asia/Jakarta"), Language.ID, 1000);
    }

    public EngineSettings withAutoAdvanceAfter(Duration duration) {
        return new EngineSettings(nudgeAfter, duration, quietHoursStart, quietHoursEnd, defaultZone,
                defaultLanguage, maxAnswerLength, latecomerGrace, confirmAdvanceWithin);
    }

    public EngineSettings withNudgeAfter(Duration duration) {
        return new EngineSettings(duration, autoAdvanceAfter, quietHoursStart, quietHoursEnd, defaultZone,
                defaultLanguage, maxAnswerLength, latecomerGrace, confirmAdvanceWithin);
    }

    public EngineSettings withLatecomerGrace(Duration duration) {
        return new EngineSettings(nudgeAfter, autoAdvanceAfter, quietHoursStart, quietHoursEnd, defaultZone,
                defaultLanguage, maxAnswerLength, duration, confirmAdvanceWithin);
    }
}
