package id.rembug.dialogues.flow;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One question a stage asks the group.
 *
 * @param accepts what a member may answer with besides text (photos, voice notes, places...):
 *                empty for a question only words answer
 */
public record Prompt(String key, PromptKind kind, Text text, List<Choice> choices, Set<MediaKind> accepts) {

    public static final int SCALE_MIN = 1;
    public static final int SCALE_MAX = 5;

    public Prompt {
        choices = List.copyOf(choices);
        accepts = accepts == null || accepts.isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(accepts));
    }

    /** A prompt answered in words only. */
    public Prompt(String key, PromptKind kind, Text text, List<Choice> choices) {
        this(key, kind, text, choices, Set.of());
    }

    public Optional<Choice> choice(String key) {
        return choices.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    public boolean accepts(MediaKind media) {
        return accepts.contains(media);
    }
}
