package id.rembug.dialogues.flow;

import java.util.List;
import java.util.Optional;

/**
 * One question a stage asks the group.
 *
 * @param plan its answers name tasks, people or first steps: when the stage completes they become
 *             proposed actions of the group's plan, for the facilitator to confirm ({@code plan: true})
 */
public record Prompt(String key, PromptKind kind, Text text, List<Choice> choices, boolean plan) {

    /** A prompt whose answers do not feed the action plan. */
    public Prompt(String key, PromptKind kind, Text text, List<Choice> choices) {
        this(key, kind, text, choices, false);
    }

    public static final int SCALE_MIN = 1;
    public static final int SCALE_MAX = 5;

    public Prompt {
        choices = List.copyOf(choices);
    }

    public Optional<Choice> choice(String key) {
        return choices.stream().filter(c -> c.key().equals(key)).findFirst();
    }
}
