package id.rembug.bot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A getUpdates call whose answer is read update by update.
 *
 * <p>The library reads the whole {@code result} array in one go, so a single update it cannot
 * bind fails the whole call; the poller then retries the same offset forever and the bot goes
 * deaf. Here each element is read on its own by {@link TelegramUpdateReader} into its id and its
 * JSON, never the library's types, so the translator reads every update from its JSON and the
 * offset moves past each. A
 * response that is not JSON at all, or says {@code ok: false},
 * still fails the call (the poller backs off and retries), because nothing in it can be trusted.
 */
public class LenientGetUpdates extends GetUpdates {

    private static final TelegramUpdateReader READER = new TelegramUpdateReader();

    public LenientGetUpdates(int offset, int limit, int timeoutSeconds, List<String> allowedUpdates) {
        super(offset, limit, timeoutSeconds, List.copyOf(allowedUpdates));
    }

    @Override
    public ArrayList<Update> deserializeResponse(String answer) throws TelegramApiRequestException {
        JsonNode root;
        try {
            root = READER.mapper().readTree(answer);
        } catch (JsonProcessingException e) {
            throw new TelegramApiRequestException("Unable to deserialize getUpdates response", e);
        }
        JsonNode ok = root == null ? null : root.get("ok");
        if (ok == null || !ok.isBoolean()) {
            // Never the answer itself in the message: it may hold residents' texts.
            throw new TelegramApiRequestException("getUpdates answered without an ok field ("
                    + answer.length() + " chars)");
        }
        if (!ok.booleanValue()) {
            return super.deserializeResponse(answer); // throws with Telegram's error code and description
        }
        JsonNode result = root.get("result");
        if (result == null || !result.isArray()) {
            throw new TelegramApiRequestException("getUpdates answered ok without a result array");
        }
        return new ArrayList<>(READER.readArray(result));
    }

    /** Makes each poll's request: the next offset, at most 100 updates, the configured wait. */
    public static Function<Integer, GetUpdates> generator(int timeoutSeconds, List<String> allowedUpdates) {
        List<String> allowed = List.copyOf(allowedUpdates);
        return lastReceivedUpdateId -> new LenientGetUpdates(lastReceivedUpdateId + 1, 100, timeoutSeconds, allowed);
    }
}
