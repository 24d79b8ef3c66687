package id.rembug.bot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rembug.bot.testsupport.FakeTelegram;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Real-shaped Bot API update JSON from {@code src/test/resources/telegram}. */
final class TelegramSamples {

    /** The bot token the tests run with; the bot's own user id is its numeric prefix. */
    static final String TOKEN = "123456789:TEST-token_for-rembug";
    static final long BOT_ID = 123456789L;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TelegramSamples() {
    }

    /** The channel in webhook mode against {@code api}, registering the webhook at {@code path}. */
    static void webhookMode(DynamicPropertyRegistry registry, FakeTelegram api, String path, String secret) {
        registry.add("rembug.telegram.token", () -> TOKEN);
        registry.add("rembug.telegram.api-url", api::url);
        registry.add("rembug.telegram.mode", () -> "webhook");
        registry.add("rembug.telegram.webhook-url", () -> "https://rembug.example.org" + path);
        registry.add("rembug.telegram.webhook-path", () -> path);
        registry.add("rembug.telegram.webhook-secret", () -> secret);
    }

    static String json(String name) {
        try (InputStream in = TelegramSamples.class.getResourceAsStream("/telegram/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bound exactly as TelegramBots binds it. */
    static Update update(String name) {
        try {
            return MAPPER.readValue(json(name), Update.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A compact getUpdates answer holding the given update JSON objects. */
    static String getUpdatesAnswer(String... updates) {
        return "{\"ok\":true,\"result\":[" + String.join(",", updates) + "]}";
    }

    static String textUpdate(int updateId, long chatId, String text) {
        return """
                {"update_id":%d,"message":{"message_id":%d,"from":{"id":5011,"is_bot":false,"first_name":"Siti"},\
                "chat":{"id":%d,"title":"RT 05","type":"group"},"date":1763900000,"text":"%s"}}"""
                .formatted(updateId, updateId % 100000, chatId, text);
    }
}
