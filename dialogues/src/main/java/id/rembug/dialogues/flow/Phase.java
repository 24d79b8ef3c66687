package id.rembug.dialogues.flow;

import java.util.List;
import java.util.Objects;

/**
 * One of the method's three phases: dialogue, discovery, development.
 *
 * @param autoAdvance the phase's {@code auto_advance} as written, the default of its stages
 *                    ({@link AutoAdvance#INHERIT} when the phase says nothing); each stage
 *                    already carries the value that applies to it
 */
public record Phase(String key, Text title, AutoAdvance autoAdvance, List<Stage> stages) {

    public Phase {
        Objects.requireNonNull(autoAdvance, "autoAdvance");
        stages = List.copyOf(stages);
    }
}
