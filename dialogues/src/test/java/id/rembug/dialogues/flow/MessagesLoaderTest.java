package id.rembug.dialogues.flow;

import static id.rembug.dialogues.flow.FlowLoaderTest.lineOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessagesLoaderTest {

    private static final String ACK_LINE =
            "  ack: {id: \"Terima kasih, {name} ({answered}/{quorum})\", en: \"Thank you, {name} ({answered}/{quorum})\"}\n";

    private static String complete;

    @BeforeAll
    static void readTheCompleteTestMessages() throws IOException {
        complete = FlowLoaderTest.resource("flows/test-messages.yaml");
        assertThat(complete).contains(ACK_LINE);
    }

    // --- happy paths -------------------------------------------------------------------------

    @Test
    void completeMessagesLoadEveryKeyInBothLanguages() {
        Messages messages = FlowLoader.loadMessagesResource("flows/test-messages.yaml");

        for (MessageKey key : MessageKey.values()) {
            assertThat(messages.get(key, Language.ID)).as(key.yamlKey()).isNotBlank();
            assertThat(messages.get(key, Language.EN)).as(key.yamlKey()).isNotBlank();
        }
        assertThat(messages.get(MessageKey.ACK, Language.ID, Map.of("name", "Sri", "answered", 2, "quorum", 3)))
                .isEqualTo("Terima kasih, Sri (2/3)");
    }

    @Test
    void testMessagesUseEveryPlaceholderOfEveryKeySoTestsSeeEachValue() {
        Messages messages = FlowLoader.loadMessagesResource("flows/test-messages.yaml");
        Pattern placeholder = Pattern.compile("\\{([a-z]+)}");

        for (MessageKey key : MessageKey.values()) {
            for (Language language : Language.values()) {
                Matcher matcher = placeholder.matcher(messages.get(key, language));
                var used = matcher.results().map(m -> m.group(1)).collect(Collectors.toSet());
                assertThat(used).as(key.yamlKey() + " in " + language).containsExactlyInAnyOrderElementsOf(
                        key.placeholders());
            }
        }
    }

    @Test
    void messagesLoadFromAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("messages.yaml");
        Files.writeString(file, complete);

        assertThat(FlowLoader.loadMessages(file).get(MessageKey.BUTTON_PAUSE, Language.EN)).isEqualTo("Pause");
    }

    // --- one test per problem kind -----------------------------------------------------------

    @Test
    void missingMessageIsReportedWithThePlaceholdersItMayUse() {
        String yaml = complete.replace(ACK_LINE, "");

        assertProblem(yaml, lineOf(yaml, "  bot-added:"), "messages.ack",
                "found nothing, expected a text {id: \"...\", en: \"...\"} that may use {name}, {answered}, {quorum}");
    }

    @Test
    void unknownMessageKeyIsReportedWithTheClosestKnownKey() {
        String yaml = complete.replace("  ack-corrected:", "  ack-corected:");

        assertProblem(yaml, lineOf(yaml, "ack-corected"), "messages.ack-corected",
                "found an unknown text key 'ack-corected', expected a text key the code knows"
                        + " (see MessageKey); did you mean 'ack-corrected'?");
    }

    @Test
    void unknownMessageKeyFarFromAnyKnownKeyGetsNoSuggestion() {
        String yaml = complete + "  completely-different-thing: {id: \"a\", en: \"b\"}\n";

        assertThatThrownBy(() -> FlowLoader.parseMessages(yaml, "bad.yaml"))
                .isInstanceOf(FlowLoadException.class)
                .hasMessageContaining("bad.yaml:" + lineOf(yaml, "completely") + ": messages.completely-different-thing")
                .hasMessageNotContaining("did you mean");
    }

    @Test
    void messageWithoutEnglishIsReported() {
        String yaml = complete.replace(ACK_LINE, "  ack: {id: \"Terima kasih, {name}\"}\n");

        assertProblem(yaml, lineOf(yaml, "  ack:"), "messages.ack.en", "found nothing, expected an English text");
    }

    @Test
    void messageWithABlankIndonesianTextIsReported() {
        String yaml = complete.replace("  resumed: {id: \"Rembug dilanjutkan.\"", "  resumed: {id: \"\"");

        assertProblem(yaml, lineOf(yaml, "  resumed:"), "messages.resumed.id",
                "found a blank text, expected an Indonesian text");
    }

    @Test
    void placeholderTheKeyDoesNotOfferIsReportedWithTheOnesItDoes() {
        String yaml = complete.replace(ACK_LINE, ACK_LINE.replace("Terima kasih, {name}", "Terima kasih, {nama}"));

        assertProblem(yaml, lineOf(yaml, "{nama}"), "messages.ack.id",
                "found the placeholder {nama}, expected one of {name}, {answered}, {quorum}");
    }

    @Test
    void placeholderInAMessageThatTakesNoneIsReported() {
        String yaml = complete.replace("Rembug dilanjutkan.", "Rembug dilanjutkan oleh {name}.");

        assertProblem(yaml, lineOf(yaml, "oleh {name}"), "messages.resumed.id",
                "found the placeholder {name}, expected one of {address}");
    }

    @Test
    void stageCountInTheFirstMessageIsReportedBecauseItIsNoLongerFilledIn() {
        // Copies made before the first message stopped counting stages still say {stages}.
        String yaml = complete.replace("Kita mulai bersama.", "Kita mulai. Ada {stages} tahap.");

        assertProblem(yaml, lineOf(yaml, "{stages}"), "messages.flow-start.id",
                "found the placeholder {stages}, expected one of {address}");
    }

    @Test
    void stockFirstMessageGreetsWithoutCountingStages() {
        Messages messages = FlowLoader.loadMessagesResource("flows/messages.yaml");

        int stages = FlowLoader.loadResource("flows/stock.yaml").stageCount();
        for (Language language : Language.values()) {
            // the how-to-reply example may show an RT number, never how many stages lie ahead
            assertThat(messages.get(MessageKey.FLOW_START, language)).as(language.code())
                    .doesNotContain(String.valueOf(stages))
                    .doesNotContainPattern("[0-9]+ ?(/|dari|of) ?[0-9]+")
                    .doesNotContainIgnoringCase("tahap")
                    .doesNotContainIgnoringCase("stage");
        }
    }

    @Test
    void messageWrittenAsAPlainStringIsReported() {
        String yaml = complete.replace("  summary-last: {id: \"Ini tahap terakhir.\", en: \"This is the last stage.\"}",
                "  summary-last: Ini tahap terakhir.");

        assertProblem(yaml, lineOf(yaml, "summary-last"), "messages.summary-last",
                "found 'Ini tahap terakhir.', expected a text in Indonesian and English");
    }

    @Test
    void messageWrittenTwiceIsReported() {
        String yaml = complete + ACK_LINE;

        assertProblem(yaml, lineOf(yaml, "  ack:", 2), "messages.ack",
                "found a second 'ack' (the first is on line " + lineOf(yaml, "  ack:") + ")");
    }

    @Test
    void unknownTopLevelFieldIsReported() {
        String yaml = "mesages:\n" + complete.substring(complete.indexOf("messages:\n") + "messages:\n".length());

        FlowLoadException e = catchThrowableOfType(() -> FlowLoader.parseMessages(yaml, "bad.yaml"),
                FlowLoadException.class);

        assertThat(e.getMessage())
                .contains("bad.yaml:1: mesages: found an unknown field 'mesages', expected one of messages")
                .contains("bad.yaml:1: messages: found nothing");
    }

    @Test
    void listInsteadOfAMappingOfMessagesIsReported() {
        assertProblem("messages:\n  - ack\n  - nudge\n", 2, "messages",
                "found a list, expected a mapping from text key to {id: \"...\", en: \"...\"}");
    }

    @Test
    void yamlSyntaxErrorInMessagesBecomesOneProblem() {
        String yaml = complete.replace(ACK_LINE, "  ack: {id: \"Terima kasih\", en: \"Thank you\"\n");

        FlowLoadException e = catchThrowableOfType(() -> FlowLoader.parseMessages(yaml, "bad.yaml"),
                FlowLoadException.class);

        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).line()).isBetween(lineOf(yaml, "  ack:"), lineOf(yaml, "  ack:") + 1);
        assertThat(e.getMessage()).contains("found broken YAML");
    }

    @Test
    void missingMessagesFileIsReportedWithItsFullPath(@TempDir Path dir) {
        Path missing = dir.resolve("messages.yaml");

        assertThatThrownBy(() -> FlowLoader.loadMessages(missing))
                .isInstanceOf(FlowLoadException.class)
                .hasMessageStartingWith("Messages file " + missing + " has 1 problem")
                .hasMessageContaining("expected a YAML file at " + missing.toAbsolutePath());
    }

    // --- many problems at once ---------------------------------------------------------------

    @Test
    void everyMessageProblemIsReportedAtOnce() {
        String yaml = complete.replace(ACK_LINE, "")
                .replace("  nudge: {id: \"Kami tunggu jawaban yang belum masuk.\"", "  nudge: {id: \"Kami tunggu {nama}.\"")
                .replace("  help:", "  bantuan:");

        FlowLoadException e = catchThrowableOfType(() -> FlowLoader.parseMessages(yaml, "messages.yaml"),
                FlowLoadException.class);

        // ack missing, help missing, bantuan unknown, {nama} not offered by nudge
        assertThat(e.problems()).hasSize(4);
        assertThat(e.getMessage()).startsWith("Messages file messages.yaml has 4 problems; fix them and start again:")
                .contains("messages.ack: found nothing")
                .contains("messages.help: found nothing")
                .contains("messages.bantuan: found an unknown text key")
                .contains("messages.nudge.id: found the placeholder {nama}");
    }

    @Test
    void aNudgeThatWouldNameTheQuietMembersInFrontOfTheGroupIsRefused() {
        String yaml = complete.replace("  nudge: {id: \"Kami tunggu jawaban yang belum masuk.\"",
                "  nudge: {id: \"Kami tunggu jawaban dari {names}.\"");

        FlowLoadException e = catchThrowableOfType(() -> FlowLoader.parseMessages(yaml, "messages.yaml"),
                FlowLoadException.class);

        assertThat(e.problems()).hasSize(1);
        assertThat(e.getMessage()).contains("messages.nudge.id: found the placeholder {names}");
    }

    @Test
    void everyMissingKeyIsListedWhenTheMessagesAreEmpty() {
        FlowLoadException e = catchThrowableOfType(() -> FlowLoader.parseMessages("messages: {}\n", "bad.yaml"),
                FlowLoadException.class);

        assertThat(e.problems()).extracting(FlowProblem::field).containsExactlyElementsOf(
                Arrays.stream(MessageKey.values()).map(key -> "messages." + key.yamlKey()).toList());
    }

    private static void assertProblem(String yaml, int line, String field, String text) {
        assertThatThrownBy(() -> FlowLoader.parseMessages(yaml, "bad.yaml"))
                .isInstanceOf(FlowLoadException.class)
                .hasMessageContaining("bad.yaml:" + line + ": " + field + ": " + text);
    }
}
