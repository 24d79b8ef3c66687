package id.rembug.dialogues.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowLoaderTest {

    /** A valid one-stage flow; each problem test breaks exactly one thing in it. */
    private static final String VALID = """
            id: bad-flow
            title: {id: "Judul", en: "Title"}
            phases:
              - key: dialog
                title: {id: "Dialog", en: "Dialogue"}
                stages:
                  - key: kenal
                    title: {id: "Kenal", en: "Meet"}
                    purpose: {id: "Tujuan tahap.", en: "Stage purpose."}
                    intro: {id: "Pembuka.", en: "Opening."}
                    closing: {id: "Penutup.", en: "Closing."}
                    prompts:
                      - key: nama
                        kind: text
                        text: {id: "Siapa nama Anda?", en: "What is your name?"}
                      - key: peran
                        kind: choice
                        text: {id: "Apa peran Anda?", en: "What is your role?"}
                        choices:
                          - key: warga
                            label: {id: "Warga", en: "Resident"}
                          - key: pengurus
                            label: {id: "Pengurus", en: "Board"}
            """;

    private static final String NAME_TEXT = "            text: {id: \"Siapa nama Anda?\", en: \"What is your name?\"}\n";

    private static final String SECOND_PHASE = """
              - key: penemuan
                title: {id: "Penemuan", en: "Discovery"}
                stages:
                  - key: kenal
                    title: {id: "Kenal lagi", en: "Meet again"}
                    purpose: {id: "Tujuan.", en: "Purpose."}
                    intro: {id: "Pembuka.", en: "Opening."}
                    closing: {id: "Penutup.", en: "Closing."}
                    prompts:
                      - key: lagi
                        kind: scale
                        text: {id: "Seberapa?", en: "How much?"}
            """;

    // --- happy paths -------------------------------------------------------------------------

    @Test
    void validFlowBuildsPhasesStagesPromptsAndChoices() {
        Flow flow = FlowLoader.parse(VALID, "good.yaml");

        assertThat(flow.id()).isEqualTo("bad-flow");
        assertThat(flow.source()).isEqualTo("good.yaml");
        assertThat(flow.title()).isEqualTo(new Text("Judul", "Title"));
        Stage stage = flow.stage("kenal").orElseThrow();
        assertThat(stage.phaseKey()).isEqualTo("dialog");
        assertThat(stage.prompts()).extracting(Prompt::kind).containsExactly(PromptKind.TEXT, PromptKind.CHOICE);
        assertThat(stage.prompt("peran").orElseThrow().choices())
                .containsExactly(new Choice("warga", new Text("Warga", "Resident")),
                        new Choice("pengurus", new Text("Pengurus", "Board")));
        assertThat(stage.prompt("nama").orElseThrow().choices()).isEmpty();
    }

    @Test
    void stageWithoutQuorumTakesThreeWhenTheFlowSetsNoDefault() {
        assertThat(FlowLoader.parse(VALID, "good.yaml").stage(0).quorum()).isEqualTo(FlowLoader.DEFAULT_QUORUM);
    }

    @Test
    void stageWithoutQuorumTakesTheFlowDefaultQuorum() {
        String yaml = VALID.replace("phases:\n", "default-quorum: 7\nphases:\n");

        assertThat(FlowLoader.parse(yaml, "good.yaml").stage(0).quorum()).isEqualTo(7);
    }

    @Test
    void stageQuorumOverridesTheFlowDefault() {
        String yaml = VALID.replace("phases:\n", "default-quorum: 7\nphases:\n")
                .replace("        prompts:\n", "        quorum: 4\n        prompts:\n");

        assertThat(FlowLoader.parse(yaml, "good.yaml").stage(0).quorum()).isEqualTo(4);
    }

    @Test
    void stageWithoutAutoAdvanceAnywhereInheritsTheEngineSetting() {
        Flow flow = FlowLoader.parse(VALID, "good.yaml");

        assertThat(flow.phases().get(0).autoAdvance()).isEqualTo(AutoAdvance.INHERIT);
        assertThat(flow.stage(0).autoAdvance()).isEqualTo(AutoAdvance.INHERIT);
    }

    @Test
    void phaseAutoAdvanceIsTheDefaultOfItsStages() {
        String yaml = withPhaseAutoAdvance("never") + SECOND_PHASE.replace("key: kenal", "key: lain");

        Flow flow = FlowLoader.parse(yaml, "good.yaml");

        assertThat(flow.phases().get(0).autoAdvance()).isEqualTo(AutoAdvance.NEVER);
        assertThat(flow.stage("kenal").orElseThrow().autoAdvance()).isEqualTo(AutoAdvance.NEVER);
        assertThat(flow.stage("lain").orElseThrow().autoAdvance())
                .as("a stage of another phase").isEqualTo(AutoAdvance.INHERIT);
    }

    @Test
    void stageAutoAdvanceOverridesThePhase() {
        String yaml = withPhaseAutoAdvance("never")
                .replace("        prompts:\n", "        auto_advance: 12h\n        prompts:\n");

        Flow flow = FlowLoader.parse(yaml, "good.yaml");

        assertThat(flow.phases().get(0).autoAdvance()).isEqualTo(AutoAdvance.NEVER);
        assertThat(flow.stage(0).autoAdvance()).isEqualTo(AutoAdvance.after(Duration.ofHours(12)));
    }

    @Test
    void autoAdvanceIsWrittenInMinutesHoursDaysOrWeeks() {
        Map<String, Duration> waits = Map.of("30m", Duration.ofMinutes(30), "12h", Duration.ofHours(12),
                "1d", Duration.ofDays(1), "2d", Duration.ofDays(2), "1w", Duration.ofDays(7));

        waits.forEach((written, wait) -> assertThat(
                FlowLoader.parse(withStageAutoAdvance(written), "good.yaml").stage(0).autoAdvance())
                .as(written).isEqualTo(AutoAdvance.after(wait)));
    }

    @Test
    void stockFlowWaitsForTheFacilitatorInTheDevelopmentPhaseOnly() {
        Flow flow = FlowLoader.loadResource("flows/stock.yaml");

        assertThat(flow.stages()).allSatisfy(stage -> assertThat(stage.autoAdvance()).as(stage.key())
                .isEqualTo(stage.phaseKey().equals("pengembangan") ? AutoAdvance.NEVER : AutoAdvance.INHERIT));
        assertThat(flow.phase("pengembangan").orElseThrow().stages()).hasSize(7);
    }

    @Test
    void miniFlowLoadsFromTheClasspathWithEveryPromptKind() {
        Flow flow = FlowLoader.loadResource("flows/mini.yaml");

        assertThat(flow.id()).isEqualTo("mini");
        assertThat(flow.source()).isEqualTo("classpath:flows/mini.yaml");
        assertThat(flow.phases()).extracting(Phase::key).containsExactly("dialog", "penemuan");
        assertThat(flow.stages()).extracting(Stage::key).containsExactly("kenal", "tujuan", "nilai");
        assertThat(flow.stages()).extracting(Stage::phaseKey).containsExactly("dialog", "dialog", "penemuan");
        assertThat(flow.stages()).extracting(Stage::quorum).containsOnly(2);
        assertThat(flow.stages().stream().flatMap(s -> s.prompts().stream()).map(Prompt::kind))
                .containsExactlyInAnyOrder(PromptKind.values());
    }

    @Test
    void flowLoadedFromAFileNamesThatFileAsItsSource(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mini.yaml");
        Files.writeString(file, resource("flows/mini.yaml"));

        Flow flow = FlowLoader.load(file);

        assertThat(flow.source()).isEqualTo(file.toString());
        assertThat(flow.stageCount()).isEqualTo(3);
    }

    @Test
    void byteOrderMarkFromWindowsEditorsIsIgnored(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bom.yaml");
        Files.writeString(file, "\uFEFF" + VALID);

        assertThat(FlowLoader.load(file).id()).isEqualTo("bad-flow");
    }

    // --- one test per problem kind -----------------------------------------------------------

    @Test
    void privatePromptIsMarkedAndShownWithoutNamesUnlessTheFlowSaysSo() {
        Flow flow = FlowLoader.parse(VALID.replace("            kind: text\n",
                "            kind: text\n            private: true\n"), "private.yaml");
        Prompt name = flow.stage(0).prompts().get(0);
        assertThat(name.privately()).isTrue();
        assertThat(name.anonymous()).isTrue();
        assertThat(flow.stage(0).prompts().get(1).privately()).isFalse();

        Flow named = FlowLoader.parse(VALID.replace("            kind: text\n",
                "            kind: text\n            private: true\n            show_names: true\n"), "named.yaml");
        assertThat(named.stage(0).prompts().get(0).anonymous()).isFalse();
    }

    @Test
    void privateIsOnlyForQuestionsAnsweredInWords() {
        String yaml = VALID.replace("            kind: choice\n", "            kind: choice\n            private: true\n");

        assertProblem(yaml, lineOf(yaml, "private: true"), "phases[0].stages[0].prompts[1].private",
                "found private on a choice prompt, expected private only on a text or list prompt");
    }

    @Test
    void privateThatIsNotTrueOrFalseIsReported() {
        String yaml = VALID.replace("            kind: text\n", "            kind: text\n            private: ya\n");

        assertProblem(yaml, lineOf(yaml, "private: ya"), "phases[0].stages[0].prompts[0].private",
                "found 'ya', expected true (asked in each member's private chat with the bot) or false");
    }

    @Test
    void showNamesWithoutPrivateIsReported() {
        String yaml = VALID.replace("            kind: text\n", "            kind: text\n            show_names: true\n");

        assertProblem(yaml, lineOf(yaml, "show_names: true"), "phases[0].stages[0].prompts[0].show_names",
                "found show_names on a question asked in the group, expected show_names only beside private: true");
    }

    @Test
    void aPromptMayNotQuoteAPrivateAnswerToTheGroup() {
        String yaml = VALID.replace("            kind: text\n", "            kind: text\n            private: true\n")
                .replace("text: {id: \"Apa peran Anda?\", en: \"What is your role?\"}",
                        "text: {id: \"Kata kalian: {kenal.nama}. Apa peran Anda?\", en: \"You said: {kenal.nama}. Your role?\"}");

        assertProblem(yaml, lineOf(yaml, "{kenal.nama}"), "phases[0].stages[0].prompts[1].text",
                "found {kenal.nama}, a private question, expected a question answered in the group");
    }

    @Test
    void unknownPromptKindIsReportedWithTheAllowedKinds() {
        String yaml = VALID.replace("kind: choice", "kind: choise");

        assertProblem(yaml, lineOf(yaml, "kind: choise"), "phases[0].stages[0].prompts[1].kind",
                "found 'choise', expected one of text, choice, list, goal, scale");
    }

    @Test
    void missingPromptKindIsReportedAtThePrompt() {
        String yaml = VALID.replace("            kind: text\n", "");

        assertProblem(yaml, lineOf(yaml, "key: nama"), "phases[0].stages[0].prompts[0].kind",
                "found nothing, expected one of text, choice");
    }

    @Test
    void missingEnglishTextIsReportedAtItsTextMapping() {
        String yaml = VALID.replace("intro: {id: \"Pembuka.\", en: \"Opening.\"}", "intro: {id: \"Pembuka.\"}");

        assertProblem(yaml, lineOf(yaml, "intro:"), "phases[0].stages[0].intro.en",
                "found nothing, expected an English text");
    }

    @Test
    void blankTextIsReported() {
        String yaml = VALID.replace("closing: {id: \"Penutup.\"", "closing: {id: \"   \"");

        assertProblem(yaml, lineOf(yaml, "closing:"), "phases[0].stages[0].closing.id",
                "found a blank text, expected an Indonesian text");
    }

    @Test
    void emptyTextValueIsReported() {
        String yaml = VALID.replace("purpose: {id: \"Tujuan tahap.\", en: \"Stage purpose.\"}",
                "purpose:\n          id: Tujuan\n          en:\n");

        assertProblem(yaml, lineOf(yaml, "en:\n"), "phases[0].stages[0].purpose.en",
                "found nothing, expected an English text");
    }

    @Test
    void somethingThatIsNoLanguageCodeInATextIsReported() {
        String yaml = VALID.replace("title: {id: \"Kenal\", en: \"Meet\"}",
                "title: {id: \"Kenal\", en: \"Meet\", jawa: \"Tepangan\"}");

        assertProblem(yaml, lineOf(yaml, "jawa:"), "phases[0].stages[0].title.jawa",
                "found an unknown language 'jawa', expected a language code: id (Bahasa Indonesia), en (English), or a regional one like jv");
    }

    @Test
    void regionalLanguageInATextLoadsBesideIndonesianAndEnglish() {
        String yaml = VALID.replace("title: {id: \"Kenal\", en: \"Meet\"}",
                "title: {id: \"Kenal\", en: \"Meet\", jv: \"Tepangan\"}");

        Text title = FlowLoader.parse(yaml, "ok.yaml").stage(0).title();

        assertThat(title.in(Language.of("jv"))).isEqualTo("Tepangan");
        assertThat(title.in(Language.of("su"))).isEqualTo("Kenal");
    }

    @Test
    void stageKeyUsedTwiceAcrossPhasesIsReportedAtTheSecondUse() {
        String yaml = VALID + SECOND_PHASE;

        assertProblem(yaml, lineOf(yaml, "key: kenal", 2), "phases[1].stages[0].key",
                "found 'kenal' again (first used on line " + lineOf(yaml, "key: kenal") + ")");
    }

    @Test
    void phaseKeyUsedTwiceIsReported() {
        String yaml = VALID + SECOND_PHASE.replace("key: penemuan", "key: dialog").replace("key: kenal", "key: lain");

        assertProblem(yaml, lineOf(yaml, "key: dialog", 2), "phases[1].key",
                "found 'dialog' again (first used on line " + lineOf(yaml, "key: dialog")
                        + "), expected a phase key used by no other phase");
    }

    @Test
    void promptKeyUsedTwiceInAStageIsReported() {
        String yaml = VALID.replace("key: peran", "key: nama");

        assertProblem(yaml, lineOf(yaml, "key: nama", 2), "phases[0].stages[0].prompts[1].key",
                "found 'nama' again (first used on line " + lineOf(yaml, "key: nama")
                        + "), expected a prompt key used by no other prompt in this stage");
    }

    @Test
    void choiceKeyUsedTwiceInAPromptIsReported() {
        String yaml = VALID.replace("key: pengurus", "key: warga");

        assertProblem(yaml, lineOf(yaml, "key: warga", 2), "phases[0].stages[0].prompts[1].choices[1].key",
                "found 'warga' again");
    }

    @Test
    void samePromptKeyInDifferentStagesIsFine() {
        String yaml = VALID + SECOND_PHASE.replace("key: kenal", "key: lain").replace("key: lagi", "key: nama");

        assertThat(FlowLoader.parse(yaml, "good.yaml").stage("lain").orElseThrow().prompt("nama")).isPresent();
    }

    @Test
    void quorumBelowOneIsReported() {
        String yaml = withStageQuorum("0");

        assertProblem(yaml, lineOf(yaml, "quorum: 0"), "phases[0].stages[0].quorum",
                "found '0', expected a whole number from 1 to 50");
    }

    @Test
    void quorumAboveFiftyIsReported() {
        String yaml = withStageQuorum("51");

        assertProblem(yaml, lineOf(yaml, "quorum: 51"), "phases[0].stages[0].quorum",
                "found '51', expected a whole number from 1 to 50");
    }

    @Test
    void quorumThatIsNotAWholeNumberIsReported() {
        String yaml = withStageQuorum("tiga");

        assertProblem(yaml, lineOf(yaml, "quorum: tiga"), "phases[0].stages[0].quorum",
                "found 'tiga', expected a whole number from 1 to 50");
    }

    @Test
    void hugeQuorumIsReportedNotOverflowed() {
        String yaml = withStageQuorum("99999999999999");

        assertProblem(yaml, lineOf(yaml, "quorum: 9"), "phases[0].stages[0].quorum", "found '99999999999999'");
    }

    @Test
    void defaultQuorumOutOfRangeIsReported() {
        String yaml = VALID.replace("phases:\n", "default-quorum: 2.5\nphases:\n");

        assertProblem(yaml, lineOf(yaml, "default-quorum"), "default-quorum",
                "found '2.5', expected a whole number from 1 to 50");
    }

    @Test
    void autoAdvanceThatIsNoWaitIsReportedWithTheFormsItTakes() {
        String yaml = withStageAutoAdvance("soon");

        assertProblem(yaml, lineOf(yaml, "auto_advance: soon"), "phases[0].stages[0].auto_advance",
                "found 'soon', expected never, or a wait in minutes, hours, days or weeks like 30m, 12h, 1d, 1w");
    }

    @Test
    void autoAdvanceWithAnUnknownUnitIsReported() {
        String yaml = withStageAutoAdvance("1y");

        assertProblem(yaml, lineOf(yaml, "auto_advance: 1y"), "phases[0].stages[0].auto_advance",
                "found '1y', expected never, or a wait in minutes, hours, days or weeks");
    }

    @Test
    void negativeAutoAdvanceIsReportedWithHowToWaitForever() {
        String yaml = withStageAutoAdvance("-1d");

        assertProblem(yaml, lineOf(yaml, "auto_advance: -1d"), "phases[0].stages[0].auto_advance",
                "found '-1d', expected a wait longer than zero like 30m or 1d, or never to wait for the"
                        + " facilitator however long it takes");
    }

    @Test
    void zeroAutoAdvanceIsReportedWithHowToWaitForever() {
        String yaml = withStageAutoAdvance("0m");

        assertProblem(yaml, lineOf(yaml, "auto_advance: 0m"), "phases[0].stages[0].auto_advance",
                "found '0m', expected a wait longer than zero like 30m or 1d, or never");
    }

    @Test
    void hugeAutoAdvanceIsReportedNotOverflowed() {
        String yaml = withStageAutoAdvance("99999999999999d");

        assertProblem(yaml, lineOf(yaml, "auto_advance: 9"), "phases[0].stages[0].auto_advance",
                "found '99999999999999d', expected never, or a wait");
    }

    @Test
    void emptyAutoAdvanceIsReported() {
        String yaml = withStageAutoAdvance("");

        assertProblem(yaml, lineOf(yaml, "auto_advance:"), "phases[0].stages[0].auto_advance",
                "found nothing, expected never, or a wait");
    }

    @Test
    void autoAdvanceWrittenAsAListIsReported() {
        String yaml = withStageAutoAdvance("[1d, never]");

        assertProblem(yaml, lineOf(yaml, "auto_advance: ["), "phases[0].stages[0].auto_advance",
                "found a list, expected never, or a wait");
    }

    @Test
    void badPhaseAutoAdvanceIsReportedAtThePhase() {
        String yaml = withPhaseAutoAdvance("selamanya");

        assertProblem(yaml, lineOf(yaml, "auto_advance: selamanya"), "phases[0].auto_advance",
                "found 'selamanya', expected never, or a wait");
    }

    @Test
    void choicesOnATextPromptAreReported() {
        String yaml = VALID.replace("            kind: text\n", "            kind: text\n"
                + "            choices:\n"
                + "              - key: ya\n"
                + "                label: {id: \"Ya\", en: \"Yes\"}\n");

        assertProblem(yaml, lineOf(yaml, "- key: ya"), "phases[0].stages[0].prompts[0].choices",
                "found choices on a text prompt, expected no choices: only a prompt of kind choice has buttons");
    }

    @Test
    void choicePromptWithOneChoiceIsReported() {
        String yaml = VALID.substring(0, VALID.indexOf("              - key: pengurus"));

        assertProblem(yaml, lineOf(yaml, "- key: warga"), "phases[0].stages[0].prompts[1].choices",
                "found 1 choice, expected 2 to 6 choices");
    }

    @Test
    void choicePromptWithSevenChoicesIsReported() {
        StringBuilder choices = new StringBuilder();
        for (int i = 1; i <= 7; i++) {
            choices.append("              - key: c").append(i).append('\n')
                    .append("                label: {id: \"P").append(i).append("\", en: \"C").append(i).append("\"}\n");
        }
        String yaml = VALID.substring(0, VALID.indexOf("              - key: warga")) + choices;

        assertProblem(yaml, lineOf(yaml, "- key: c1"), "phases[0].stages[0].prompts[1].choices",
                "found 7 choices, expected 2 to 6 choices");
    }

    @Test
    void choicePromptWithoutChoicesIsReportedAtThePrompt() {
        String yaml = VALID.substring(0, VALID.indexOf("            choices:"));

        assertProblem(yaml, lineOf(yaml, "key: peran"), "phases[0].stages[0].prompts[1].choices",
                "found nothing, expected 2 to 6 choices for a choice prompt");
    }

    @Test
    void aTextPromptSaysWhichMediaItAccepts() {
        String yaml = VALID.replace(NAME_TEXT, NAME_TEXT + "            accepts: [voice, photo]\n");

        Prompt prompt = FlowLoader.parse(yaml, "flow.yaml").stage("kenal").orElseThrow().prompt("nama").orElseThrow();

        assertThat(prompt.accepts()).containsExactly(MediaKind.PHOTO, MediaKind.VOICE);
    }

    @Test
    void anUnknownMediaKindIsReportedWithTheKindsThereAre() {
        String yaml = VALID.replace(NAME_TEXT, NAME_TEXT + "            accepts: [voice, sticker]\n");

        assertProblem(yaml, lineOf(yaml, "accepts:"), "phases[0].stages[0].prompts[0].accepts[1]",
                "found 'sticker', expected one of photo, voice, video-note, video, audio, document, location");
    }

    @Test
    void mediaOnAChoicePromptIsReported() {
        String yaml = VALID.replace("            choices:\n", "            accepts: [photo]\n            choices:\n");

        assertProblem(yaml, lineOf(yaml, "accepts:"), "phases[0].stages[0].prompts[1].accepts",
                "found accepts on a choice prompt, expected no accepts: only text and list prompts take photos,"
                        + " voice notes or places");
    }

    @Test
    void sevenPromptsInAStageAreTooMany() {
        StringBuilder prompts = new StringBuilder();
        for (int i = 1; i <= 7; i++) {
            prompts.append("          - key: p").append(i).append('\n')
                    .append("            kind: list\n")
                    .append("            text: {id: \"Tanya ").append(i).append("\", en: \"Ask ").append(i).append("\"}\n");
        }
        String yaml = VALID.substring(0, VALID.indexOf("          - key: nama")) + prompts;

        assertProblem(yaml, lineOf(yaml, "- key: p1"), "phases[0].stages[0].prompts",
                "found 7 prompts, expected 1 to 6 prompts");
    }

    @Test
    void stageWithNoPromptsIsReported() {
        String yaml = VALID.substring(0, VALID.indexOf("        prompts:")) + "        prompts: []\n";

        assertProblem(yaml, lineOf(yaml, "prompts: []"), "phases[0].stages[0].prompts",
                "found an empty list, expected 1 to 6 prompts");
    }

    @Test
    void introLongerThanFourHundredCharactersIsReported() {
        String yaml = VALID.replace("intro: {id: \"Pembuka.\"", "intro: {id: \"" + "a".repeat(401) + "\"");

        assertProblem(yaml, lineOf(yaml, "intro:"), "phases[0].stages[0].intro.id",
                "found a text of 401 characters, expected at most 400 characters");
    }

    @Test
    void introOfExactlyFourHundredCharactersIsAccepted() {
        String yaml = VALID.replace("intro: {id: \"Pembuka.\"", "intro: {id: \"" + "a".repeat(400) + "\"");

        assertThat(FlowLoader.parse(yaml, "good.yaml").stage(0).intro().id()).hasSize(400);
    }

    @Test
    void choiceLabelTooLongForATelegramButtonIsReported() {
        String yaml = VALID.replace("en: \"Resident\"", "en: \"" + "r".repeat(33) + "\"");

        assertProblem(yaml, lineOf(yaml, "rrr"), "phases[0].stages[0].prompts[1].choices[0].label.en",
                "found a text of 33 characters, expected at most 32 characters");
    }

    @Test
    void lengthCountsCharactersNotBytes() {
        // 300 two-byte characters are 600 bytes but still a 300-character purpose.
        String yaml = VALID.replace("purpose: {id: \"Tujuan tahap.\"", "purpose: {id: \"" + "é".repeat(300) + "\"");

        assertThat(FlowLoader.parse(yaml, "good.yaml").stage(0).purpose().id()).hasSize(300);
    }

    @Test
    void stageKeyWithCapitalsIsReportedWithTheKeyRule() {
        String yaml = VALID.replace("key: kenal", "key: Kenal");

        assertProblem(yaml, lineOf(yaml, "key: Kenal"), "phases[0].stages[0].key",
                "found 'Kenal', expected a key of lowercase letters, digits and dashes, starting with a letter,"
                        + " at most 20 characters");
    }

    @Test
    void keyLongerThanTwentyCharactersIsReported() {
        String yaml = VALID.replace("key: warga", "key: warga-yang-tinggal-di-rt");

        assertProblem(yaml, lineOf(yaml, "warga-yang"), "phases[0].stages[0].prompts[1].choices[0].key",
                "found 'warga-yang-tinggal-di-rt', expected a key of lowercase letters");
    }

    @Test
    void flowIdWithSpacesIsReported() {
        String yaml = VALID.replace("id: bad-flow", "id: rembug stok");

        assertProblem(yaml, 1, "id", "found 'rembug stok', expected an id of lowercase letters");
    }

    @Test
    void misspelledFieldIsReportedWithTheAllowedFields() {
        String yaml = VALID.replace("        prompts:\n", "        qourum: 3\n        prompts:\n");

        assertProblem(yaml, lineOf(yaml, "qourum"), "phases[0].stages[0].qourum",
                "found an unknown field 'qourum', expected one of key, title, method_name, purpose, intro, closing, quorum,"
                        + " auto_advance, prompts");
    }

    @Test
    void fieldWrittenTwiceIsReported() {
        String yaml = VALID.replace("        prompts:\n", "        title: {id: \"Lagi\", en: \"Again\"}\n        prompts:\n");

        assertProblem(yaml, lineOf(yaml, "title: {id: \"Lagi\""), "phases[0].stages[0].title",
                "found a second 'title' (the first is on line " + lineOf(yaml, "title: {id: \"Kenal\"") + ")");
    }

    @Test
    void missingRequiredFieldIsReportedAtItsParentMapping() {
        String yaml = VALID.replace("        closing: {id: \"Penutup.\", en: \"Closing.\"}\n", "");

        assertProblem(yaml, lineOf(yaml, "key: kenal"), "phases[0].stages[0].closing",
                "found nothing, expected a text in Indonesian and English (and any regional language)");
    }

    @Test
    void listWhereAMappingIsExpectedIsReported() {
        String yaml = VALID.replace("title: {id: \"Dialog\", en: \"Dialogue\"}", "title: [Dialog, Dialogue]");

        assertProblem(yaml, lineOf(yaml, "[Dialog"), "phases[0].title",
                "found a list, expected a text in Indonesian and English, like {id: \"...\", en: \"...\"}");
    }

    @Test
    void plainStringWhereATextIsExpectedIsReported() {
        String yaml = VALID.replace("text: {id: \"Siapa nama Anda?\", en: \"What is your name?\"}",
                "text: Siapa nama Anda?");

        assertProblem(yaml, lineOf(yaml, "text: Siapa"), "phases[0].stages[0].prompts[0].text",
                "found 'Siapa nama Anda?', expected a text in Indonesian and English");
    }

    @Test
    void mappingWhereAListIsExpectedIsReported() {
        String yaml = VALID.substring(0, VALID.indexOf("    stages:")) + "    stages: {key: kenal}\n";

        assertProblem(yaml, lineOf(yaml, "stages:"), "phases[0].stages", "found a mapping, expected a list of stages");
    }

    @Test
    void listAsTheWholeDocumentIsReported() {
        String yaml = "- key: dialog\n- key: penemuan\n";

        assertProblem(yaml, 1, "", "found a list, expected a flow: a mapping with id, title, address, default-quorum, phases");
    }

    @Test
    void emptyPhasesAreReported() {
        String yaml = VALID.substring(0, VALID.indexOf("phases:")) + "phases: []\n";

        assertProblem(yaml, lineOf(yaml, "phases: []"), "phases", "found an empty list, expected at least one phase");
    }

    @Test
    void missingPhasesAreReported() {
        String yaml = VALID.substring(0, VALID.indexOf("phases:"));

        assertProblem(yaml, 1, "phases", "found nothing, expected a list of phases");
    }

    @Test
    void phaseWithNoStagesIsReported() {
        String yaml = VALID.substring(0, VALID.indexOf("    stages:")) + "    stages: []\n";

        assertProblem(yaml, lineOf(yaml, "stages: []"), "phases[0].stages",
                "found an empty list, expected at least one stage");
    }

    @Test
    void emptyFileIsReported() {
        assertProblem("# nothing yet\n", 1, "", "found an empty file, expected a flow with id, title");
    }

    @Test
    void yamlSyntaxErrorBecomesOneProblemWithItsLine() {
        String yaml = VALID.replace("kind: text", "kind: text: oops");

        FlowLoadException e = catchThrowableOfType(() -> FlowLoader.parse(yaml, "bad.yaml"), FlowLoadException.class);

        assertThat(e.problems()).hasSize(1);
        assertThat(e.getMessage())
                .contains("bad.yaml:" + lineOf(yaml, "oops") + ":")
                .contains("found broken YAML (mapping values are not allowed here)")
                .contains("check the indentation");
    }

    @Test
    void tabIndentationIsReportedAsASyntaxError() {
        String yaml = VALID.replace("    title: {id: \"Dialog\"", "\ttitle: {id: \"Dialog\"");

        assertThatThrownBy(() -> FlowLoader.parse(yaml, "bad.yaml"))
                .isInstanceOf(FlowLoadException.class)
                .hasMessageContaining("bad.yaml:" + lineOf(yaml, "\ttitle") + ":")
                .hasMessageContaining("broken YAML");
    }

    @Test
    void missingFileIsReportedWithItsFullPath(@TempDir Path dir) {
        Path missing = dir.resolve("flows").resolve("stok.yaml");

        assertThatThrownBy(() -> FlowLoader.load(missing))
                .isInstanceOf(FlowLoadException.class)
                .hasMessageStartingWith("Flow file " + missing + " has 1 problem; fix it and start again:")
                .hasMessageContaining("found no such file, expected a YAML file at " + missing.toAbsolutePath());
    }

    @Test
    void missingClasspathResourceIsReported() {
        assertThatThrownBy(() -> FlowLoader.loadResource("flows/nope.yaml"))
                .isInstanceOf(FlowLoadException.class)
                .hasMessageContaining("classpath:flows/nope.yaml: found no such resource");
    }

    @Test
    void fileThatIsNotUtf8IsReported(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, VALID.replace("Judul", "Judul café").getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> FlowLoader.load(file))
                .isInstanceOf(FlowLoadException.class)
                .hasMessageContaining("found bytes that are not UTF-8, expected a file saved as UTF-8");
    }

    // --- many problems at once ---------------------------------------------------------------

    @Test
    void everyProblemIsReportedAtOnceInLineOrder() {
        String yaml = VALID + SECOND_PHASE;
        String broken = yaml.replace("kind: choice", "kind: choise")
                .replace("        prompts:\n", "        qourum: 3\n        prompts:\n")
                .replace("intro: {id: \"Pembuka.\", en: \"Opening.\"}", "intro: {id: \"Pembuka.\"}");

        FlowLoadException e = catchThrowableOfType(() -> FlowLoader.parse(broken, "stock.yaml"),
                FlowLoadException.class);

        // two qourum typos, two intros without English, one unknown kind, one repeated stage key
        assertThat(e.problems()).hasSize(6);
        assertThat(e.problems()).extracting(FlowProblem::line).isSorted();
        assertThat(e.getMessage()).startsWith("Flow file stock.yaml has 6 problems; fix them and start again:\n");
        assertThat(e.getMessage().lines().skip(1)).hasSize(6).allMatch(line -> line.startsWith("  stock.yaml:"));
        assertThat(e.getMessage())
                .contains("phases[0].stages[0].qourum")
                .contains("phases[1].stages[0].qourum")
                .contains("phases[0].stages[0].intro.en")
                .contains("phases[1].stages[0].intro.en")
                .contains("phases[0].stages[0].prompts[1].kind")
                .contains("phases[1].stages[0].key");
    }

    @Test
    void problemCarriesSourceLineFieldFoundAndExpectedSeparately() {
        String yaml = VALID.replace("kind: choice", "kind: choise");

        FlowLoadException e = catchThrowableOfType(() -> FlowLoader.parse(yaml, "bad.yaml"), FlowLoadException.class);

        assertThat(e.problems()).containsExactly(new FlowProblem("bad.yaml", lineOf(yaml, "choise"),
                "phases[0].stages[0].prompts[1].kind", "'choise'", "one of " + PromptKind.allowedNames()));
    }

    // --- helpers -----------------------------------------------------------------------------

    private static String withStageAutoAdvance(String value) {
        return VALID.replace("        prompts:\n", "        auto_advance: " + value + "\n        prompts:\n");
    }

    private static String withPhaseAutoAdvance(String value) {
        return VALID.replace("    stages:\n", "    auto_advance: " + value + "\n    stages:\n");
    }

    private static String withStageQuorum(String quorum) {
        return VALID.replace("        prompts:\n", "        quorum: " + quorum + "\n        prompts:\n");
    }

    private static void assertProblem(String yaml, int line, String field, String text) {
        assertThatThrownBy(() -> FlowLoader.parse(yaml, "bad.yaml"))
                .isInstanceOf(FlowLoadException.class)
                .hasMessageContaining("bad.yaml:" + line + ": " + (field.isEmpty() ? "" : field + ": ") + text);
    }

    static int lineOf(String text, String needle) {
        return lineOf(text, needle, 1);
    }

    /** 1-based line of the {@code occurrence}-th appearance of {@code needle}. */
    static int lineOf(String text, String needle, int occurrence) {
        int at = -1;
        for (int i = 0; i < occurrence; i++) {
            at = text.indexOf(needle, at + 1);
            if (at < 0) {
                throw new IllegalArgumentException("'" + needle + "' appears fewer than " + occurrence + " times");
            }
        }
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    static String resource(String name) throws IOException {
        try (InputStream in = FlowLoaderTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
