package id.rembug.dialogues.flow;

import java.util.List;
import java.util.Optional;

/** One question a stage asks the group. */
public record Prompt(String key, PromptKind kind, Text text, List<Choice> choices) {

    public static final int SCALE_MIN = 1;
    public static final int SCALE_MAX = 5;

    public Prompt {
        choices = List.copyOf(choices);
    }

    public Optional<Choice> choice(String key) {
        return choices.stream().filter(c -> c.key().equals(key)).findFirst();
    }
}
