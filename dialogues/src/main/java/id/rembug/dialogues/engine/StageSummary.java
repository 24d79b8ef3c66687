package id.rembug.dialogues.engine;

import id.rembug.dialogues.flow.PromptKind;
import id.rembug.dialogues.flow.Text;

import java.time.Instant;
import java.util.List;

/**
 * What the facilitator needs to know about a stage without reading every message: what the group
 * said, who took part and who stayed quiet, how the goals fared, and what comes next.
 *
 * @param complete false for a summary asked for in the middle of a stage
 * @param closedBy who closed the stage; null while it is still open
 * @param next     the next stage, or null after the last one
 */
public record StageSummary(String groupId, String stageKey, String phaseKey, int stageNumber, int stageCount,
                           Text title, int round, boolean complete, ClosedBy closedBy,
                           List<PromptAnswers> prompts, List<Participation> participants, List<Member> quiet,
                           NextStage next, Instant at) {

    public StageSummary {
        prompts = List.copyOf(prompts);
        participants = List.copyOf(participants);
        quiet = List.copyOf(quiet);
    }

    public enum ClosedBy { QUORUM, FACILITATOR }

    public record PromptAnswers(String promptKey, PromptKind kind, Text text, List<Answer> answers) {
        public PromptAnswers {
            answers = List.copyOf(answers);
        }
    }

    /** @param answers how many answers this member gave in the stage */
    public record Participation(Member member, int answers) {
    }

    public record NextStage(String key, Text title, Text purpose) {
    }

    /** Every goal answer of the stage, with its criteria check. */
    public List<Answer> goals() {
        return prompts.stream()
                .flatMap(p -> p.answers().stream())
                .filter(a -> a.goal() != null)
                .toList();
    }
}
