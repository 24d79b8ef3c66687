package id.rembug.dialogues.flow;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a completed stage waits for the facilitator before the group goes on by itself, as
 * the flow says it ({@code auto_advance} on a phase or a stage). Dialogue stages may move on after
 * a day; development stages are weeks of work between conversations, so there the flow says
 * {@link Never} and only the facilitator moves the group on.
 */
public sealed interface AutoAdvance {

    /** The flow says nothing: the engine's own setting decides. */
    AutoAdvance INHERIT = new Inherit();
    /** Only the facilitator moves the group on, however long that takes. */
    AutoAdvance NEVER = new Never();

    static AutoAdvance after(Duration delay) {
        return new After(delay);
    }

    record Inherit() implements AutoAdvance {
    }

    record Never() implements AutoAdvance {
    }

    /** @param delay counted from the moment the stage completed; always longer than zero */
    record After(Duration delay) implements AutoAdvance {

        public After {
            Objects.requireNonNull(delay, "delay");
            // Zero would skip the facilitator's decision altogether; a flow says never or a real wait.
            if (delay.isZero() || delay.isNegative()) {
                throw new IllegalArgumentException("an auto-advance delay must be longer than zero, not " + delay);
            }
        }
    }
}
