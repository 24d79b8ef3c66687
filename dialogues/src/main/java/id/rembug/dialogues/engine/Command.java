package id.rembug.dialogues.engine;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The group commands the engine understands. Each has an Indonesian name first and English
 * aliases; the channel registers them with the platform and parses typed text with
 * {@link #parse(String)} so both share one list.
 */
public enum Command {
    START(false, "mulai", "start"),
    CLAIM_FACILITATOR(false, "fasilitator", "facilitator", "pendamping"),
    STATUS(false, "status"),
    ADVANCE(true, "lanjut", "next"),
    REPEAT(false, "ulang", "repeat"),
    PAUSE(true, "jeda", "pause"),
    RESUME(true, "lanjutkan", "resume"),
    LANGUAGE(false, "bahasa", "language"),
    HELP(false, "bantuan", "help"),
    SUMMARY(true, "ringkasan", "summary"),
    DELETE_MY_DATA(false, "hapusdata", "deletemydata"),
    /** Add an action to the plan: what, who, by when. */
    TASK(false, "tugas", "task"),
    /** Show the action plan. */
    PLAN(false, "rencana", "plan"),
    /** Mark an action done (typed with its number, or its button). */
    DONE(false, "selesai", "done"),
    /** Where a member wants their reminders: {@code pribadi} (private chat) or {@code grup}. */
    REMIND(false, "ingatkan", "remind"),
    /** Pressed, never typed: the facilitator confirms a proposed action (the argument is its number). */
    CONFIRM_ACTION(true),
    /** Pressed, never typed: the button under the deletion question. */
    CONFIRM_DELETE(false),
    /** Pressed, never typed. */
    CANCEL_DELETE(false),
    /** Pressed, never typed: "stay here" under the question whether to leave a stage just opened. */
    CANCEL_ADVANCE(true),
    /**
     * The facilitator confirms the group's decision: pressed under the vote's result with the
     * candidate's number, or typed with a merged wording ({@code /sepakat Dalam 3 bulan ...}).
     */
    AGREE(true, "sepakat", "agree"),
    /** Pressed, never typed: a member's vote for a candidate (the buttons a poll is replaced by). */
    VOTE(false),
    /** Pressed, never typed: the facilitator ends the vote before everyone voted. */
    CLOSE_VOTE(true),
    /** Pressed, never typed: the facilitator wants to merge candidates; they are told how. */
    MERGE(true),
    /** Anything that looks like a command but is not one of ours. */
    UNKNOWN(false);

    private final boolean facilitatorOnly;
    private final List<String> names;

    Command(boolean facilitatorOnly, String... names) {
        this.facilitatorOnly = facilitatorOnly;
        this.names = List.of(names);
    }

    public boolean facilitatorOnly() {
        return facilitatorOnly;
    }

    /** The Indonesian name first, then the English aliases; empty for button-only commands. */
    public List<String> names() {
        return names;
    }

    public boolean isTyped() {
        return !names.isEmpty();
    }

    /** The name shown to people, in Indonesian: {@code /lanjut}. */
    public String slashName() {
        return names.isEmpty() ? name().toLowerCase(Locale.ROOT) : "/" + names.get(0);
    }

    /** A command as typed: the command and the rest of the line. */
    public record Parsed(Command command, String name, String argument) {
    }

    /**
     * Parses {@code /lanjut}, {@code /bahasa en}, {@code /mulai@RembugBot}. Returns empty for text
     * that is not a command at all; returns {@link #UNKNOWN} for a slash word we do not know.
     */
    public static Optional<Parsed> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (trimmed.length() < 2 || trimmed.charAt(0) != '/' || !Character.isLetter(trimmed.charAt(1))) {
            return Optional.empty();
        }
        int space = indexOfWhitespace(trimmed);
        String head = space < 0 ? trimmed.substring(1) : trimmed.substring(1, space);
        String argument = space < 0 ? "" : trimmed.substring(space + 1).strip();
        int at = head.indexOf('@');
        String name = (at < 0 ? head : head.substring(0, at)).toLowerCase(Locale.ROOT);
        for (Command command : values()) {
            if (command.names.contains(name)) {
                return Optional.of(new Parsed(command, name, argument));
            }
        }
        return Optional.of(new Parsed(UNKNOWN, name, argument));
    }

    /**
     * The first word of a text, in lower case and without a bot's name ({@code /Rapat@RembugBot 3}
     * gives {@code /rapat}): how the application's hooks recognise the commands they answer.
     */
    public static String firstWord(String text) {
        String trimmed = text.strip();
        int space = indexOfWhitespace(trimmed);
        String head = space < 0 ? trimmed : trimmed.substring(0, space);
        int at = head.indexOf('@');
        return (at < 0 ? head : head.substring(0, at)).toLowerCase(Locale.ROOT);
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
