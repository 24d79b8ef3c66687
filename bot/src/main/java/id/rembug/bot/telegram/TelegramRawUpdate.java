package id.rembug.bot.telegram;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * An {@link Update} that keeps the JSON Telegram sent, so the translator reads what Rembug needs
 * from the JSON itself and not from the library's types: a field of a type TelegramBots does not
 * know (a newer Bot API, a {@code reply_markup} of an unexpected kind) then costs nothing.
 *
 * <p>Of the typed fields only the {@code update_id} is filled: the poller needs no more than the
 * id to move on, and the translator reads the JSON.
 */
public class TelegramRawUpdate extends Update {

    @JsonIgnore
    private transient JsonNode json;

    /** The update exactly as Telegram sent it. */
    @JsonIgnore
    public JsonNode json() {
        return json;
    }

    void json(JsonNode json) {
        this.json = json;
    }
}
