package id.rembug.bot.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rembug.bot.testsupport.FakeTelegram.Person;
import id.rembug.bot.testsupport.FakeTelegram.RateLimits;
import id.rembug.bot.testsupport.FakeTelegram.Said;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Bot API double behaves as Telegram does where Rembug depends on it, called over HTTP as the
 * bot calls it.
 */
class FakeTelegramTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long GROUP = -4_100_000_001L;
    private static final Person ANI = new Person(810_000_001L, "Ani");
    private static final Person BUDI = new Person(810_000_002L, "Budi");

    private final FakeTelegram telegram = new FakeTelegram();
    private final HttpClient http = HttpClient.newHttpClient();
    private long offset;

    @AfterEach
    void stop() {
        telegram.close();
    }

    /** A Bot API call; the whole answer, {@code ok} and {@code error_code} included. */
    private JsonNode call(String method, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(telegram.url() + "/bot" + FakeTelegram.TOKEN + "/"
                        + method)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode send(long chatId, String text, String markup) {
        return call("sendMessage", "{\"chat_id\":" + chatId + ",\"text\":" + JSON.valueToTree(text)
                + (markup == null ? "" : ",\"reply_markup\":" + markup) + "}");
    }

    /** What getUpdates hands out now, confirming what came before. */
    private List<JsonNode> updates() {
        JsonNode answer = call("getUpdates", "{\"offset\":" + offset + ",\"timeout\":0}");
        List<JsonNode> updates = StreamSupport.stream(answer.path("result").spliterator(), false).toList();
        if (!updates.isEmpty()) {
            offset = updates.get(updates.size() - 1).path("update_id").asLong() + 1;
        }
        return updates;
    }

    @Test
    void forceReplyIsNeverEchoedButInlineKeyboardsAre() {
        JsonNode question = send(GROUP, "Siapa nama Anda?", "{\"force_reply\":true,\"selective\":false}");
        JsonNode choice = send(GROUP, "Pilih satu", "{\"inline_keyboard\":[[{\"text\":\"Ya\",\"callback_data\":\"a|x|1|0|ya\"}]]}");

        assertThat(question.path("ok").asBoolean()).isTrue();
        assertThat(question.path("result").has("reply_markup")).as("sendMessage's result").isFalse();
        assertThat(choice.path("result").path("reply_markup").path("inline_keyboard").get(0).get(0)
                .path("callback_data").asText()).isEqualTo("a|x|1|0|ya");
        long questionId = question.path("result").path("message_id").asLong();
        assertThat(telegram.sentTo(GROUP).get(0).forceReply()).as("what the bot asked for").isTrue();

        telegram.groupText(GROUP, ANI, "Ani", questionId);
        JsonNode reply = updates().get(0).path("message");
        assertThat(reply.path("reply_to_message").path("message_id").asLong()).isEqualTo(questionId);
        assertThat(reply.path("reply_to_message").path("from").path("id").asLong()).isEqualTo(FakeTelegram.BOT_ID);
        assertThat(reply.path("reply_to_message").path("text").asText()).isEqualTo("Siapa nama Anda?");
        assertThat(reply.path("reply_to_message").has("reply_markup")).as("reply_to_message").isFalse();
    }

    @Test
    void messageIdsCountUpPerChat() {
        long first = send(GROUP, "satu", null).path("result").path("message_id").asLong();
        long other = send(GROUP - 1, "lain", null).path("result").path("message_id").asLong();
        long second = telegram.groupText(GROUP, ANI, "/status", null);
        long third = send(GROUP, "dua", null).path("result").path("message_id").asLong();

        assertThat(List.of(first, second, third)).containsExactly(first, first + 1, first + 2);
        assertThat(other).as("another chat has its own sequence").isEqualTo(first);
    }

    @Test
    void privacyModeKeepsGroupChatterFromTheBot() {
        long question = send(GROUP, "Apa kabar?", "{\"force_reply\":true}").path("result").path("message_id").asLong();
        long chatter = telegram.groupText(GROUP, ANI, "halo semua", null);

        Said command = telegram.say(GROUP, ANI, "/status", null);
        Said addressed = telegram.say(GROUP, ANI, "/status@" + FakeTelegram.BOT_USERNAME, null);
        Said otherBot = telegram.say(GROUP, ANI, "/status@other_bot", null);
        Said reply = telegram.say(GROUP, BUDI, "baik", question);
        Said replyToMember = telegram.say(GROUP, BUDI, "iya", chatter);
        Said mention = telegram.say(GROUP, BUDI, "tolong @" + FakeTelegram.BOT_USERNAME + " bantu", null);
        long joined = telegram.memberJoined(GROUP, new Person(810_000_003L, "Citra"));

        assertThat(List.of(command, addressed, reply, mention)).allMatch(Said::reachedTheBot);
        assertThat(List.of(otherBot, replyToMember)).noneMatch(Said::reachedTheBot);
        assertThat(telegram.hiddenByPrivacy(GROUP)).extracting(Said::messageId)
                .containsExactly(chatter, otherBot.messageId(), replyToMember.messageId());
        List<JsonNode> delivered = updates();
        assertThat(delivered).extracting(u -> u.path("message").path("message_id").asLong())
                .containsExactly(command.messageId(), addressed.messageId(), reply.messageId(), mention.messageId(),
                        joined);
        assertThat(delivered.get(3).path("message").path("entities").get(0).path("type").asText()).isEqualTo("mention");

        telegram.privacyMode(false);
        Said seen = telegram.say(GROUP, ANI, "halo lagi", null);
        assertThat(seen.reachedTheBot()).isTrue();
        assertThat(updates()).extracting(u -> u.path("message").path("text").asText()).containsExactly("halo lagi");
    }

    @Test
    void editsReplaceTextAndKeyboardAndSayWhenNothingChanged() {
        String buttons = "{\"inline_keyboard\":[[{\"text\":\"1\",\"callback_data\":\"a|x|1|0|1\"}]]}";
        long id = send(GROUP, "Seberapa penting?", buttons).path("result").path("message_id").asLong();

        JsonNode edited = call("editMessageText", "{\"chat_id\":" + GROUP + ",\"message_id\":" + id
                + ",\"text\":\"Seberapa penting? (2 menjawab)\",\"reply_markup\":" + buttons + "}");
        JsonNode same = call("editMessageText", "{\"chat_id\":" + GROUP + ",\"message_id\":" + id
                + ",\"text\":\"Seberapa penting? (2 menjawab)\",\"reply_markup\":" + buttons + "}");
        JsonNode unknown = call("editMessageText", "{\"chat_id\":" + GROUP + ",\"message_id\":" + (id + 50)
                + ",\"text\":\"x\"}");
        JsonNode withoutButtons = call("editMessageText", "{\"chat_id\":" + GROUP + ",\"message_id\":" + id
                + ",\"text\":\"Seberapa penting? (2 menjawab)\"}");

        assertThat(edited.path("result").path("text").asText()).isEqualTo("Seberapa penting? (2 menjawab)");
        assertThat(edited.path("result").path("message_id").asLong()).isEqualTo(id);
        assertThat(edited.path("result").has("edit_date")).isTrue();
        assertThat(edited.path("result").path("reply_markup").path("inline_keyboard").size()).isEqualTo(1);
        assertThat(same.path("error_code").asInt()).isEqualTo(400);
        assertThat(same.path("description").asText()).startsWith("Bad Request: message is not modified");
        assertThat(unknown.path("description").asText()).isEqualTo("Bad Request: message to edit not found");
        assertThat(withoutButtons.path("result").has("reply_markup")).as("an edit without markup drops the keyboard")
                .isFalse();
        assertThat(telegram.editCount(GROUP)).isEqualTo(2);
        assertThat(telegram.message(GROUP, id).orElseThrow().path("text").asText())
                .isEqualTo("Seberapa penting? (2 menjawab)");

        // a press carries the message as it stands now
        telegram.press(ANI, GROUP, id, "a|x|1|0|1");
        JsonNode pressed = updates().get(0).path("callback_query").path("message");
        assertThat(pressed.path("text").asText()).isEqualTo("Seberapa penting? (2 menjawab)");
        assertThat(pressed.has("reply_markup")).isFalse();
    }

    @Test
    void callbackAnswersAreRecordedOnceWithTheirAlertAndText() {
        String buttons = "{\"inline_keyboard\":[[{\"text\":\"Ya\",\"callback_data\":\"a|x|1|0|ya\"}]]}";
        long id = send(GROUP, "Setuju?", buttons).path("result").path("message_id").asLong();
        String first = telegram.press(ANI, GROUP, id, "a|x|1|0|ya");
        String second = telegram.press(BUDI, GROUP, id, "a|x|1|0|ya");

        JsonNode alert = call("answerCallbackQuery", "{\"callback_query_id\":\"" + first
                + "\",\"text\":\"Sudah tercatat\",\"show_alert\":true}");
        JsonNode again = call("answerCallbackQuery", "{\"callback_query_id\":\"" + first + "\"}");
        JsonNode tooLong = call("answerCallbackQuery", "{\"callback_query_id\":\"" + second
                + "\",\"text\":\"" + "x".repeat(201) + "\"}");
        JsonNode tick = call("answerCallbackQuery", "{\"callback_query_id\":\"" + second + "\",\"text\":\"✓\"}");
        JsonNode unknown = call("answerCallbackQuery", "{\"callback_query_id\":\"nope\"}");

        assertThat(alert.path("result").asBoolean()).isTrue();
        assertThat(again.path("description").asText()).contains("query ID is invalid");
        assertThat(tooLong.path("description").asText()).isEqualTo("Bad Request: MESSAGE_TOO_LONG");
        assertThat(tick.path("ok").asBoolean()).isTrue();
        assertThat(unknown.path("error_code").asInt()).isEqualTo(400);
        assertThat(telegram.callbackAnswersIn(GROUP)).extracting(FakeTelegram.CallbackAnswer::text,
                FakeTelegram.CallbackAnswer::showAlert).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Sudah tercatat", true),
                org.assertj.core.groups.Tuple.tuple("✓", false));
        assertThat(telegram.calls("answerCallbackQuery", GROUP)).hasSize(4);
    }

    @Test
    void textsAndCallbackDataAreHeldToTelegramsLimits() {
        JsonNode longest = send(GROUP, "x".repeat(4096), null);
        JsonNode tooLong = send(GROUP, "x".repeat(4097), null);
        JsonNode empty = send(GROUP, "", null);
        JsonNode bigData = send(GROUP, "Pilih", "{\"inline_keyboard\":[[{\"text\":\"A\",\"callback_data\":\""
                + "é".repeat(33) + "\"}]]}");
        long id = longest.path("result").path("message_id").asLong();
        JsonNode reaction = call("setMessageReaction", "{\"chat_id\":" + GROUP + ",\"message_id\":" + id
                + ",\"reaction\":[{\"type\":\"emoji\",\"emoji\":\"👍\"}]}");
        JsonNode reactionOnNothing = call("setMessageReaction", "{\"chat_id\":" + GROUP + ",\"message_id\":"
                + (id + 99) + ",\"reaction\":[{\"type\":\"emoji\",\"emoji\":\"👍\"}]}");

        assertThat(longest.path("ok").asBoolean()).isTrue();
        assertThat(tooLong.path("description").asText()).isEqualTo("Bad Request: message is too long");
        assertThat(empty.path("description").asText()).isEqualTo("Bad Request: message text is empty");
        assertThat(bigData.path("description").asText()).as("66 bytes").isEqualTo("Bad Request: BUTTON_DATA_INVALID");
        assertThat(reaction.path("ok").asBoolean()).isTrue();
        assertThat(reactionOnNothing.path("description").asText()).isEqualTo("Bad Request: message to react not found");
        assertThat(telegram.messageCount(GROUP)).isEqualTo(1);
        assertThat(telegram.reactionCount(GROUP)).isEqualTo(1);
    }

    @Test
    void rateLimitsAreOffUnlessTurnedOn() {
        for (int i = 0; i < 10; i++) {
            assertThat(send(GROUP, "pesan " + i, null).path("ok").asBoolean()).isTrue();
        }
        assertThat(telegram.rateLimited()).isZero();
    }

    @Test
    void aChatGetsABurstThenOneASecondAndMessagesEditsAndReactionsAllCount() {
        telegram.rateLimits(RateLimits.TELEGRAM);
        long id = send(GROUP, "satu", null).path("result").path("message_id").asLong();
        JsonNode edit = call("editMessageText", "{\"chat_id\":" + GROUP + ",\"message_id\":" + id + ",\"text\":\"1\"}");
        JsonNode reaction = call("setMessageReaction", "{\"chat_id\":" + GROUP + ",\"message_id\":" + id
                + ",\"reaction\":[{\"type\":\"emoji\",\"emoji\":\"👍\"}]}");
        JsonNode fourth = send(GROUP, "empat", null);
        JsonNode elsewhere = send(GROUP - 1, "grup lain", null);

        assertThat(edit.path("ok").asBoolean()).isTrue();
        assertThat(reaction.path("ok").asBoolean()).isTrue();
        assertThat(fourth.path("error_code").asInt()).isEqualTo(429);
        assertThat(fourth.path("parameters").path("retry_after").asInt()).isEqualTo(1);
        assertThat(fourth.path("description").asText()).isEqualTo("Too Many Requests: retry after 1");
        assertThat(elsewhere.path("ok").asBoolean()).as("another chat has its own budget").isTrue();
        assertThat(telegram.rateLimited()).isEqualTo(1);
    }

    @Test
    void aGroupGetsItsPerMinuteShareAndTheBotItsOverallOne() {
        telegram.rateLimits(new RateLimits(30, Duration.ofSeconds(1), Duration.ofMillis(1), 100, 5,
                Duration.ofMinutes(1)));
        for (int i = 0; i < 5; i++) {
            assertThat(send(GROUP, "pesan " + i, null).path("ok").asBoolean()).isTrue();
        }
        JsonNode sixth = send(GROUP, "pesan 6", null);
        assertThat(sixth.path("error_code").asInt()).isEqualTo(429);
        assertThat(sixth.path("parameters").path("retry_after").asInt()).isBetween(55, 60);
        assertThat(send(ANI.id(), "chat pribadi tidak dibatasi per grup", null).path("ok").asBoolean()).isTrue();

        int accepted = 6;
        JsonNode refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            JsonNode answer = send(-4_200_000_000L - i, "pengumuman", null);
            if (answer.path("ok").asBoolean()) {
                accepted++;
            } else {
                refused = answer;
            }
        }
        assertThat(refused).isNotNull();
        assertThat(refused.path("error_code").asInt()).isEqualTo(429);
        assertThat(accepted).as("30 a second overall (unless the second turned meanwhile)").isGreaterThanOrEqualTo(30);
    }
}
