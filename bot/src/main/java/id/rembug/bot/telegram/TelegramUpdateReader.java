package id.rembug.bot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Telegram's update JSON one update at a time into a {@link TelegramRawUpdate}: its
 * {@code update_id} and the JSON as sent, which is what the translator reads. The update is never
 * bound to TelegramBots' types: nothing reads them (the poller needs only the id), binding them
 * cost as much again as reading the JSON, and an update the library cannot bind (a field of an
 * unexpected type, a shape a newer Bot API introduced) is then no different from any other.
 *
 * <p>Only text that is not a JSON object with a numeric {@code update_id} is dropped here.
 * Jackson 2 ({@code com.fasterxml}), TelegramBots' own; never the web layer's Jackson 3 mapper.
 */
public final class TelegramUpdateReader {

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdateReader.class);
    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The whole body of a webhook call, or empty when it holds no usable update. */
    public Optional<Update> readOne(String json) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            // Its length and where it broke, never its content: the body may be a resident's text.
            log.warn("Ignoring a Telegram update that is not JSON ({} chars, broken at {})",
                    json == null ? 0 : json.length(), e.getLocation() == null ? "?" : e.getLocation().getCharOffset());
            return Optional.empty();
        }
        return readNode(node);
    }

    /** The elements of a getUpdates {@code result} array, in order, each read on its own. */
    public List<Update> readArray(JsonNode array) {
        List<Update> updates = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            readNode(element).ifPresent(updates::add);
        }
        return updates;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    private Optional<Update> readNode(JsonNode node) {
        if (node == null || !node.isObject()) {
            log.warn("Ignoring a Telegram update that is not a JSON object (a JSON {})",
                    node == null ? "nothing" : node.getNodeType());
            return Optional.empty();
        }
        JsonNode id = node.get("update_id");
        if (id == null || !id.isIntegralNumber() || !id.canConvertToInt()) {
            log.warn("Ignoring a Telegram update without a usable update_id");
            return Optional.empty();
        }
        TelegramRawUpdate update = new TelegramRawUpdate();
        update.setUpdateId(id.asInt());
        update.json(node);
        return Optional.of(update);
    }
}
