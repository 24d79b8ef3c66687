package id.rembug.bot.telegram;

import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.support.ExecutorServiceAdapter;

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
        return builder(callTimeout).build();
    }

    /**
     * A client like {@link #client} whose calls run on the thread that makes them. TelegramBots'
     * client sends every call with OkHttp's {@code enqueue} and then waits for it, so each call
     * would hop to one of OkHttp's threads and back: two thread wake-ups per call, which on a busy
     * machine took longer than the call's own work. The caller waits either way. No limit on calls
     * at once either: a call OkHttp held back would run on the thread of whichever call ended first.
     * (Two calls started in the same instant may still both run on one of their threads, one after
     * the other, as OkHttp hands every waiting call to the thread that looks: rare, and each caller
     * gets its own answer.)
     */
    static OkHttpClient callerRunsClient(Duration callTimeout) {
        Dispatcher onCallers = new Dispatcher(new ExecutorServiceAdapter(new SyncTaskExecutor()));
        onCallers.setMaxRequests(Integer.MAX_VALUE);
        onCallers.setMaxRequestsPerHost(Integer.MAX_VALUE);
        return builder(callTimeout).dispatcher(onCallers).build();
    }

    private static OkHttpClient.Builder builder(Duration callTimeout) {
        long millis = callTimeout.toMillis();
        return new OkHttpClient.Builder()
                .callTimeout(millis, TimeUnit.MILLISECONDS)
                .connectTimeout(millis, TimeUnit.MILLISECONDS)
                .readTimeout(millis, TimeUnit.MILLISECONDS)
                .writeTimeout(millis, TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(true);
    }

    /** Lets the client's idle threads and connections go now instead of after their keep-alive. */
    static void close(OkHttpClient client) {
        client.dispatcher().cancelAll();
        if (!(client.dispatcher().executorService() instanceof ExecutorServiceAdapter)) {
            // a client whose calls run on their callers has no threads of its own to let go
            client.dispatcher().executorService().shutdown();
        }
        client.connectionPool().evictAll();
    }
}
