package id.rembug.bot.conversation;

import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.StageSummary;
import id.rembug.dialogues.engine.StateCodec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * How a group's record is kept: each answer of the open stage as compact JSON in the answers hash
 * (field {@link Answer#key()}); once a stage's summary is stored, the summary holds its answers
 * and they leave the answers hash, so every answer is kept once. A summary is stored deflated
 * (java.util.zip, Base64 for Redis strings, behind {@value #DEFLATED}): its answers, names and
 * the stage's texts repeat a lot. Summaries stored before (plain JSON) and answers stored in the
 * long form still read.
 */
public final class GroupRecordCodec {

    /** What a deflated summary starts with; JSON never does. */
    static final String DEFLATED = "z1:";

    private final StateCodec codec = new StateCodec();

    public String writeAnswer(Answer answer) {
        return codec.write(answer);
    }

    public Answer readAnswer(String stored) {
        return codec.read(stored, Answer.class);
    }

    public String writeSummary(StageSummary summary) {
        return DEFLATED + Base64.getEncoder().encodeToString(deflate(codec.write(summary)));
    }

    public StageSummary readSummary(String stored) {
        return codec.read(summaryJson(stored), StageSummary.class);
    }

    /** A stored summary's JSON, inflated if it was stored deflated. */
    public static String summaryJson(String stored) {
        return stored.startsWith(DEFLATED)
                ? inflate(Base64.getDecoder().decode(stored.substring(DEFLATED.length()))) : stored;
    }

    /**
     * Every answer the group keeps: those its stored summaries hold, then the answers hash's (the
     * open stage's, and late ones not yet added to their summary), which replace any of the same key.
     *
     * @param answersHash the answers hash, field to stored answer
     * @param summaries   the stored stage summaries
     */
    public List<Answer> answers(Map<String, String> answersHash, Collection<String> summaries) {
        Map<String, Answer> byKey = new LinkedHashMap<>();
        for (String stored : summaries) {
            readSummary(stored).prompts().forEach(p -> p.answers().forEach(a -> byKey.put(a.key(), a)));
        }
        answersHash.forEach((key, stored) -> byKey.put(key, readAnswer(stored)));
        return new ArrayList<>(byKey.values());
    }

    private static byte[] deflate(String json) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length() / 4 + 64);
        try (DeflaterOutputStream stream = new DeflaterOutputStream(out, deflater)) {
            stream.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    private static String inflate(byte[] deflated) {
        Inflater inflater = new Inflater(true);
        try (InflaterInputStream stream = new InflaterInputStream(new ByteArrayInputStream(deflated), inflater)) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("A stored stage summary (" + deflated.length
                    + " bytes deflated) is not valid deflated data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
