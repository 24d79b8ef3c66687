package id.rembug.bot.knowledge;

import id.rembug.dialogues.engine.Command;

import java.util.List;
import java.util.Optional;

/**
 * The commands that ask the knowledge base rather than move the group: typed the same way as
 * the engine's commands, Indonesian name first, English alias second.
 */
public enum KnowledgeCommand {
    ASK("tanya", "ask"),
    READ("baca", "read");

    private final List<String> names;

    KnowledgeCommand(String... names) {
        this.names = List.of(names);
    }

    public List<String> names() {
        return names;
    }

    /** A typed knowledge command and the rest of its line. */
    public record Parsed(KnowledgeCommand command, String argument) {
    }

    /** {@code /tanya gimana caranya?} or {@code /baca tahap-arah}; empty for anything else. */
    public static Optional<Parsed> parse(String text) {
        return Command.parse(text)
                .filter(parsed -> parsed.command() == Command.UNKNOWN)
                .flatMap(parsed -> {
                    for (KnowledgeCommand command : values()) {
                        if (command.names.contains(parsed.name())) {
                            return Optional.of(new Parsed(command, parsed.argument()));
                        }
                    }
                    return Optional.empty();
                });
    }
}
