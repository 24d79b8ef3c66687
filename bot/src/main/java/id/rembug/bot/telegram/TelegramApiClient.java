package id.rembug.bot.telegram;

import okhttp3.OkHttpClient;

import java.io.IOException;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/**
 * TelegramBots' OkHttp client for ordinary Bot API calls (sending, setWebhook, setMyCommands),
 * pointed at the configured API URL, each call limited to {@code rembug.telegram.request-timeout}
 * and run on the thread that makes it ({@link TelegramHttp#callerRunsClient}).
 * Closing it lets its HTTP threads and connections go at shutdown.
 */
public final class TelegramApiClient extends OkHttpTelegramClient implements AutoCloseable {

    private final OkHttpClient http;
    private final String fileBase;

    public TelegramApiClient(TelegramProperties properties) {
        this(TelegramHttp.callerRunsClient(properties.requestTimeout()), properties);
    }

    private TelegramApiClient(OkHttpClient http, TelegramProperties properties) {
        super(http, properties.token(), properties.telegramUrl());
        this.http = http;
        String api = properties.apiUrl().strip();
        this.fileBase = (api.endsWith("/") ? api.substring(0, api.length() - 1) : api) + "/file/bot"
                + properties.token() + "/";
    }

    /**
     * The bytes of a file getFile named, from the configured Bot API's download URL (the
     * library's own download always goes to api.telegram.org), at most {@code max} + 1 of them.
     *
     * @throws IOException when the download fails, e.g. 404 for a path that expired
     */
    public byte[] download(String filePath, long max) throws IOException {
        okhttp3.Request request = new okhttp3.Request.Builder().url(fileBase + filePath).get().build();
        try (okhttp3.Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                throw new IOException("file download answered " + response.code());
            }
            return response.body().byteStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
    }

    @Override
    public void close() {
        TelegramHttp.close(http);
    }
}
