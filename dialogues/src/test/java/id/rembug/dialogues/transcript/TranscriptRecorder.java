package id.rembug.dialogues.transcript;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fills in a transcript's expectations from what the engine does now. For writing new
 * transcripts; read the result before committing it. Usage: {@code TranscriptRecorder <file>}.
 */
public final class TranscriptRecorder {

    private TranscriptRecorder() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String recorded = TranscriptRunner.record(file.getFileName().toString(),
                Files.readString(file, StandardCharsets.UTF_8));
        Files.writeString(file, recorded, StandardCharsets.UTF_8);
        System.out.println("Recorded " + file);
    }
}
