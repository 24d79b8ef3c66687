package id.rembug.bot.telegram;

import id.rembug.dialogues.engine.Command;
import id.rembug.dialogues.flow.TextCatalog;
import id.rembug.dialogues.flow.TextFiles;
import id.rembug.dialogues.flow.TextKey;

import java.util.Arrays;
import java.util.Optional;

/**
 * The descriptions of the "/" menu, one per command, each constant named after the command's
 * Indonesian name. They live in {@code texts/commands.yaml}, in every language a group can choose
 * (a regional one too), so a language's menu is added as data; {@link TelegramCommandsRegistrar} sends one per language.
 */
public enum MenuText implements TextKey {
    MULAI,
    FASILITATOR,
    STATUS,
    LANJUT,
    ULANG,
    JEDA,
    LANJUTKAN,
    BAHASA,
    BANTUAN,
    RINGKASAN,
    HAPUSDATA,
    TUGAS,
    RENCANA,
    SELESAI,
    INGATKAN,
    SEPAKAT,
    TANYA,
    BACA,
    MASUK,
    CATAT;

    public static final String RESOURCE = "texts/commands.yaml";

    /** The description of the menu entry named {@code indonesianName}, if the file has one. */
    public static Optional<MenuText> named(String indonesianName) {
        return Arrays.stream(values()).filter(text -> text.yamlKey().equals(indonesianName)).findFirst();
    }

    /** The description of a typed engine command. */
    public static MenuText of(Command command) {
        return named(command.names().get(0)).orElseThrow(() -> new IllegalStateException("/" + command.names().get(0)
                + " has no description for the \"/\" menu: add it to " + MenuText.class.getSimpleName() + " and "
                + RESOURCE));
    }

    /** The menu's texts, checked as a whole when read. */
    public static TextCatalog<MenuText> load() {
        return TextFiles.loadResource(MenuText.class, RESOURCE, TextFiles.Layout.of("Menu texts", "texts"));
    }
}
