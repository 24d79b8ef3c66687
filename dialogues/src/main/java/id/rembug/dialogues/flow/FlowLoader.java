package id.rembug.dialogues.flow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a flow YAML (phases, stages, prompts) and the engine's messages YAML. Both are edited by
 * staff, not programmers, so nothing half-valid ever loads: every problem in the file is
 * collected, each with its line, field and what was expected, and thrown together as a
 * {@link FlowLoadException}.
 */
public final class FlowLoader {

    public static final int DEFAULT_QUORUM = 3;
    public static final int MIN_QUORUM = 1;
    public static final int MAX_QUORUM = 50;
    /** More than this and a group on their phones loses the thread; split the stage instead. */
    public static final int MAX_PROMPTS = 6;
    public static final int MIN_CHOICES = 2;
    public static final int MAX_CHOICES = 6;
    public static final int MAX_PURPOSE_LENGTH = 300;
    public static final int MAX_INTRO_LENGTH = 400;
    public static final int MAX_CLOSING_LENGTH = 300;
    public static final int MAX_PROMPT_LENGTH = 300;
    /** Longer labels are cut off on Telegram inline buttons on a small screen. */
    public static final int MAX_CHOICE_LABEL_LENGTH = 32;

    private static final String FLOW_FILE = "Flow file";
    private static final String MESSAGES_FILE = "Messages file";

    private FlowLoader() {
    }

    public static Flow load(Path file) {
        return parse(read(file, FLOW_FILE), file.toString());
    }

    /** @param classpathResource e.g. {@code flows/stock.yaml} */
    public static Flow loadResource(String classpathResource) {
        return parse(readResource(classpathResource, FLOW_FILE), resourceSource(classpathResource));
    }

    /** @param sourceName how problems name the file, e.g. {@code stock.yaml} */
    public static Flow parse(String yaml, String sourceName) {
        return FlowReader.read(yaml, sourceName);
    }

    public static Messages loadMessages(Path file) {
        return parseMessages(read(file, MESSAGES_FILE), file.toString());
    }

    public static Messages loadMessagesResource(String classpathResource) {
        return parseMessages(readResource(classpathResource, MESSAGES_FILE), resourceSource(classpathResource));
    }

    public static Messages parseMessages(String yaml, String sourceName) {
        return MessagesReader.read(yaml, sourceName);
    }

    private static String read(Path file, String fileKind) {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw fileProblem(fileKind, source, Files.exists(file) ? "a folder or other non-file" : "no such file",
                    "a YAML file at " + file.toAbsolutePath());
        }
        try {
            return utf8(Files.readAllBytes(file), fileKind, source);
        } catch (IOException e) {
            throw fileProblem(fileKind, source, "a file that cannot be read (" + e.getMessage() + ")",
                    "a readable YAML file at " + file.toAbsolutePath());
        }
    }

    private static String readResource(String classpathResource, String fileKind) {
        String name = classpathResource.startsWith("/") ? classpathResource.substring(1) : classpathResource;
        String source = resourceSource(classpathResource);
        // The context loader sees resources packaged beside the app (e.g. inside a Boot jar).
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = FlowLoader.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw fileProblem(fileKind, source, "no such resource", "a YAML file on the classpath at " + name);
            }
            return utf8(in.readAllBytes(), fileKind, source);
        } catch (IOException e) {
            throw fileProblem(fileKind, source, "a resource that cannot be read (" + e.getMessage() + ")",
                    "a readable YAML file on the classpath at " + name);
        }
    }

    /** Strict decoding, so a file saved in another encoding is reported instead of showing garbled text. */
    private static String utf8(byte[] bytes, String fileKind, String source) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            // Windows editors like to start UTF-8 files with a byte-order mark.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw fileProblem(fileKind, source, "bytes that are not UTF-8", "a file saved as UTF-8");
        }
    }

    private static String resourceSource(String classpathResource) {
        return "classpath:" + (classpathResource.startsWith("/") ? classpathResource.substring(1) : classpathResource);
    }

    private static FlowLoadException fileProblem(String fileKind, String source, String found, String expected) {
        return new FlowLoadException(fileKind, source, List.of(new FlowProblem(source, 0, "", found, expected)));
    }
}
