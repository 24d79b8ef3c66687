package id.rembug.dialogues.engine.turn;

import id.rembug.dialogues.engine.Effect.SayPrivately;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.GroupStatus;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Prompt;
import id.rembug.dialogues.flow.Stage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sensitive questions ({@code private: true}): which one a member's private chat is about, and
 * what is said to them there. The group only ever sees the question's invitation and its count.
 */
public final class PrivateQuestions {

    private PrivateQuestions() {
    }

    /**
     * A private question a member may still answer.
     *
     * @param late its stage was summarised already: the answer reaches the facilitator as late
     */
    public record Open(Stage stage, int round, Prompt prompt, boolean late) {
    }

    /**
     * The private question {@code stageKey.promptKey} of {@code round} when the group has asked it
     * and still takes answers to it (on time, or late once its stage was summarised); empty when it
     * is no private question of this flow, not asked yet, or the group has not started.
     */
    public static Optional<Open> open(Turn turn, String stageKey, int round, String promptKey) {
        GroupState.Builder s = turn.state();
        Flow flow = turn.flow();
        Optional<Stage> stage = flow.stage(stageKey);
        Optional<Prompt> prompt = stage.flatMap(st -> st.prompt(promptKey));
        if (s.status == GroupStatus.NEW || prompt.isEmpty() || !prompt.get().privately()) {
            return Optional.empty();
        }
        int stageIndex = flow.indexOf(stageKey);
        boolean current = stageIndex == s.stageIndex && round == s.round;
        boolean passed = stageIndex < s.stageIndex || stageIndex == s.stageIndex && round < s.round;
        if (current && stage.get().indexOf(promptKey) <= s.promptIndex) {
            return Optional.of(new Open(stage.get(), round, prompt.get(), !Stages.takesAnswers(turn)));
        }
        return passed && round >= 1 ? Optional.of(new Open(stage.get(), round, prompt.get(), true)) : Optional.empty();
    }

    /** A text of ours in the member's private chat. */
    public static void sayPrivately(Turn turn, String memberId, MessageKey key, Map<String, ?> values) {
        turn.emit(new SayPrivately(memberId, key.yamlKey(), turn.text(key, values), List.of()));
    }
}
