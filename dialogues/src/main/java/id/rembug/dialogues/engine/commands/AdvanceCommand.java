package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Button;
import id.rembug.dialogues.engine.ButtonAction;
import id.rembug.dialogues.engine.Command;
import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.GroupStatus;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.StageSummary.ClosedBy;
import id.rembug.dialogues.engine.turn.Quorum;
import id.rembug.dialogues.engine.turn.Stages;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.MessageKey;

import java.util.List;
import java.util.Map;

/**
 * /lanjut: the facilitator moves the group on from the stage they saw. Pressed again right after
 * a stage opened, before anyone answered, it asks first instead of closing an empty stage.
 */
public final class AdvanceCommand implements CommandHandler {

    /** The suffix a confirmation's button adds to the stage it was made for: pressing it is the yes. */
    public static final String CONFIRMED = ":yes";

    @Override
    public void run(Member member, CommandIssued e, Turn turn) {
        GroupState.Builder s = turn.state();
        String ref = e.messageRef();
        GroupStatus effective = s.status == GroupStatus.PAUSED ? s.pausedFrom : s.status;
        boolean confirmed = e.argument() != null && e.argument().endsWith(CONFIRMED);
        switch (effective) {
            case ACTIVE -> {
                if (!confirmed && s.readyAt == null && s.answers.isEmpty() && s.stageOpenedAt != null
                        && turn.at().isBefore(s.stageOpenedAt.plus(turn.settings().confirmAdvanceWithin()))) {
                    turn.sayWithButtons(MessageKey.ADVANCE_CONFIRM, Map.of("name", member.name(),
                                    "title", turn.currentStage().title().in(s.language)),
                            List.of(new Button(turn.text(MessageKey.BUTTON_CONFIRM_ADVANCE),
                                            new ButtonAction.Run(Command.ADVANCE, turn.stageRef() + CONFIRMED)),
                                    new Button(turn.text(MessageKey.BUTTON_STAY),
                                            new ButtonAction.Run(Command.CANCEL_ADVANCE, turn.stageRef()))),
                            ref);
                    return;
                }
                s.status = GroupStatus.ACTIVE;
                s.pausedFrom = null;
                turn.say(MessageKey.ADVANCED_BY_FACILITATOR, Map.of("name", member.name()), ref);
                Stages.complete(turn, s.readyAt != null && Quorum.lastPromptHasQuorum(turn)
                        ? ClosedBy.QUORUM : ClosedBy.FACILITATOR, true);
            }
            case AWAITING_FACILITATOR -> {
                turn.say(MessageKey.ADVANCED_BY_FACILITATOR, Map.of("name", member.name()), ref);
                Stages.open(turn, s.stageIndex + 1, 1);
            }
            case NEW -> turn.say(MessageKey.NOT_STARTED, Map.of(), ref);
            default -> turn.say(MessageKey.ALREADY_FINISHED, Map.of(), ref);
        }
    }
}
