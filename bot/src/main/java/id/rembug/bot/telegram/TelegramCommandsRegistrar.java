package id.rembug.bot.telegram;

import id.rembug.bot.conversation.ConversationHook.MenuCommand;
import id.rembug.dialogues.engine.Command;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.Languages;
import id.rembug.dialogues.flow.TextCatalog;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells Telegram which commands to offer in the "/" menu: the Indonesian list as the default (what
 * everyone sees, Indonesian speakers included), then one list per other language a group can choose
 * ({@code languages:} in messages.yaml, each with its Telegram language code), for people whose
 * Telegram is set to it. The descriptions come from {@code texts/commands.yaml} ({@link MenuText}),
 * so a language's menu is added as data. The names are the Indonesian ones, except in English, which
 * has its aliases; the engine accepts both names either way. After the engine's commands come those
 * the conversation hooks declare ({@code /tanya}, {@code /masuk}...), so a feature adds its command
 * to the menu where it answers it.
 */
public final class TelegramCommandsRegistrar {

    private final TelegramClient client;
    private final List<MenuCommand> hookCommands;
    private final TextCatalog<MenuText> texts;
    private final Languages languages;

    public TelegramCommandsRegistrar(TelegramClient client, List<MenuCommand> hookCommands,
                                     TextCatalog<MenuText> texts, Languages languages) {
        this.client = client;
        this.hookCommands = List.copyOf(hookCommands);
        this.texts = texts;
        this.languages = languages;
    }

    /** One setMyCommands call per language: the default list (Indonesian), then each other one. */
    public void register() throws TelegramApiException {
        client.execute(SetMyCommands.builder().commands(commands(Language.ID)).build());
        for (Languages.Spoken spoken : languages.all()) {
            if (!spoken.language().equals(Language.ID) && spoken.telegramCode() != null) {
                client.execute(SetMyCommands.builder().commands(commands(spoken.language()))
                        .languageCode(spoken.telegramCode()).build());
            }
        }
    }

    /** The menu for people whose Telegram is in {@code language}. */
    public List<BotCommand> commands(Language language) {
        boolean english = language.equals(Language.EN);
        List<BotCommand> commands = new ArrayList<>();
        for (Command command : Command.values()) {
            if (command.isTyped() && command != Command.UNKNOWN) {
                // The first alias is the English name; a command with none is called the same in both.
                String name = english && command.names().size() > 1 ? command.names().get(1) : command.names().get(0);
                commands.add(new BotCommand(name, texts.get(MenuText.of(command), language)));
            }
        }
        for (MenuCommand command : hookCommands) {
            String description = MenuText.named(command.name()).map(text -> texts.get(text, language))
                    .orElse(english ? command.englishDescription() : command.description());
            commands.add(new BotCommand(english ? command.englishName() : command.name(), description));
        }
        commands.add(new BotCommand(english ? "record" : "catat", texts.get(MenuText.CATAT, language)));
        return commands;
    }
}
