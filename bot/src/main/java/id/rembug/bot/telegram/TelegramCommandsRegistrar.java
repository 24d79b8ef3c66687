package id.rembug.bot.telegram;

import id.rembug.bot.conversation.ConversationHook.MenuCommand;
import id.rembug.dialogues.engine.Command;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells Telegram which commands to offer in the "/" menu: the Indonesian names as the default
 * list (what everyone sees, Indonesian speakers included) and the English aliases for people
 * whose Telegram is set to English. The engine accepts both names either way. After the engine's
 * commands come those the conversation hooks declare ({@code /tanya}, {@code /masuk}...), so a
 * feature adds its command to the menu where it answers it.
 */
public final class TelegramCommandsRegistrar {

    private final TelegramClient client;
    private final List<MenuCommand> hookCommands;

    public TelegramCommandsRegistrar(TelegramClient client, List<MenuCommand> hookCommands) {
        this.client = client;
        this.hookCommands = List.copyOf(hookCommands);
    }

    /** Two setMyCommands calls: the default list (Indonesian), then the English one. */
    public void register() throws TelegramApiException {
        client.execute(SetMyCommands.builder().commands(indonesianCommands()).build());
        client.execute(SetMyCommands.builder().commands(englishCommands()).languageCode("en").build());
    }

    public List<BotCommand> indonesianCommands() {
        List<BotCommand> commands = new ArrayList<>();
        for (Command command : Command.values()) {
            if (command.isTyped() && command != Command.UNKNOWN) {
                commands.add(new BotCommand(command.names().get(0), indonesian(command)));
            }
        }
        for (MenuCommand command : hookCommands) {
            commands.add(new BotCommand(command.name(), command.description()));
        }
        commands.add(new BotCommand("catat", "Catat pertemuan tatap muka (pendamping, chat pribadi)"));
        return commands;
    }

    public List<BotCommand> englishCommands() {
        List<BotCommand> commands = new ArrayList<>();
        for (Command command : Command.values()) {
            if (command.isTyped() && command != Command.UNKNOWN) {
                // The first alias is the English name; a command with none is called the same in both.
                String name = command.names().size() > 1 ? command.names().get(1) : command.names().get(0);
                commands.add(new BotCommand(name, english(command)));
            }
        }
        for (MenuCommand command : hookCommands) {
            commands.add(new BotCommand(command.englishName(), command.englishDescription()));
        }
        commands.add(new BotCommand("record", "Record a face-to-face meeting (facilitator, private chat)"));
        return commands;
    }

    // Exhaustive on purpose: a new command does not compile until it has a menu description.
    private static String indonesian(Command command) {
        return switch (command) {
            case START -> "Mulai rembug di grup ini";
            case CLAIM_FACILITATOR -> "Saya pendamping grup ini";
            case STATUS -> "Lihat sampai mana rembug kita";
            case ADVANCE -> "Lanjut ke tahap berikutnya (pendamping)";
            case REPEAT -> "Ulangi pertanyaan terakhir";
            case PAUSE -> "Jeda rembug sebentar (pendamping)";
            case RESUME -> "Teruskan rembug yang dijeda (pendamping)";
            case LANGUAGE -> "Ganti bahasa: id atau en";
            case HELP -> "Cara memakai Rembug";
            case SUMMARY -> "Ringkasan hasil sejauh ini (pendamping)";
            case DELETE_MY_DATA -> "Hapus jawaban dan data saya";
            case AGREE -> "Sahkan rumusan bersama (pendamping)";
            case TASK -> "Tambah tugas: apa - siapa - kapan";
            case PLAN -> "Lihat rencana aksi kita";
            case DONE -> "Tandai tugas selesai: /selesai 3";
            case REMIND -> "Pengingat tugas: pribadi atau grup";
            case CONFIRM_DELETE, CANCEL_DELETE, CANCEL_ADVANCE, VOTE, CLOSE_VOTE, MERGE, CONFIRM_ACTION, UNKNOWN -> throw new IllegalArgumentException("not typed: " + command);
        };
    }

    private static String english(Command command) {
        return switch (command) {
            case START -> "Start the talk in this group";
            case CLAIM_FACILITATOR -> "I facilitate this group";
            case STATUS -> "See how far the group has come";
            case ADVANCE -> "Move on to the next stage (facilitator)";
            case REPEAT -> "Ask the last question again";
            case PAUSE -> "Pause the talk for now (facilitator)";
            case RESUME -> "Carry on after a pause (facilitator)";
            case LANGUAGE -> "Change language: id or en";
            case HELP -> "How to use Rembug";
            case SUMMARY -> "Summary of the results so far (facilitator)";
            case DELETE_MY_DATA -> "Delete my answers and data";
            case AGREE -> "Confirm the group's wording (facilitator)";
            case TASK -> "Add a task: what - who - by when";
            case PLAN -> "See our action plan";
            case DONE -> "Mark a task done: /selesai 3";
            case REMIND -> "Task reminders: private or group";
            case CONFIRM_DELETE, CANCEL_DELETE, CANCEL_ADVANCE, VOTE, CLOSE_VOTE, MERGE, CONFIRM_ACTION, UNKNOWN -> throw new IllegalArgumentException("not typed: " + command);
        };
    }
}
