package id.rembug.bot.channel;

import id.rembug.dialogues.engine.StoredJson;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of inbox and outbox entries in Redis. Its own mapper, so the stored format does
 * not change with the web layer's Jackson settings.
 */
public final class ChannelCodec {

    private static final JsonMapper MAPPER = StoredJson.mapperBuilder().build();
    // readers for the type, so each read skips looking up the type's deserializer
    private static final ObjectReader INBOUND = MAPPER.readerFor(Inbound.class);
    private static final ObjectReader OUTGOING = MAPPER.readerFor(Outgoing.class);

    private ChannelCodec() {
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static Inbound readInbound(String json) {
        return INBOUND.readValue(json);
    }

    public static Outgoing readOutgoing(String json) {
        return OUTGOING.readValue(json);
    }
}
