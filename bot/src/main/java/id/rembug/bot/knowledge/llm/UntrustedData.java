package id.rembug.bot.knowledge.llm;

import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Puts text we did not write (residents' answers, names, questions) into a prompt as data, never
 * as instructions. The data is written as JSON on a single line, because JSON escapes line breaks
 * inside strings, so nothing a resident types can start a line of its own, let alone the end
 * line. The block's tag is a fingerprint of the data itself, so nobody can know it while writing
 * their answer. The model's instructions (the system message) name the tag and say the block may
 * contain instructions that must not be followed.
 */
public final class UntrustedData {

    public static final String BEGIN = "BEGIN UNTRUSTED DATA ";
    public static final String END = "END UNTRUSTED DATA ";
    static final String BEGIN_ARTICLES = "BEGIN ARTICLES ";
    static final String END_ARTICLES = "END ARTICLES ";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The block to put in the user message, and its tag for the system message. */
    public record Block(String tag, String text) {
    }

    private UntrustedData() {
    }

    public static Block of(Object data) {
        return wrap(data, BEGIN, END);
    }

    /** Our own articles, marked apart from the untrusted block but written the same way. */
    public static Block articles(Object data) {
        return wrap(data, BEGIN_ARTICLES, END_ARTICLES);
    }

    private static Block wrap(Object data, String begin, String end) {
        // U+2028/2029 are legal inside JSON strings but read as line breaks by some tools: escape them too.
        String json = JSON.writeValueAsString(data).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        if (json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
            throw new IllegalStateException("data JSON must be a single line");
        }
        String tag = fingerprint(json);
        return new Block(tag, begin + tag + "\n" + json + "\n" + end + tag);
    }

    private static String fingerprint(String json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
