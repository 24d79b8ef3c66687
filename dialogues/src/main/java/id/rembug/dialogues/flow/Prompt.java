package id.rembug.dialogues.flow;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One question a stage asks the group.
 *
 * @param decision the group chooses one answer together: after the answers, the candidates go to
 *                 a vote and the facilitator confirms the agreed wording (flow field
 *                 {@code decision: true}; typed kinds only)
 * @param plan     its answers name tasks, people or first steps: when the stage completes they become
 *                 proposed actions of the group's plan, for the facilitator to confirm ({@code plan: true})
 * @param accepts  what a member may answer with besides text (photos, voice notes, places...):
 *                 empty for a question only words answer
 * @param privately a sensitive question ({@code private: true}): the group sees only an invitation
 *                  and how many answered; each member answers in their private chat with the bot
 * @param showNames for a private question, whether the facilitator sees who wrote each answer
 *                  ({@code show_names: true}); by default its answers reach everyone without names
 */
public record Prompt(String key, PromptKind kind, Text text, List<Choice> choices, boolean decision,
                     boolean plan, Set<MediaKind> accepts, boolean privately, boolean showNames) {

    public static final int SCALE_MIN = 1;
    public static final int SCALE_MAX = 5;

    public Prompt {
        choices = List.copyOf(choices);
        accepts = accepts == null || accepts.isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(accepts));
    }

    /** A prompt asked in the group, in front of everyone. */
    public Prompt(String key, PromptKind kind, Text text, List<Choice> choices, boolean decision, boolean plan,
                  Set<MediaKind> accepts) {
        this(key, kind, text, choices, decision, plan, accepts, false, false);
    }

    /** Whether its answers reach the facilitator, the dashboard and exports without the member's name. */
    public boolean anonymous() {
        return privately && !showNames;
    }

    /** A prompt each member answers for themselves, in words only. */
    public Prompt(String key, PromptKind kind, Text text, List<Choice> choices) {
        this(key, kind, text, choices, false, false, Set.of());
    }

    /** A prompt that is a decision or not, answered in words, and feeds no plan. */
    public Prompt(String key, PromptKind kind, Text text, List<Choice> choices, boolean decision) {
        this(key, kind, text, choices, decision, false, Set.of());
    }

    /** A prompt each member answers for themselves, in words or the media it accepts. */
    public Prompt(String key, PromptKind kind, Text text, List<Choice> choices, Set<MediaKind> accepts) {
        this(key, kind, text, choices, false, false, accepts);
    }

    public Optional<Choice> choice(String key) {
        return choices.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** The earlier answers and decisions this prompt's text quotes, as {@code stage.prompt}, in order. */
    public List<String> references() {
        return References.in(text);
    }

    public boolean accepts(MediaKind media) {
        return accepts.contains(media);
    }
}
