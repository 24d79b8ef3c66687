package id.rembug.bot.telegram;

import id.rembug.dialogues.engine.Command;
import id.rembug.dialogues.flow.TextCatalog;
import id.rembug.dialogues.flow.TextFiles;
import id.rembug.dialogues.flow.TextKey;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The descriptions of the "/" menu, one per command, keyed by the command's Indonesian name. They
 * live in {@code texts/commands.yaml}, in every language a group can choose (a regional one too), so
 * a language's menu is added as data; {@link TelegramCommandsRegistrar} sends one per language.
 */
public enum MenuText implements TextKey {
    START("mulai"),
    CLAIM_FACILITATOR("fasilitator"),
    STATUS("status"),
    ADVANCE("lanjut"),
    REPEAT("ulang"),
    PAUSE("jeda"),
    RESUME("lanjutkan"),
    LANGUAGE("bahasa"),
    HELP("bantuan"),
    SUMMARY("ringkasan"),
    DELETE_MY_DATA("hapusdata"),
    TASK("tugas"),
    PLAN("rencana"),
    DONE("selesai"),
    REMIND("ingatkan"),
    AGREE("sepakat"),
    ASK("tanya"),
    READ("baca"),
    LOGIN("masuk"),
    RECORD("catat");

    public static final String RESOURCE = "texts/commands.yaml";

    private final String yamlKey;

    MenuText(String yamlKey) {
        this.yamlKey = yamlKey;
    }

    @Override
    public String yamlKey() {
        return yamlKey;
    }

    @Override
    public List<String> placeholders() {
        return List.of();
    }

    /** The description of the menu entry named {@code indonesianName}, if the file has one. */
    public static Optional<MenuText> named(String indonesianName) {
        return Arrays.stream(values()).filter(text -> text.yamlKey.equals(indonesianName)).findFirst();
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
