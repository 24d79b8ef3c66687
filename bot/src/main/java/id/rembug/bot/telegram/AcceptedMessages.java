package id.rembug.bot.telegram;

import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.io.Serializable;

/**
 * sendMessage and editMessageText whose answer is settled by what Telegram said, not by whether
 * TelegramBots can bind it.
 *
 * <p>An answer {@code ok: true} with a numeric {@code result.message_id} is a message Telegram
 * delivered, and comes back as a {@link Message} holding that id, read from the answer token by
 * token, skipping the rest of the message unread: the gateway needs no more of it. The library's
 * binding of the whole {@code Message} (entities, keyboard, chat, sender) cost more than the rest
 * of reading the answer, and one field
 * of a type it does not know failed it: the call counted as failed, the dispatcher retried it and
 * the group got the same question again, its id never recorded. Every other answer (an error with
 * its code and {@code retry_after}, an edit of an inline message answered {@code true}) is read by
 * the library as before. TelegramBots' OkHttp client calls the method's own
 * {@code deserializeResponse} with the response body, which is why the methods are subclassed
 * rather than wrapped.
 */
final class AcceptedMessages {

    private static final JsonFactory JSON = new JsonFactory();

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
        boolean ok = false;
        Integer messageId = null;
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), answer)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("ok")) {
                    ok = value == JsonToken.VALUE_TRUE;
                    parser.skipChildren();
                } else if (field.equals("result") && value == JsonToken.START_OBJECT) {
                    messageId = messageId(parser);
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JacksonException notJson) {
            return null;
        }
        if (!ok || messageId == null) {
            return null;
        }
        Message message = new Message();
        message.setMessageId(messageId);
        return message;
    }

    /** The {@code message_id} of the result object the parser is at, if it is an int; the rest is skipped. */
    private static Integer messageId(JsonParser parser) {
        Integer messageId = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("message_id") && value == JsonToken.VALUE_NUMBER_INT
                    && parser.getNumberType() == JsonParser.NumberType.INT) {
                messageId = parser.getIntValue();
            } else {
                parser.skipChildren();
            }
        }
        return messageId;
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
