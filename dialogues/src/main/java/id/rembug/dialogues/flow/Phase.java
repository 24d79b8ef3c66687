package id.rembug.dialogues.flow;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One of the method's three phases: dialogue, discovery, development.
 *
 * @param autoAdvance the phase's {@code auto_advance} as written, the default of its stages
 *                    ({@link AutoAdvance#INHERIT} when the phase says nothing); each stage
 *                    already carries the value that applies to it
 * @param methodName  the method's name for the phase (facilitators, dashboard); the title when none
 * @param checkIn     how often the bot checks in on the group's action plan while it is in one of
 *                    this phase's stages (the phase's {@code check_in}); null for never
 */
public record Phase(String key, Text title, AutoAdvance autoAdvance, List<Stage> stages, Text methodName,
                    Duration checkIn) {

    public Phase {
        Objects.requireNonNull(autoAdvance, "autoAdvance");
        stages = List.copyOf(stages);
        methodName = methodName == null ? title : methodName;
    }

    public Phase(String key, Text title, AutoAdvance autoAdvance, List<Stage> stages) {
        this(key, title, autoAdvance, stages, title, null);
    }

    public Phase(String key, Text title, AutoAdvance autoAdvance, List<Stage> stages, Text methodName) {
        this(key, title, autoAdvance, stages, methodName, null);
    }
}
