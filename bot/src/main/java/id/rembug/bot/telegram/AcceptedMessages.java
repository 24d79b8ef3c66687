package id.rembug.bot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import java.io.Serializable;

/**
 * sendMessage and editMessageText whose answer is settled by what Telegram said, not by whether
 * TelegramBots can bind it.
 *
 * <p>An answer {@code ok: true} with a numeric {@code result.message_id} is a message Telegram
 * delivered, and comes back as a {@link Message} holding that id, read from the answer as plain
 * JSON: the gateway needs no more of it. The library's binding of the whole {@code Message}
 * (entities, keyboard, chat, sender) cost more than the rest of reading the answer, and one field
 * of a type it does not know failed it: the call counted as failed, the dispatcher retried it and
 * the group got the same question again, its id never recorded. Every other answer (an error with
 * its code and {@code retry_after}, an edit of an inline message answered {@code true}) is read by
 * the library as before. TelegramBots' OkHttp client calls the method's own
 * {@code deserializeResponse} with the response body, which is why the methods are subclassed
 * rather than wrapped.
 */
final class AcceptedMessages {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private AcceptedMessages() {
    }

    static SendMessage send(SendMessage.SendMessageBuilder<?, ?> request) {
        return new Send(request);
    }

    static EditMessageText edit(EditMessageText.EditMessageTextBuilder<?, ?> request) {
        return new Edit(request);
    }

    /** The message Telegram says it accepted, holding only its id; null when the answer says anything else. */
    static Message accepted(String answer) {
        JsonNode root;
        try {
            root = JSON.readTree(answer);
        } catch (Exception notJson) {
            return null;
        }
        JsonNode ok = root == null ? null : root.get("ok");
        JsonNode messageId = root == null ? null : root.path("result").get("message_id");
        if (ok == null || !ok.isBoolean() || !ok.booleanValue() || messageId == null || !messageId.isIntegralNumber()
                || !messageId.canConvertToInt()) {
            return null;
        }
        Message message = new Message();
        message.setMessageId(messageId.intValue());
        return message;
    }

    private static final class Send extends SendMessage {

        Send(SendMessageBuilder<?, ?> request) {
            super(request);
        }

        @Override
        public Message deserializeResponse(String answer) throws TelegramApiRequestException {
            Message accepted = accepted(answer);
            return accepted != null ? accepted : super.deserializeResponse(answer);
        }
    }

    private static final class Edit extends EditMessageText {

        Edit(EditMessageTextBuilder<?, ?> request) {
            super(request);
        }

        @Override
        public Serializable deserializeResponse(String answer) throws TelegramApiRequestException {
            Message accepted = accepted(answer);
            return accepted != null ? accepted : super.deserializeResponse(answer);
        }
    }
}
