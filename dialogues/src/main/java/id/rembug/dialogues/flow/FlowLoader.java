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
import java.util.function.BiFunction;

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

    private static final YamlFile<Flow> FLOW = new YamlFile<>("Flow file", FlowReader::read);
    private static final YamlFile<Messages> MESSAGES = new YamlFile<>("Messages file", (yaml, source) ->
            new Messages(TextFiles.parse(MessageKey.class, yaml, source, Messages.LAYOUT)));

    private FlowLoader() {
    }

    public static Flow load(Path file) {
        return FLOW.load(file);
    }

    /** @param classpathResource e.g. {@code flows/stock.yaml} */
    public static Flow loadResource(String classpathResource) {
        return FLOW.loadResource(classpathResource);
    }

    /** @param sourceName how problems name the file, e.g. {@code stock.yaml} */
    public static Flow parse(String yaml, String sourceName) {
        return FLOW.parse(yaml, sourceName);
    }

    public static Messages loadMessages(Path file) {
        return MESSAGES.load(file);
    }

    public static Messages loadMessagesResource(String classpathResource) {
        return MESSAGES.loadResource(classpathResource);
    }

    public static Messages parseMessages(String yaml, String sourceName) {
        return MESSAGES.parse(yaml, sourceName);
    }

    /**
     * One kind of YAML file (flow or messages): how its problems name it and what reads it. Files and
     * resources are read and named the same way for both kinds.
     */
    private record YamlFile<T>(String fileKind, BiFunction<String, String, T> reader) {

        T load(Path file) {
            return parse(read(file, fileKind), file.toString());
        }

        T loadResource(String classpathResource) {
            return parse(readResource(classpathResource, fileKind), resourceSource(classpathResource));
        }

        T parse(String yaml, String sourceName) {
            return reader.apply(yaml, sourceName);
        }
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

    static String readResource(String classpathResource, String fileKind) {
        String name = resourceName(classpathResource);
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

    static String resourceSource(String classpathResource) {
        return "classpath:" + resourceName(classpathResource);
    }

    /** Class loaders take resource names without a leading slash. */
    private static String resourceName(String classpathResource) {
        return classpathResource.startsWith("/") ? classpathResource.substring(1) : classpathResource;
    }

    private static FlowLoadException fileProblem(String fileKind, String source, String found, String expected) {
        return new FlowLoadException(fileKind, source, List.of(new FlowProblem(source, 0, "", found, expected)));
    }
}
