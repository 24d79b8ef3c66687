package id.rembug.bot.telegram;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AcceptedMessagesTest {

    private final SendMessage send = AcceptedMessages.send(SendMessage.builder().chatId("-100").text("hi"));
    private final EditMessageText edit = AcceptedMessages.edit(
            EditMessageText.builder().chatId("-100").messageId(7).text("hi"));

    @Test
    void anAcceptedSendIsItsMessageIdAlsoWhenTheMessageHasFieldsTheLibraryCannotBind() throws Exception {
        String answer = """
                {"ok":true,"result":{"message_id":4512,"date":1763900000,"chat":{"id":-100,"type":"group"},
                 "text":"hi","entities":"not a list","reply_markup":{"some_future_keyboard":[1]}}}""";

        Message sent = send.deserializeResponse(answer);

        assertThat(sent.getMessageId()).isEqualTo(4512);
    }

    @Test
    void anAcceptedEditIsItsMessageAndAnInlineEditsTrueIsReadAsTheLibraryReadsIt() throws Exception {
        assertThat(edit.deserializeResponse("{\"ok\":true,\"result\":{\"message_id\":7,\"date\":1}}"))
                .isInstanceOfSatisfying(Message.class, message -> assertThat(message.getMessageId()).isEqualTo(7));
        assertThat(edit.deserializeResponse("{\"ok\":true,\"result\":true}")).isEqualTo(Boolean.TRUE);
    }

    @Test
    void anErrorIsReadByTheLibraryWithItsCodeAndRetryAfter() {
        String tooMany = """
                {"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7",
                 "parameters":{"retry_after":7}}""";

        assertThatThrownBy(() -> send.deserializeResponse(tooMany))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(429);
                    assertThat(e.getParameters().getRetryAfter()).isEqualTo(7);
                });
        assertThatThrownBy(() -> send.deserializeResponse("<html>502</html>"))
                .isInstanceOf(TelegramApiRequestException.class);
    }

    @Test
    void theIdIsTheResultsOwnNotOneOfAMessageItQuotes() {
        String reply = """
                {"ok":true,"result":{"reply_to_message":{"message_id":3,"chat":{"id":-100}},
                 "entities":[{"type":"bold","offset":0,"length":2}],"message_id":9,"date":1}}""";
        String quotesOnly = """
                {"ok":true,"result":{"reply_to_message":{"message_id":3},"date":1}}""";

        assertThat(AcceptedMessages.accepted(reply).getMessageId()).isEqualTo(9);
        assertThat(AcceptedMessages.accepted(quotesOnly)).isNull();
    }

    @Test
    void onlyAnAnswerThatSaysOkWithAWholeIntIdIsAccepted() {
        assertThat(AcceptedMessages.accepted("{\"ok\":false,\"result\":{\"message_id\":9}}")).isNull();
        assertThat(AcceptedMessages.accepted("{\"ok\":\"true\",\"result\":{\"message_id\":9}}")).isNull();
        assertThat(AcceptedMessages.accepted("{\"ok\":{\"x\":true},\"result\":{\"message_id\":9}}")).isNull();
        assertThat(AcceptedMessages.accepted("{\"ok\":true,\"result\":{\"message_id\":9.5}}")).isNull();
        assertThat(AcceptedMessages.accepted("{\"ok\":true,\"result\":{\"message_id\":99999999999}}")).isNull();
        assertThat(AcceptedMessages.accepted("{\"ok\":true,\"result\":{\"message_id\":9")).isNull();
        assertThat(AcceptedMessages.accepted("[1]")).isNull();
        assertThat(AcceptedMessages.accepted("")).isNull();
        assertThat(AcceptedMessages.accepted("{\"result\":{\"message_id\":9},\"ok\":true}").getMessageId())
                .isEqualTo(9);
    }
}
