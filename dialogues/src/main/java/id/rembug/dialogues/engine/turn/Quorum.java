package id.rembug.dialogues.engine.turn;

import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.flow.Prompt;
import id.rembug.dialogues.flow.Stage;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Who counts and how many are enough: the numbers that decide when a stage may move on. */
public final class Quorum {

    private Quorum() {
    }

    /** Distinct residents who answered the prompt in this round; the facilitator does not count. */
    public static Set<String> answerers(Turn turn, String promptKey) {
        Set<String> ids = new LinkedHashSet<>();
        for (Answer answer : turn.state().answers) {
            if (answer.promptKey().equals(promptKey) && !turn.isFacilitator(answer.memberId())) {
                ids.add(answer.memberId());
            }
        }
        return ids;
    }

    /** The stage's quorum, lowered to the residents the group has when the channel counted them. */
    public static int effective(Turn turn, Stage stage) {
        GroupState.Builder s = turn.state();
        if (s.reportedSize == null) {
            return stage.quorum();
        }
        int residents = s.reportedSize - (s.facilitatorId == null ? 0 : 1);
        return Math.max(1, Math.min(stage.quorum(), residents));
    }

    /**
     * Residents the group is known to have: those the bot has seen, or the channel's count
     * when it is larger (under Telegram's privacy mode the bot does not see everyone); 0 when
     * the bot knows of nobody.
     */
    public static int knownResidents(Turn turn) {
        int seen = (int) turn.state().members.values().stream()
                .filter(m -> m.present() && !turn.isFacilitator(m.id())).count();
        return Math.max(seen, reportedResidents(turn));
    }

    /** Residents by the channel's count of the group; 0 when it never counted. */
    public static int reportedResidents(Turn turn) {
        GroupState.Builder s = turn.state();
        return s.reportedSize == null ? 0 : Math.max(0, s.reportedSize - (s.facilitatorId == null ? 0 : 1));
    }

    public static boolean lastPromptHasQuorum(Turn turn) {
        Stage stage = turn.currentStage();
        return answerers(turn, stage.prompts().get(stage.prompts().size() - 1).key()).size()
                >= effective(turn, stage);
    }

    /** Every resident the group is known to have answered every question of the stage. */
    public static boolean everyoneAnsweredEverything(Turn turn, Stage stage) {
        int residents = knownResidents(turn);
        if (residents == 0) {
            return false;
        }
        for (Prompt prompt : stage.prompts()) {
            if (answerers(turn, prompt.key()).size() < residents) {
                return false;
            }
        }
        return true;
    }

    /** Residents present who have not answered anything in this round. */
    public static List<Member> quietResidents(Turn turn) {
        Set<String> spoke = turn.state().answers.stream().map(Answer::memberId).collect(Collectors.toSet());
        return turn.state().members.values().stream()
                .filter(m -> m.present() && !turn.isFacilitator(m.id()) && !spoke.contains(m.id()))
                .toList();
    }
}
