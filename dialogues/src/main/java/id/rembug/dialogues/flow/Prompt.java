package id.rembug.dialogues.flow;

import java.util.List;
import java.util.Optional;

/**
 * One question a stage asks the group.
 *
 * @param privately whether each resident is asked in a private chat rather than in front of the
 *                  group ({@code private: true}: what the facilitator should not do, what still
 *                  bothers someone); the answer counts for the group all the same
 */
public record Prompt(String key, PromptKind kind, Text text, List<Choice> choices, boolean privately) {

    public static final int SCALE_MIN = 1;
    public static final int SCALE_MAX = 5;

    public Prompt {
        choices = List.copyOf(choices);
    }

    public Prompt(String key, PromptKind kind, Text text, List<Choice> choices) {
        this(key, kind, text, choices, false);
    }

    public Optional<Choice> choice(String key) {
        return choices.stream().filter(c -> c.key().equals(key)).findFirst();
    }
}
