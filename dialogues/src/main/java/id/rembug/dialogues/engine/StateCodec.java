package id.rembug.dialogues.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns group states, events and effects into JSON and back, the form in which the application
 * keeps them in Redis. One mapper of our own, so the engine's format does not change with the
 * application's Jackson settings. Answers are written compactly ({@link CompactAnswer}) and read
 * in either form.
 */
public final class StateCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // a primitive left out (the compact answer's "not late") reads as its zero
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .addMixIn(Answer.class, CompactAnswer.class)
            .withConfigOverride(AnswerMedia.class,
                    media -> media.setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, null)))
            .build();

    public String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    public GroupState readState(String json) {
        return mapper.readValue(json, GroupState.class);
    }

    public Event readEvent(String json) {
        return mapper.readValue(json, Event.class);
    }

    public Effect readEffect(String json) {
        return mapper.readValue(json, Effect.class);
    }

    public <T> T read(String json, Class<T> type) {
        return mapper.readValue(json, type);
    }
}
