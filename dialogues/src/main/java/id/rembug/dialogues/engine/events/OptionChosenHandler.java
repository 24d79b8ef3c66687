package id.rembug.dialogues.engine.events;

import id.rembug.dialogues.engine.Event.OptionChosen;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.GroupStatus;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.AnswerParsing;
import id.rembug.dialogues.engine.turn.Answering;
import id.rembug.dialogues.engine.turn.Stages;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.Prompt;
import id.rembug.dialogues.flow.Stage;
import id.rembug.dialogues.flow.MessageKey;

import java.util.List;
import java.util.Map;

/**
 * A member pressed an answer button: recorded for the stage the button was made for (late when
 * the group has left it); a button of a question not asked yet does nothing.
 */
final class OptionChosenHandler implements EventHandler<OptionChosen> {

    @Override
    public void handle(OptionChosen e, Turn turn) {
        GroupState.Builder s = turn.state();
        Member member = turn.remember(e.member());
        if (s.status == GroupStatus.NEW) {
            turn.notice(MessageKey.NOT_STARTED, member, Map.of(), e.messageRef());
            return;
        }
        Stage stage = turn.flow().stage(e.stageKey()).orElse(null);
        Prompt prompt = stage == null ? null : stage.prompt(e.promptKey()).orElse(null);
        if (prompt == null) {
            return;
        }
        int stageIndex = turn.flow().indexOf(stage.key());
        boolean openStage = stageIndex == s.stageIndex && s.round == e.round();
        boolean passed = stageIndex < s.stageIndex || stageIndex == s.stageIndex && e.round() < s.round;
        if (!openStage && !passed || openStage && stage.indexOf(prompt.key()) > s.promptIndex) {
            return; // a button of a question not asked yet: forged, or from a changed flow
        }
        boolean valid = switch (prompt.kind()) {
            case CHOICE -> prompt.choice(e.value()).isPresent();
            case SCALE -> AnswerParsing.scaleValue(e.value()) != null;
            default -> false;
        };
        if (valid) {
            Answering.record(turn, member, e.messageRef(), stage, e.round(), prompt, e.value(), List.of(), null,
                    !openStage || !Stages.takesAnswers(turn));
        }
    }
}
