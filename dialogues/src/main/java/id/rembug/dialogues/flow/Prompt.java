package id.rembug.dialogues.flow;

import java.util.List;
import java.util.Optional;

/**
 * One question a stage asks the group.
 *
 * @param decision the group chooses one answer together: after the answers, the candidates go to
 *                 a vote and the facilitator confirms the agreed wording (flow field
 *                 {@code decision: true}; typed kinds only)
 * @param plan     its answers name tasks, people or first steps: when the stage completes they become
 *                 proposed actions of the group's plan, for the facilitator to confirm ({@code plan: true})
 */
public record Prompt(String key, PromptKind kind, Text text, List<Choice> choices, boolean decision,
                     boolean plan) {

    public static final int SCALE_MIN = 1;
    public static final int SCALE_MAX = 5;

    public Prompt {
        choices = List.copyOf(choices);
    }

    /** A prompt each member answers for themselves. */
    public Prompt(String key, PromptKind kind, Text text, List<Choice> choices) {
        this(key, kind, text, choices, false, false);
    }

    /** A prompt that is a decision or not, and feeds no plan. */
    public Prompt(String key, PromptKind kind, Text text, List<Choice> choices, boolean decision) {
        this(key, kind, text, choices, decision, false);
    }

    public Optional<Choice> choice(String key) {
        return choices.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** The earlier answers and decisions this prompt's text quotes, as {@code stage.prompt}, in order. */
    public List<String> references() {
        return References.in(text);
    }
}
