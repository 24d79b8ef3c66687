package id.rembug.dialogues.flow;

import java.util.List;
import java.util.Objects;

/**
 * One of the method's three phases: dialogue, discovery, development.
 *
 * @param autoAdvance the phase's {@code auto_advance} as written, the default of its stages
 *                    ({@link AutoAdvance#INHERIT} when the phase says nothing); each stage
 *                    already carries the value that applies to it
 * @param methodName  the method's name for the phase (facilitators, dashboard); the title when none
 */
public record Phase(String key, Text title, AutoAdvance autoAdvance, List<Stage> stages, Text methodName) {

    public Phase {
        Objects.requireNonNull(autoAdvance, "autoAdvance");
        stages = List.copyOf(stages);
        methodName = methodName == null ? title : methodName;
    }

    public Phase(String key, Text title, AutoAdvance autoAdvance, List<Stage> stages) {
        this(key, title, autoAdvance, stages, title);
    }
}
