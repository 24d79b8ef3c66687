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
 * Reads Telegram's update JSON into TelegramBots' {@link Update} one update at a time, so one
 * update the library cannot bind (a field of an unexpected type, a shape a newer Bot API
 * introduced) costs only that update, never its neighbours.
 *
 * <p>An update that does not bind but carries a numeric {@code update_id} comes back as an
 * {@link Update} holding only that id: the poller's offset still moves past it, and the
 * translator turns it into nothing. Jackson 2 ({@code com.fasterxml}), TelegramBots' own; never
 * the web layer's Jackson 3 mapper.
 */
public final class TelegramUpdateReader {

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdateReader.class);
    private static final int EXCERPT_LENGTH = 200;

    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The whole body of a webhook call, or empty when it holds no usable update. */
    public Optional<Update> readOne(String json) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            log.warn("Ignoring a Telegram update that is not JSON ({}): {}", e.getOriginalMessage(), excerpt(json));
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
            log.warn("Ignoring a Telegram update that is not a JSON object: {}", excerpt(String.valueOf(node)));
            return Optional.empty();
        }
        JsonNode id = node.get("update_id");
        if (id == null || !id.canConvertToInt()) {
            log.warn("Ignoring a Telegram update without a usable update_id: {}", excerpt(node.toString()));
            return Optional.empty();
        }
        try {
            Update update = mapper.treeToValue(node, Update.class);
            if (update != null && update.getUpdateId() != null) {
                return Optional.of(update);
            }
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("Skipping Telegram update {}: it does not match the Bot API types ({}): {}",
                    id.asInt(), firstLine(e.getMessage()), excerpt(node.toString()));
        }
        Update idOnly = new Update();
        idOnly.setUpdateId(id.asInt());
        return Optional.of(idOnly);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    static String excerpt(String text) {
        if (text == null) {
            return "null";
        }
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= EXCERPT_LENGTH ? flat : flat.substring(0, EXCERPT_LENGTH) + "…";
    }
}
