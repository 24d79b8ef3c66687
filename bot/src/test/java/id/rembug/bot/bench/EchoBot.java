package id.rembug.bot.bench;

import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.longpolling.util.LongPollingSingleThreadUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The baseline: the plainest TelegramBots bot, as its README writes one. Long polling with the
 * library's defaults, a {@link LongPollingSingleThreadUpdateConsumer}, and one synchronous
 * {@link OkHttpTelegramClient} call per update: a message's text goes back as a reply to it
 * (a message without text, such as the bot being added, gets a wave), a button press gets its
 * callback answered. No storage, no ordering guarantees, nothing survives a crash.
 */
final class EchoBot implements AutoCloseable {

    private final OkHttpClient http = new OkHttpClient();
    private final OkHttpTelegramClient client;
    private final TelegramBotsLongPollingApplication application = new TelegramBotsLongPollingApplication();

    EchoBot(String token, int port) throws TelegramApiException {
        TelegramUrl url = TelegramUrl.builder().schema("http").host("127.0.0.1").port(port).testServer(false).build();
        client = new OkHttpTelegramClient(http, token, url);
        // Not this object itself: the library closes a consumer that is AutoCloseable when it stops.
        LongPollingSingleThreadUpdateConsumer consumer = this::reply;
        application.registerBot(token, () -> url, new DefaultGetUpdatesGenerator(), consumer);
    }

    private void reply(Update update) {
        try {
            if (update.hasMessage()) {
                Message message = update.getMessage();
                String text = message.hasText() ? message.getText() : "👋";
                client.execute(SendMessage.builder().chatId(message.getChatId()).text(text)
                        .replyParameters(ReplyParameters.builder().messageId(message.getMessageId()).build())
                        .build());
            } else if (update.hasCallbackQuery()) {
                client.execute(AnswerCallbackQuery.builder().callbackQueryId(update.getCallbackQuery().getId()).build());
            }
        } catch (TelegramApiException e) {
            System.err.println("echo bot: " + e.getMessage());
        }
    }

    @Override
    public void close() throws Exception {
        application.close();
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
