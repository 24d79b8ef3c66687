package id.rembug.dialogues.engine.events;

import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.Effect.LateAnswersReached;
import id.rembug.dialogues.engine.turn.Decisions;
import id.rembug.dialogues.engine.Effect.NudgeQuietMembers;
import id.rembug.dialogues.engine.Event.TimePassed;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.GroupStatus;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.SummaryRenderer;
import id.rembug.dialogues.engine.StageSummary.ClosedBy;
import id.rembug.dialogues.engine.turn.Quorum;
import id.rembug.dialogues.engine.turn.Stages;
import id.rembug.dialogues.engine.turn.Planning;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Prompt;
import id.rembug.dialogues.flow.Stage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clock moved on: late answers due go to the facilitator; a ready stage closes after its
 * grace; quiet members are nudged once; a group the facilitator left waiting moves on by itself.
 */
final class TimePassedHandler implements EventHandler<TimePassed> {

    @Override
    public void handle(TimePassed event, Turn turn) {
        GroupState.Builder s = turn.state();
        // the plan's reminders and check-ins first: what follows may end the turn early
        Planning.of(turn).timePassed();
        lateAnswersDue(turn);
        new Decisions(turn).timePassed();
        if (s.status == GroupStatus.ACTIVE && s.readyAt != null
                && !turn.at().isBefore(s.readyAt.plus(turn.settings().latecomerGrace()))) {
            if (Quorum.lastPromptHasQuorum(turn)) {
                Stages.complete(turn, ClosedBy.QUORUM, false);
            } else {
                s.readyAt = null; // an answer was deleted or the quorum grew: not ready after all
            }
        } else if (s.status == GroupStatus.ACTIVE && !s.nudged && s.stageOpenedAt != null
                && !turn.at().isBefore(s.stageOpenedAt.plus(turn.settings().nudgeAfter()))) {
            if (turn.deferredForQuietHours()) {
                return;
            }
            s.nudged = true;
            List<Member> quiet = Quorum.quietResidents(turn);
            if (!quiet.isEmpty()) {
                // said to the whole group, so it names nobody: being quiet is nobody's business but theirs
                turn.emit(new NudgeQuietMembers(turn.currentStage().key(), quiet, turn.text(MessageKey.NUDGE)));
            }
        } else if (s.status == GroupStatus.AWAITING_FACILITATOR && s.awaitingSince != null) {
            Duration wait = Stages.autoAdvanceAfter(turn, turn.currentStage());
            if (wait == null || turn.at().isBefore(s.awaitingSince.plus(wait)) || turn.deferredForQuietHours()) {
                return;
            }
            turn.say(MessageKey.AUTO_ADVANCED, Map.of(), null);
            Stages.open(turn, s.stageIndex + 1, 1);
        }
    }

    /**
     * Late answers gathered for a grace since the first of them go to the facilitator together,
     * one addendum per stage: each late answer reaches them once. A private message, so quiet
     * hours do not hold it back.
     */
    private void lateAnswersDue(Turn turn) {
        GroupState.Builder s = turn.state();
        if (s.lateAnswers.isEmpty()
                || turn.at().isBefore(s.lateAnswers.get(0).answeredAt().plus(turn.settings().latecomerGrace()))) {
            return;
        }
        Map<String, List<Answer>> byStage = new LinkedHashMap<>();
        for (Answer answer : s.lateAnswers) {
            byStage.computeIfAbsent(answer.stageKey() + ":" + answer.round(), k -> new ArrayList<>()).add(answer);
        }
        s.lateAnswers.clear();
        byStage.values().forEach(answers -> {
            Answer first = answers.get(0);
            turn.emit(new LateAnswersReached(first.stageKey(), first.round(), answers, addendum(turn, answers)));
        });
    }

    private String addendum(Turn turn, List<Answer> answers) {
        Flow flow = turn.flow();
        var language = turn.state().language;
        Stage stage = flow.stage(answers.get(0).stageKey()).orElseThrow();
        StringBuilder text = new StringBuilder(turn.text(MessageKey.LATE_HEADING, Map.of(
                "number", flow.indexOf(stage.key()) + 1, "total", flow.stageCount(),
                "title", stage.title().in(language))));
        for (Prompt prompt : stage.prompts()) {
            List<Answer> toPrompt = answers.stream().filter(a -> a.promptKey().equals(prompt.key())).toList();
            if (toPrompt.isEmpty()) {
                continue;
            }
            text.append("\n\n❓ ").append(prompt.text().in(language));
            for (Answer answer : toPrompt) {
                text.append("\n• ").append(new SummaryRenderer(turn.flow(), turn.messages())
                        .answerLine(stage, answer, language));
            }
        }
        return text.toString();
    }
}
