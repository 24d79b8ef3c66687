package id.rembug.bot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import java.io.Serializable;

/**
 * sendMessage and editMessageText whose answer is settled by what Telegram said, not by whether
 * TelegramBots can bind it.
 *
 * <p>The library binds the whole {@code Message} in a 200 {@code ok: true} answer; one field of a
 * type it does not know fails the binding, the call counts as failed, the dispatcher retries it
 * and the group gets the same question again, its id never recorded. Here a binding failure is
 * looked at once more as plain JSON: {@code ok: true} with a numeric {@code result.message_id} is a
 * message Telegram delivered, and comes back as a {@link Message} holding that id (and its chat's
 * id where readable). Anything else fails as before. TelegramBots' OkHttp client calls the
 * method's own {@code deserializeResponse} with the response body, which is why the methods are
 * subclassed rather than wrapped.
 */
final class AcceptedMessages {

    private static final Logger log = LoggerFactory.getLogger(AcceptedMessages.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private AcceptedMessages() {
    }

    static SendMessage send(SendMessage.SendMessageBuilder<?, ?> request) {
        return new Send(request);
    }

    static EditMessageText edit(EditMessageText.EditMessageTextBuilder<?, ?> request) {
        return new Edit(request);
    }

    /** The message Telegram says it accepted, read from the raw answer; else the binding's failure. */
    static Message accepted(String method, String answer, TelegramApiRequestException bindingFailure)
            throws TelegramApiRequestException {
        JsonNode root;
        try {
            root = JSON.readTree(answer);
        } catch (Exception e) {
            throw bindingFailure;
        }
        JsonNode result = root == null ? null : root.get("result");
        JsonNode messageId = result == null ? null : result.get("message_id");
        if (!root.path("ok").asBoolean(false) || messageId == null || !messageId.isIntegralNumber()
                || !messageId.canConvertToInt()) {
            throw bindingFailure;
        }
        Message message = new Message();
        message.setMessageId(messageId.intValue());
        log.info("Telegram accepted {} as message {}, in an answer TelegramBots cannot bind ({}); counted as delivered",
                method, messageId.intValue(), bindingFailure.getCause() == null ? bindingFailure.getMessage()
                        : bindingFailure.getCause().getClass().getSimpleName());
        return message;
    }

    private static final class Send extends SendMessage {

        Send(SendMessageBuilder<?, ?> request) {
            super(request);
        }

        @Override
        public Message deserializeResponse(String answer) throws TelegramApiRequestException {
            try {
                return super.deserializeResponse(answer);
            } catch (TelegramApiRequestException e) {
                return accepted(getMethod(), answer, e);
            }
        }
    }

    private static final class Edit extends EditMessageText {

        Edit(EditMessageTextBuilder<?, ?> request) {
            super(request);
        }

        @Override
        public Serializable deserializeResponse(String answer) throws TelegramApiRequestException {
            try {
                return super.deserializeResponse(answer);
            } catch (TelegramApiRequestException e) {
                return accepted(getMethod(), answer, e);
            }
        }
    }
}
