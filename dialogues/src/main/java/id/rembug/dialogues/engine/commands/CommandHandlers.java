package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Command;
import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Turn;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One handler per command; built once, complete or not at all. */
public final class CommandHandlers {

    private final Map<Command, CommandHandler> byCommand = new EnumMap<>(Command.class);

    public CommandHandlers() {
        byCommand.put(Command.START, new StartCommand());
        byCommand.put(Command.CLAIM_FACILITATOR, new ClaimFacilitatorCommand());
        byCommand.put(Command.STATUS, new StatusCommand());
        byCommand.put(Command.ADVANCE, new AdvanceCommand());
        byCommand.put(Command.CANCEL_ADVANCE, new CancelAdvanceCommand());
        byCommand.put(Command.REPEAT, new RepeatCommand());
        byCommand.put(Command.PAUSE, new PauseCommand());
        byCommand.put(Command.RESUME, new ResumeCommand());
        byCommand.put(Command.LANGUAGE, new LanguageCommand());
        byCommand.put(Command.HELP, new HelpCommand());
        byCommand.put(Command.SUMMARY, new SummaryCommand());
        byCommand.put(Command.DELETE_MY_DATA, new DeleteMyDataCommand());
        byCommand.put(Command.CONFIRM_DELETE, new ConfirmDeleteCommand());
        byCommand.put(Command.CANCEL_DELETE, new CancelDeleteCommand());
        byCommand.put(Command.UNKNOWN, new UnknownCommand());
        List<Command> missing = Arrays.stream(Command.values()).filter(c -> !byCommand.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No handler for the commands " + missing
                    + ": register one in " + CommandHandlers.class.getSimpleName());
        }
    }

    public void run(Member member, CommandIssued command, Turn turn) {
        byCommand.get(command.command()).run(member, command, turn);
    }
}
