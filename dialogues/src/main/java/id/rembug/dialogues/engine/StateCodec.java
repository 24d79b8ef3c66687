package id.rembug.dialogues.engine;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns group states, events and effects into JSON and back, the form in which the application
 * keeps them in Redis. One mapper of our own, so the engine's format does not change with the
 * application's Jackson settings.
 */
public final class StateCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
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
