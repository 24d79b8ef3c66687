package id.rembug.dialogues.engine.turn;

import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.Button;
import id.rembug.dialogues.engine.ButtonAction;
import id.rembug.dialogues.engine.Command;
import id.rembug.dialogues.engine.Effect.MilestoneReached;
import id.rembug.dialogues.engine.Effect.ScheduleWakeUp;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.GroupStatus;
import id.rembug.dialogues.engine.StageSummary;
import id.rembug.dialogues.engine.StageSummary.ClosedBy;
import id.rembug.dialogues.flow.AutoAdvance;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Prompt;
import id.rembug.dialogues.flow.Stage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a group moves through the flow: opening a stage, moving on at quorum, the milestone. */
public final class Stages {

    private Stages() {
    }

    /**
     * Moves the group on while the prompt asked last has its quorum. Quorum makes the group
     * ready; it closes nothing: every asked question of the open stage keeps taking answers.
     * After the last question the stage is ready, and its summary waits a short grace for the
     * slower members (or until everyone known has answered everything).
     */
    public static void progressIfQuorum(Turn turn) {
        GroupState.Builder s = turn.state();
        if (s.status != GroupStatus.ACTIVE) {
            return;
        }
        Stage stage = turn.currentStage();
        if (s.readyAt != null) {
            if (Quorum.everyoneAnsweredEverything(turn, stage) && Quorum.lastPromptHasQuorum(turn)) {
                complete(turn, ClosedBy.QUORUM, false);
            }
            return;
        }
        Prompt prompt = stage.prompts().get(s.promptIndex);
        if (Quorum.answerers(turn, prompt.key()).size() < Quorum.effective(turn, stage)) {
            return;
        }
        if (s.promptIndex < stage.prompts().size() - 1) {
            s.promptIndex++;
            turn.ask(stage, stage.prompts().get(s.promptIndex));
            return;
        }
        s.readyAt = turn.at();
        if (turn.settings().latecomerGrace().isZero() || Quorum.everyoneAnsweredEverything(turn, stage)) {
            complete(turn, ClosedBy.QUORUM, false);
        } else {
            turn.emit(new ScheduleWakeUp(turn.at().plus(turn.settings().latecomerGrace())));
        }
    }

    /** Whether the open stage still takes answers for its summary: open (also paused from there). */
    public static boolean takesAnswers(Turn turn) {
        GroupState.Builder s = turn.state();
        return s.status == GroupStatus.ACTIVE || s.status == GroupStatus.PAUSED && s.pausedFrom == GroupStatus.ACTIVE;
    }

    public static void open(Turn turn, int index, int round) {
        GroupState.Builder s = turn.state();
        Flow flow = turn.flow();
        Stage stage = flow.stage(index);
        s.stageIndex = index;
        s.round = round;
        s.promptIndex = 0;
        s.answers.clear();
        s.nudged = false;
        s.goalFeedbackGiven.clear();
        s.noticesGiven.clear();
        s.stageOpenedAt = turn.at();
        s.awaitingSince = null;
        s.readyAt = null;
        s.status = GroupStatus.ACTIVE;
        s.pausedFrom = null;
        turn.say(MessageKey.STAGE_INTRO, Map.of(
                "number", index + 1,
                "total", flow.stageCount(),
                "phase", flow.phase(stage.phaseKey()).map(p -> p.title().in(s.language)).orElse(""),
                "title", stage.title().in(s.language),
                "intro", stage.intro().in(s.language)), null);
        turn.ask(stage, stage.prompts().get(0));
        turn.emit(new ScheduleWakeUp(turn.at().plus(turn.settings().nudgeAfter())));
    }

    /**
     * The stage's milestone: its summary goes to the facilitator, once. The group then waits
     * for the facilitator, or goes on at once when {@code moveOn} (the facilitator said so) or
     * when it has no facilitator.
     */
    public static void complete(Turn turn, ClosedBy closedBy, boolean moveOn) {
        GroupState.Builder s = turn.state();
        Stage stage = turn.currentStage();
        StageSummary summary = summary(turn, true, closedBy);
        turn.say(MessageKey.STAGE_CLOSING, Map.of("title", stage.title().in(s.language),
                "closing", stage.closing().in(s.language)), null);
        turn.emit(new MilestoneReached(summary, facilitatorButtons(turn)));
        s.milestones++;
        s.readyAt = null;
        boolean last = s.stageIndex == turn.flow().stageCount() - 1;
        if (last) {
            s.status = GroupStatus.FINISHED;
            s.pausedFrom = null;
            turn.say(MessageKey.FINISHED, Map.of(), null);
        } else if (moveOn || s.facilitatorId == null) {
            open(turn, s.stageIndex + 1, 1);
        } else {
            s.status = GroupStatus.AWAITING_FACILITATOR;
            s.awaitingSince = turn.at();
            turn.say(MessageKey.WAITING_FOR_FACILITATOR, Map.of("name", turn.facilitatorName()), null);
            s.noticesGiven.add(MessageKey.WAITING_FOR_FACILITATOR.yamlKey());
            Duration wait = autoAdvanceAfter(turn, stage);
            if (wait != null) {
                turn.emit(new ScheduleWakeUp(turn.at().plus(wait)));
            }
        }
    }

    /**
     * How long the completed {@code stage} waits for the facilitator: its pace from the flow
     * (weeks of real work in the development phase: never), else the engine's setting; null
     * when only the facilitator moves the group on.
     */
    public static Duration autoAdvanceAfter(Turn turn, Stage stage) {
        AutoAdvance pace = stage.autoAdvance();
        if (pace instanceof AutoAdvance.After after) {
            return after.delay();
        }
        return pace instanceof AutoAdvance.Never ? null : turn.settings().autoAdvanceAfter();
    }

    /** The open stage's answers so far, as the facilitator reads them. */
    public static StageSummary summary(Turn turn, boolean complete, ClosedBy closedBy) {
        GroupState.Builder s = turn.state();
        Flow flow = turn.flow();
        Stage stage = turn.currentStage();
        List<StageSummary.PromptAnswers> prompts = new ArrayList<>();
        for (Prompt prompt : stage.prompts()) {
            prompts.add(new StageSummary.PromptAnswers(prompt.key(), prompt.kind(), prompt.text(),
                    s.answers.stream().filter(a -> a.promptKey().equals(prompt.key())).toList()));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Answer answer : s.answers) {
            if (!turn.isFacilitator(answer.memberId())) {
                counts.merge(answer.memberId(), 1, Integer::sum);
            }
        }
        List<StageSummary.Participation> participants = counts.entrySet().stream()
                .map(e -> new StageSummary.Participation(turn.memberOf(e.getKey()), e.getValue()))
                .toList();
        StageSummary.NextStage next = null;
        if (s.stageIndex + 1 < flow.stageCount()) {
            Stage following = flow.stage(s.stageIndex + 1);
            next = new StageSummary.NextStage(following.key(), following.title(), following.purpose());
        }
        return new StageSummary(s.groupId, stage.key(), stage.phaseKey(), s.stageIndex + 1, flow.stageCount(),
                stage.title(), s.round, complete, closedBy, prompts, participants, Quorum.quietResidents(turn), next,
                turn.at(), Quorum.reportedResidents(turn));
    }

    /** The buttons under a summary, each naming the stage it was made for. */
    private static List<Button> facilitatorButtons(Turn turn) {
        String made = turn.stageRef();
        return List.of(
                new Button(turn.text(MessageKey.BUTTON_ADVANCE), new ButtonAction.Run(Command.ADVANCE, made)),
                new Button(turn.text(MessageKey.BUTTON_REPEAT), new ButtonAction.Run(Command.REPEAT, made)),
                new Button(turn.text(MessageKey.BUTTON_PAUSE), new ButtonAction.Run(Command.PAUSE, made)));
    }
}
