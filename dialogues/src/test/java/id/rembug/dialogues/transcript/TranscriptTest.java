package id.rembug.dialogues.transcript;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every file under {@code src/test/resources/transcripts/} is one conversation test. */
class TranscriptTest {

    @TestFactory
    Stream<DynamicTest> everyTranscriptPlaysAsWritten() throws IOException, URISyntaxException {
        Path folder = Path.of(TranscriptTest.class.getResource("/transcripts").toURI());
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).as("transcript files").isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () ->
                TranscriptRunner.run(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8))));
    }
}
