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
 * @param residents how many residents the channel counted in the group (0: never counted):
 *                  "everyone has spoken" is said only when that many took part
 * @param decisions the group's decisions in this stage: candidates, votes per member, the agreed text
 */
public record StageSummary(String groupId, String stageKey, String phaseKey, int stageNumber, int stageCount,
                           Text title, int round, boolean complete, ClosedBy closedBy,
                           List<PromptAnswers> prompts, List<Participation> participants, List<Member> quiet,
                           NextStage next, Instant at, int residents, List<Decision> decisions) {

    public StageSummary {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        prompts = List.copyOf(prompts);
        participants = List.copyOf(participants);
        quiet = List.copyOf(quiet);
    }

    /** A summary of a group whose size is not known. */
    public StageSummary(String groupId, String stageKey, String phaseKey, int stageNumber, int stageCount, Text title,
                        int round, boolean complete, ClosedBy closedBy, List<PromptAnswers> prompts,
                        List<Participation> participants, List<Member> quiet, NextStage next, Instant at) {
        this(groupId, stageKey, phaseKey, stageNumber, stageCount, title, round, complete, closedBy, prompts,
                participants, quiet, next, at, 0, List.of());
    }

    /** A summary without decisions (one stored before they existed reads the same). */
    public StageSummary(String groupId, String stageKey, String phaseKey, int stageNumber, int stageCount, Text title,
                        int round, boolean complete, ClosedBy closedBy, List<PromptAnswers> prompts,
                        List<Participation> participants, List<Member> quiet, NextStage next, Instant at,
                        int residents) {
        this(groupId, stageKey, phaseKey, stageNumber, stageCount, title, round, complete, closedBy, prompts,
                participants, quiet, next, at, residents, List.of());
    }

    /** The same summary with these late answers added to their prompts (replacing earlier ones of the same key). */
    public StageSummary withLateAnswers(List<Answer> late) {
        List<PromptAnswers> merged = prompts.stream().map(p -> {
            List<Answer> answers = new java.util.ArrayList<>(p.answers());
            for (Answer answer : late) {
                if (answer.promptKey().equals(p.promptKey())) {
                    answers.removeIf(a -> a.key().equals(answer.key()));
                    answers.add(answer);
                }
            }
            return new PromptAnswers(p.promptKey(), p.kind(), p.text(), answers);
        }).toList();
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        java.util.Map<String, Member> who = new java.util.LinkedHashMap<>();
        for (Participation p : participants) {
            counts.put(p.member().id(), 0);
            who.put(p.member().id(), p.member());
        }
        for (PromptAnswers p : merged) {
            for (Answer a : p.answers()) {
                counts.merge(a.memberId(), 1, Integer::sum);
                who.putIfAbsent(a.memberId(), Member.of(a.memberId(), a.memberName()));
            }
        }
        List<Participation> newParticipants = counts.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> new Participation(who.get(e.getKey()), e.getValue())).toList();
        List<Member> stillQuiet = quiet.stream().filter(m -> !counts.containsKey(m.id())).toList();
        return new StageSummary(groupId, stageKey, phaseKey, stageNumber, stageCount, title, round, complete, closedBy,
                merged, newParticipants, stillQuiet, next, at, residents, decisions);
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
