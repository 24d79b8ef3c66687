package id.rembug.bot.telegram;

import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The HTTP clients that carry Bot API calls, each with a hard limit per call. */
final class TelegramHttp {

    private TelegramHttp() {
    }

    /**
     * A client whose every call ends within {@code callTimeout}, connecting included, so a stuck
     * Telegram or network shows up as a time-out rather than a hung sender or poller.
     */
    static OkHttpClient client(Duration callTimeout) {
        long millis = callTimeout.toMillis();
        return new OkHttpClient.Builder()
                .callTimeout(millis, TimeUnit.MILLISECONDS)
                .connectTimeout(millis, TimeUnit.MILLISECONDS)
                .readTimeout(millis, TimeUnit.MILLISECONDS)
                .writeTimeout(millis, TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(true)
                .build();
    }

    /** Lets the client's idle threads and connections go now instead of after their keep-alive. */
    static void close(OkHttpClient client) {
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
