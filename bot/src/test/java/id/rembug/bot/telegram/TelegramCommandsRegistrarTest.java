package id.rembug.bot.telegram;

import id.rembug.bot.testsupport.FakeTelegram;
import com.fasterxml.jackson.databind.JsonNode;
import id.rembug.bot.dashboard.LoginCommand;
import id.rembug.bot.knowledge.KnowledgeHooks;
import id.rembug.bot.conversation.ConversationHook;
import id.rembug.dialogues.engine.Command;
import id.rembug.dialogues.flow.FlowLoader;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.Languages;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

import static id.rembug.bot.telegram.TelegramSamples.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

class TelegramCommandsRegistrarTest {

    private final FakeTelegram api = new FakeTelegram(TOKEN);
    private final TelegramApiClient client = new TelegramApiClient(
            new TelegramProperties(TOKEN, api.url(), null, null, null, null, null, Duration.ofSeconds(5), null));

    /** The commands the knowledge hooks and the dashboard's login declare, as the app collects them. */
    private static final List<ConversationHook.MenuCommand> HOOK_COMMANDS =
            java.util.stream.Stream.concat(KnowledgeHooks.MENU.stream(), LoginCommand.MENU.stream()).toList();
    /** The languages a group can choose, as the app reads them from messages.yaml. */
    private static final Languages LANGUAGES = FlowLoader.loadMessagesResource("flows/messages.yaml").languages();
    private final TelegramCommandsRegistrar registrar = new TelegramCommandsRegistrar(client, HOOK_COMMANDS,
            MenuText.load(), LANGUAGES);

    @AfterEach
    void tearDown() {
        client.close();
        api.close();
    }

    private static List<String> names(JsonNode setMyCommands) {
        return StreamSupport.stream(setMyCommands.get("commands").spliterator(), false)
                .map(command -> command.get("command").asText()).toList();
    }

    private static List<String> descriptions(JsonNode setMyCommands) {
        return StreamSupport.stream(setMyCommands.get("commands").spliterator(), false)
                .map(command -> command.get("description").asText()).toList();
    }

    @Test
    void registersTheIndonesianMenuAsDefaultAndOneForEachOtherLanguage() throws Exception {
        api.answerTrue("setMyCommands");

        registrar.register();

        List<JsonNode> calls = api.bodies("setMyCommands");
        assertThat(calls).hasSize(3);
        JsonNode byDefault = calls.get(0);
        JsonNode english = calls.get(1);
        assertThat(byDefault.has("language_code")).isFalse();
        assertThat(english.get("language_code").asText()).isEqualTo("en");
        assertThat(names(byDefault)).contains("mulai", "lanjut", "hapusdata", "tanya").doesNotContain("start", "ask");
        assertThat(names(english)).contains("start", "next", "deletemydata", "ask").doesNotContain("mulai", "tanya");
    }

    @Test
    void javaneseSpeakersGetTheMenuInJavaneseWithTheIndonesianNames() throws Exception {
        api.answerTrue("setMyCommands");

        registrar.register();

        JsonNode javanese = api.bodies("setMyCommands").get(2);
        assertThat(javanese.get("language_code").asText()).isEqualTo("jv");
        assertThat(names(javanese)).isEqualTo(names(api.bodies("setMyCommands").get(0)));
        assertThat(descriptions(javanese)).contains("Miwiti rembug ing grup iki", "Takon bab pendampingan masyarakat",
                "Nyathet patemon adhep-adhepan (pendamping, chat pribadi)");
        assertThat(descriptions(javanese)).doesNotContainAnyElementsOf(descriptions(api.bodies("setMyCommands").get(0)));
    }

    @Test
    void aLanguageDeclaredInTheTextFilesGetsAMenuWithoutJava() throws Exception {
        api.answerTrue("setMyCommands");
        Languages withSundanese = FlowLoader.parseMessages(new String(getClass().getClassLoader()
                        .getResourceAsStream("flows/messages.yaml").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("  jv: {name: \"Basa Jawa\"", "  su: {name: \"Basa Sunda\", words: [sunda], telegram: su}\n"
                                + "  jv: {name: \"Basa Jawa\""), "messages.yaml").languages();

        new TelegramCommandsRegistrar(client, HOOK_COMMANDS, MenuText.load(), withSundanese).register();

        List<JsonNode> calls = api.bodies("setMyCommands");
        JsonNode sundanese = calls.stream().filter(c -> c.path("language_code").asText().equals("su")).findFirst()
                .orElseThrow();
        // no Sundanese descriptions written yet: that menu reads the Indonesian ones
        assertThat(descriptions(sundanese)).isEqualTo(descriptions(calls.get(0)));
    }

    @Test
    void everyTypedCommandIsOfferedInBothLanguagesAndButtonOnlyOnesAreNot() {
        List<String> indonesian = registrar.commands(Language.ID).stream().map(c -> c.getCommand()).toList();
        List<String> english = registrar.commands(Language.EN).stream().map(c -> c.getCommand()).toList();
        List<Command> typed = Arrays.stream(Command.values()).filter(Command::isTyped).toList();

        // the commands the hooks declare (knowledge base, dashboard) come last
        assertThat(indonesian).hasSize(typed.size() + 4).endsWith("tanya", "baca", "masuk", "catat");
        assertThat(english).hasSize(typed.size() + 4).endsWith("ask", "read", "login", "record");
        for (int i = 0; i < typed.size(); i++) {
            assertThat(indonesian.get(i)).isEqualTo(typed.get(i).names().get(0));
            assertThat(typed.get(i).names()).contains(english.get(i));
            assertThat(Command.parse("/" + english.get(i)).orElseThrow().command()).isEqualTo(typed.get(i));
        }
    }

    @Test
    void menuEntriesFitTelegramsRules() {
        var all = new java.util.ArrayList<BotCommand>();
        LANGUAGES.codes().forEach(language -> all.addAll(registrar.commands(language)));
        assertThat(all).allSatisfy(command -> {
            assertThat(command.getCommand()).matches("[a-z0-9_]{1,32}");
            assertThat(command.getDescription().length()).isBetween(1, 256);
        });
    }
}
