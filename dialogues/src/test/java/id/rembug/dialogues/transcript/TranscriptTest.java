package id.rembug.dialogues.transcript;

import id.rembug.dialogues.engine.Command;
import id.rembug.dialogues.engine.Event;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file under {@code src/test/resources/transcripts/} is one conversation test: whole
 * journeys at the top, and one file per engine handler in {@code events/} (named after the event,
 * e.g. {@code member-answered.txt}) and {@code commands/} (named after the command, e.g.
 * {@code claim-facilitator.txt}).
 */
class TranscriptTest {

    @TestFactory
    Stream<DynamicTest> everyTranscriptPlaysAsWritten() throws IOException, URISyntaxException {
        Path folder = folder();
        List<Path> files;
        try (Stream<Path> listing = Files.walk(folder)) {
            files = listing.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).as("transcript files").isNotEmpty();
        return files.stream().map(file -> {
            String name = folder.relativize(file).toString();
            return DynamicTest.dynamicTest(name, () ->
                    TranscriptRunner.run(name, Files.readString(file, StandardCharsets.UTF_8)));
        });
    }

    @Test
    void everyEventKindHasItsOwnTranscript() throws URISyntaxException {
        Path events = folder().resolve("events");
        List<String> missing = Arrays.stream(Event.class.getPermittedSubclasses())
                .map(kind -> kebab(kind.getSimpleName()) + ".txt")
                .filter(file -> !Files.isRegularFile(events.resolve(file)))
                .toList();
        assertThat(missing).as("transcripts missing in transcripts/events/").isEmpty();
    }

    @Test
    void everyCommandHasItsOwnTranscript() throws URISyntaxException {
        Path commands = folder().resolve("commands");
        List<String> missing = Arrays.stream(Command.values())
                .map(command -> command.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".txt")
                .filter(file -> !Files.isRegularFile(commands.resolve(file)))
                .toList();
        assertThat(missing).as("transcripts missing in transcripts/commands/").isEmpty();
    }

    private static Path folder() throws URISyntaxException {
        return Path.of(TranscriptTest.class.getResource("/transcripts").toURI());
    }

    /** {@code MemberAnswered} as a file name: {@code member-answered}. */
    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
