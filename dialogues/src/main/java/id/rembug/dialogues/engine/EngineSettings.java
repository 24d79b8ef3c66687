package id.rembug.dialogues.engine;

import id.rembug.dialogues.flow.Language;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Tunables of the engine. The application binds them from configuration.
 *
 * @param nudgeAfter       how long a stage is open before quiet members get their one nudge
 * @param autoAdvanceAfter how long a completed stage waits for the facilitator before the group
 *                         goes on by itself, for stages whose flow sets no {@code auto_advance};
 *                         null means it waits for the facilitator forever
 * @param quietHoursStart  no nudge or automatic step is sent from this local time ...
 * @param quietHoursEnd    ... until this one (the range may wrap midnight)
 * @param defaultZone      the time zone of a new group
 * @param maxAnswerLength  longer answers are refused with a clear message
 */
public record EngineSettings(Duration nudgeAfter, Duration autoAdvanceAfter, LocalTime quietHoursStart,
                             LocalTime quietHoursEnd, ZoneId defaultZone, Language defaultLanguage,
                             int maxAnswerLength) {

    public static EngineSettings defaults() {
        return new EngineSettings(Duration.ofDays(2), Duration.ofDays(1), LocalTime.of(21, 0), LocalTime.of(6, 0),
                ZoneId.of("Asia/Jakarta"), Language.ID, 1000);
    }

    public EngineSettings withAutoAdvanceAfter(Duration duration) {
        return new EngineSettings(nudgeAfter, duration, quietHoursStart, quietHoursEnd, defaultZone,
                defaultLanguage, maxAnswerLength);
    }

    public EngineSettings withNudgeAfter(Duration duration) {
        return new EngineSettings(duration, autoAdvanceAfter, quietHoursStart, quietHoursEnd, defaultZone,
                defaultLanguage, maxAnswerLength);
    }
}
