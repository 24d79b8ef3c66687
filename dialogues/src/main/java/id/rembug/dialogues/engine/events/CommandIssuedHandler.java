package id.rembug.dialogues.engine.events;

import id.rembug.dialogues.engine.Command;
import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.GroupStatus;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.commands.AdvanceCommand;
import id.rembug.dialogues.engine.commands.CommandHandlers;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.MessageKey;

import java.util.Map;

/**
 * A member typed a command or pressed a button that runs one. What every command shares is
 * checked here (who may run it, whether a pressed button still means the open stage); what the
 * command does is its own handler's.
 */
final class CommandIssuedHandler implements EventHandler<CommandIssued> {

    private final CommandHandlers commands;

    CommandIssuedHandler(CommandHandlers commands) {
        this.commands = commands;
    }

    @Override
    public void handle(CommandIssued e, Turn turn) {
        Member member = turn.remember(e.member());
        Command command = e.command();
        GroupState.Builder s = turn.state();
        if (command.facilitatorOnly() && !member.id().equals(s.facilitatorId)) {
            MessageKey key = s.facilitatorId == null ? MessageKey.NO_FACILITATOR_YET : MessageKey.ONLY_FACILITATOR;
            Map<String, Object> values = Map.of("name", member.name(), "command", command.slashName());
            if (e.pressed()) {
                turn.answerButton(key, values);
            } else {
                turn.notice(key, member, values, e.messageRef());
            }
            return;
        }
        if (e.pressed() && stale(command, e.argument(), turn)) {
            return;
        }
        commands.run(member, e, turn);
    }

    /**
     * Whether a button made for a stage (a summary's, a confirmation's) is pressed after the
     * group left that stage: then it does nothing, and the presser is told so.
     */
    private boolean stale(Command command, String argument, Turn turn) {
        GroupState.Builder s = turn.state();
        if (argument == null || argument.isBlank() || s.status == GroupStatus.NEW
                || !(command == Command.ADVANCE || command == Command.REPEAT || command == Command.PAUSE
                || command == Command.CANCEL_ADVANCE)) {
            return false;
        }
        String madeFor = argument.endsWith(AdvanceCommand.CONFIRMED)
                ? argument.substring(0, argument.length() - AdvanceCommand.CONFIRMED.length()) : argument;
        if (madeFor.equals(turn.stageRef()) && s.status != GroupStatus.FINISHED) {
            return false;
        }
        turn.answerButton(MessageKey.STALE_BUTTON, Map.of("title", turn.currentStage().title().in(s.language)));
        return true;
    }
}
