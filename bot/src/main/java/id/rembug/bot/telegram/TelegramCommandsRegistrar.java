package id.rembug.bot.telegram;

import id.rembug.bot.dashboard.LoginCommand;
import id.rembug.bot.knowledge.KnowledgeCommand;
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
 * whose Telegram is set to English. The engine accepts both names either way.
 */
public final class TelegramCommandsRegistrar {

    /** Asking the knowledge base is handled by the app, not the engine, so it is not a {@link Command}. */

    private final TelegramClient client;

    public TelegramCommandsRegistrar(TelegramClient client) {
        this.client = client;
    }

    /** Two setMyCommands calls: the default list (Indonesian), then the English one. */
    public void register() throws TelegramApiException {
        client.execute(SetMyCommands.builder().commands(indonesianCommands()).build());
        client.execute(SetMyCommands.builder().commands(englishCommands()).languageCode("en").build());
    }

    public static List<BotCommand> indonesianCommands() {
        List<BotCommand> commands = new ArrayList<>();
        for (Command command : Command.values()) {
            if (command.isTyped() && command != Command.UNKNOWN) {
                commands.add(new BotCommand(command.names().get(0), indonesian(command)));
            }
        }
        commands.add(new BotCommand(KnowledgeCommand.ASK.names().get(0), "Tanya soal pendampingan masyarakat"));
        commands.add(new BotCommand(KnowledgeCommand.READ.names().get(0), "Baca satu artikel panduan"));
        commands.add(new BotCommand(LoginCommand.NAMES.get(0), "Tautan masuk ke dasbor (chat pribadi)"));
        commands.add(new BotCommand("catat", "Catat pertemuan tatap muka (pendamping, chat pribadi)"));
        return commands;
    }

    public static List<BotCommand> englishCommands() {
        List<BotCommand> commands = new ArrayList<>();
        for (Command command : Command.values()) {
            if (command.isTyped() && command != Command.UNKNOWN) {
                // The first alias is the English name; a command with none is called the same in both.
                String name = command.names().size() > 1 ? command.names().get(1) : command.names().get(0);
                commands.add(new BotCommand(name, english(command)));
            }
        }
        commands.add(new BotCommand(KnowledgeCommand.ASK.names().get(1), "Ask about community facilitation"));
        commands.add(new BotCommand(KnowledgeCommand.READ.names().get(1), "Read one guide article"));
        commands.add(new BotCommand(LoginCommand.NAMES.get(1), "A sign-in link for the dashboard (private chat)"));
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
            case TASK -> "Tambah tugas: apa - siapa - kapan";
            case PLAN -> "Lihat rencana aksi kita";
            case DONE -> "Tandai tugas selesai: /selesai 3";
            case REMIND -> "Pengingat tugas: pribadi atau grup";
            case CONFIRM_DELETE, CANCEL_DELETE, CANCEL_ADVANCE, CONFIRM_ACTION, UNKNOWN -> throw new IllegalArgumentException("not typed: " + command);
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
            case TASK -> "Add a task: what - who - by when";
            case PLAN -> "See our action plan";
            case DONE -> "Mark a task done: /selesai 3";
            case REMIND -> "Task reminders: private or group";
            case CONFIRM_DELETE, CANCEL_DELETE, CANCEL_ADVANCE, CONFIRM_ACTION, UNKNOWN -> throw new IllegalArgumentException("not typed: " + command);
        };
    }
}
