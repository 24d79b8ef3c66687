package id.rembug.dialogues.engine;

import static org.assertj.core.api.Assertions.assertThat;

import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.FlowLoader;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Messages;
import id.rembug.dialogues.goal.RuleBasedGoalChecker;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A regional language is data: the stock files declare Javanese, and a group that switches to it
 * hears its prompts and the engine's messages in Javanese, with Bahasa Indonesia wherever a text
 * has no Javanese yet.
 */
class RegionalLanguageTest {

    private static final Language JAVANESE = Language.of("jv");

    private final Flow flow = FlowLoader.loadResource("flows/stock.yaml");
    private final Messages messages = FlowLoader.loadMessagesResource("flows/messages.yaml").addressing(flow);
    private final Engine engine = new Engine(flow, messages, new RuleBasedGoalChecker(), EngineSettings.defaults());
    private final Member ani = Member.of("ani", "Ani");
    private Instant clock = Instant.parse("2026-03-02T02:00:00Z");

    @Test
    void groupSwitchesToJavaneseWithBahasaJvAndGetsItsPromptsInJavanese() {
        Step switched = command(engine.newGroup("g"), Command.LANGUAGE, "jv");

        assertThat(switched.state().language()).isEqualTo(JAVANESE);
        assertThat(says(switched)).containsExactly(messages.get(MessageKey.LANGUAGE_SET, JAVANESE));
        assertThat(says(switched).get(0)).startsWith("Ya, wiwit saiki aku nganggo basa Jawa.");

        Step started = command(switched.state(), Command.START, "");

        assertThat(says(started)).contains(messages.get(MessageKey.FLOW_START, JAVANESE));
        assertThat(says(started)).anySatisfy(text -> assertThat(text).startsWith("📍 Langkah 1 · Kenalan"));
        assertThat(started.effects()).filteredOn(Effect.AskPrompt.class::isInstance).singleElement()
                .isInstanceOfSatisfying(Effect.AskPrompt.class, ask -> assertThat(ask.text())
                        .startsWith("Mangga kenalan: asma celukan, dalemé ing RT/dhusun endi, lan saben dinané sibuk apa.")
                        // the prompt takes voice notes, and says so in Javanese too
                        .contains("📎 Uga kena mbales nganggo pesen swara"));
    }

    @Test
    void theLanguagesOwnNameWorksAfterBahasaToo() {
        Step switched = command(engine.newGroup("g"), Command.LANGUAGE, "Jawa");

        assertThat(switched.state().language()).isEqualTo(JAVANESE);
    }

    @Test
    void textWithoutJavaneseIsShownInIndonesianNeverAsAKey() {
        GroupState javanese = command(engine.newGroup("g"), Command.LANGUAGE, "jv").state();

        Step help = command(javanese, Command.HELP, "");

        assertThat(messages.missingIn(JAVANESE)).contains(MessageKey.HELP);
        assertThat(says(help)).containsExactly(messages.get(MessageKey.HELP, Language.ID));
        assertThat(says(help).get(0)).startsWith("Perintah Rembug:").doesNotContain("help");
    }

    @Test
    void languageTheFilesDoNotDeclareIsRefusedWithTheOnesOnOffer() {
        Step refused = command(engine.newGroup("g"), Command.LANGUAGE, "su");

        assertThat(refused.state().language()).isEqualTo(Language.ID);
        assertThat(says(refused)).containsExactly("Pilih bahasa dengan /bahasa lalu kodenya: id, en, jv.");
    }

    @Test
    void aJavaneseGroupSurvivesTheJsonRoundTripAndOldStatesStillRead() {
        GroupState javanese = command(engine.newGroup("g"), Command.LANGUAGE, "jv").state();
        StateCodec codec = new StateCodec();

        String json = codec.write(javanese);

        assertThat(json).contains("\"language\":\"jv\"");
        assertThat(codec.readState(json)).isEqualTo(javanese);
        // states written while the language was an enum hold its name
        GroupState stored = codec.readState(codec.write(engine.newGroup("g")).replace("\"language\":\"id\"",
                "\"language\":\"EN\""));
        assertThat(stored.language()).isEqualTo(Language.EN);
    }

    private Step command(GroupState state, Command command, String argument) {
        clock = clock.plusSeconds(60);
        return engine.step(state, new Event.CommandIssued(clock, ani, "m" + clock.getEpochSecond(), command, argument));
    }

    private static List<String> says(Step step) {
        return step.effects().stream().filter(Effect.Say.class::isInstance).map(e -> ((Effect.Say) e).text()).toList();
    }
}
