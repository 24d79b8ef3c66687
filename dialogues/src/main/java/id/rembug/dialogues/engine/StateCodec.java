package id.rembug.dialogues.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Turns group states, events and effects into JSON and back, the form in which the application
 * keeps them in Redis. One mapper of our own, so the engine's format does not change with the
 * application's Jackson settings. Answers are written compactly ({@link CompactAnswer}) and read
 * in either form. What is kept long and seldom changed (a stage summary, a finished group's state)
 * may be written deflated ({@link #writeDeflated}); every read takes either form.
 */
public final class StateCodec {

    /** What deflated JSON starts with (java.util.zip raw deflate, then Base64); JSON never does. */
    public static final String DEFLATED = "z1:";

    /** One for every codec: its caches (a record's generated readers and writers) are built once. */
    private static final JsonMapper MAPPER = StoredJson.mapperBuilder()
            // a primitive left out (the compact answer's "not late") reads as its zero
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .addMixIn(Answer.class, CompactAnswer.class)
            .withConfigOverride(AnswerMedia.class,
                    media -> media.setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, null)))
            .build();
    // readers for the type, so each read skips looking up the type's deserializer
    private static final ObjectReader STATE = MAPPER.readerFor(GroupState.class);
    private static final ObjectReader EVENT = MAPPER.readerFor(Event.class);
    private static final ObjectReader EFFECT = MAPPER.readerFor(Effect.class);

    public String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** The value's JSON, deflated: a tenth to a third of the size for the texts a group keeps. */
    public String writeDeflated(Object value) {
        byte[] json = MAPPER.writeValueAsBytes(value);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 4 + 64);
        try (DeflaterOutputStream stream = new DeflaterOutputStream(out, deflater)) {
            stream.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        } finally {
            deflater.end();
        }
        return DEFLATED + Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /** Stored JSON as written: inflated if it was written by {@link #writeDeflated}, else as it is. */
    public static String json(String stored) {
        if (!stored.startsWith(DEFLATED)) {
            return stored;
        }
        byte[] deflated = Base64.getDecoder().decode(stored.substring(DEFLATED.length()));
        Inflater inflater = new Inflater(true);
        try (InflaterInputStream stream = new InflaterInputStream(new ByteArrayInputStream(deflated), inflater)) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("Stored deflated JSON (" + deflated.length
                    + " bytes) cannot be read, it is cut short or damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    public GroupState readState(String json) {
        return STATE.readValue(json(json));
    }

    public Event readEvent(String json) {
        return EVENT.readValue(json);
    }

    public Effect readEffect(String json) {
        return EFFECT.readValue(json);
    }

    public <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json(json), type);
    }
}
