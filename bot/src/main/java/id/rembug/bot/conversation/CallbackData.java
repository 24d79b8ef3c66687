package id.rembug.bot.conversation;

import id.rembug.bot.channel.Outgoing;
import id.rembug.dialogues.engine.Command;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What we put in a button's callback data and how we read it back. Telegram allows 64 bytes, so
 * prompts are named by their position and everything else by short tags.
 *
 * <ul>
 *   <li>{@code a|<stage>|<round>|<promptIndex>|<value>}: an answer button</li>
 *   <li>{@code c|<COMMAND>} or {@code c|<COMMAND>|<argument>}: a command button in the group; the
 *   argument names the stage the button was made for ({@code stage:round}, {@code :yes} once
 *   confirmed), so a button pressed after the group moved on is known to be stale</li>
 *   <li>{@code f|<groupId>|<COMMAND>} or {@code f|<groupId>|<COMMAND>|<argument>}: a facilitator's
 *   button under a private summary</li>
 *   <li>{@code k|<stage>}: "why does this stage matter?"</li>
 *   <li>{@code r|<article>}: read a knowledge article</li>
 * </ul>
 * The first three change a group and go out signed ({@link ButtonSigner}); this type only names
 * the parts.
 */
public sealed interface CallbackData {

    record Answer(String stageKey, int round, int promptIndex, String value) implements CallbackData {
    }

    record GroupCommand(Command command, String argument) implements CallbackData {
    }

    record FacilitatorCommand(String groupId, Command command, String argument) implements CallbackData {
    }

    record WhyStage(String stageKey) implements CallbackData {
    }

    record ReadArticle(String articleId) implements CallbackData {
    }

    /** Whether pressing it can change a group (and so must be signed, see {@link ButtonSigner}). */
    default boolean changesAGroup() {
        return this instanceof Answer || this instanceof GroupCommand || this instanceof FacilitatorCommand;
    }

    default String encode() {
        String data;
        if (this instanceof Answer a) {
            data = "a|" + a.stageKey() + "|" + a.round() + "|" + a.promptIndex() + "|" + a.value();
        } else if (this instanceof GroupCommand c) {
            data = "c|" + c.command().name() + withArgument(c.argument());
        } else if (this instanceof FacilitatorCommand f) {
            data = "f|" + f.groupId() + "|" + f.command().name() + withArgument(f.argument());
        } else if (this instanceof WhyStage w) {
            data = "k|" + w.stageKey();
        } else {
            data = "r|" + ((ReadArticle) this).articleId();
        }
        if (data.getBytes(StandardCharsets.UTF_8).length > Outgoing.MAX_CALLBACK_DATA_BYTES) {
            throw new IllegalStateException("callback data over " + Outgoing.MAX_CALLBACK_DATA_BYTES + " bytes: " + data);
        }
        return data;
    }

    private static String withArgument(String argument) {
        return argument == null || argument.isEmpty() ? "" : "|" + argument;
    }

    /** Reads callback data; empty for anything we did not write (old or forged buttons). */
    static Optional<CallbackData> decode(String data) {
        if (data == null) {
            return Optional.empty();
        }
        String[] parts = data.split("\\|", -1);
        try {
            return switch (parts[0]) {
                case "a" -> parts.length == 5
                        ? Optional.of(new Answer(parts[1], Integer.parseInt(parts[2]), Integer.parseInt(parts[3]), parts[4]))
                        : Optional.empty();
                case "c" -> parts.length == 2 || parts.length == 3
                        ? Optional.of(new GroupCommand(Command.valueOf(parts[1]), parts.length == 3 ? parts[2] : ""))
                        : Optional.empty();
                case "f" -> parts.length == 3 || parts.length == 4
                        ? Optional.of(new FacilitatorCommand(parts[1], Command.valueOf(parts[2]),
                        parts.length == 4 ? parts[3] : ""))
                        : Optional.empty();
                case "k" -> parts.length == 2 ? Optional.of(new WhyStage(parts[1])) : Optional.empty();
                case "r" -> parts.length == 2 ? Optional.of(new ReadArticle(parts[1])) : Optional.empty();
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
