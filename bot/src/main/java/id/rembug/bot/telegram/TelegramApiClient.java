package id.rembug.bot.telegram;

import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/**
 * TelegramBots' OkHttp client for ordinary Bot API calls (sending, setWebhook, setMyCommands),
 * pointed at the configured API URL, each call limited to {@code rembug.telegram.request-timeout}.
 * Closing it lets its HTTP threads and connections go at shutdown.
 */
public final class TelegramApiClient extends OkHttpTelegramClient implements AutoCloseable {

    private final OkHttpClient http;

    public TelegramApiClient(TelegramProperties properties) {
        this(TelegramHttp.client(properties.requestTimeout()), properties);
    }

    private TelegramApiClient(OkHttpClient http, TelegramProperties properties) {
        super(http, properties.token(), properties.telegramUrl());
        this.http = http;
    }

    @Override
    public void close() {
        TelegramHttp.close(http);
    }
}
