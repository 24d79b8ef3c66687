package id.rembug.bot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs TelegramBots' long poller for the bot and stops it cleanly.
 *
 * <p>Registration happens on its own thread and is retried: TelegramBots deletes any webhook
 * (a leftover webhook makes getUpdates fail) before its first poll and gives up on the spot when
 * that call fails, e.g. while the network is not up yet.
 *
 * <p>With a {@link PollerLease} (several instances on one Redis), only the instance holding the
 * lease polls: the others wait and take over when it lapses; one that loses it stops polling.
 *
 * <p>Stopping goes in an order that loses nothing: first the poll task is cancelled, so no
 * further getUpdates can confirm a batch; only then is the intake told to give up a batch it
 * cannot store; then the long poll in flight is aborted and the poller thread ended.
 */
public final class TelegramPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);

    private final String token;
    private final TelegramUrl url;
    private final Function<Integer, GetUpdates> getUpdates;
    private final TelegramPollingIntake intake;
    private final Duration pollRequestTimeout;
    private final Duration firstRetry;
    private final Duration maxRetry;

    private volatile CountDownLatch stopping = new CountDownLatch(1);
    private OkHttpClient http;
    private ScheduledExecutorService poller;
    private TelegramBotsLongPollingApplication application;
    private volatile Thread registration;
    private volatile boolean running;
    /** Null: this instance always polls (a single instance, or a test without Redis). */
    private final PollerLease lease;
    private final Object session = new Object();
    private Thread keeper;
    private volatile boolean leading;

    public TelegramPolling(TelegramProperties properties, TelegramPollingIntake intake) {
        this(properties, intake, null);
    }

    public TelegramPolling(TelegramProperties properties, TelegramPollingIntake intake, PollerLease lease) {
        this(properties, intake, lease, Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    TelegramPolling(TelegramProperties properties, TelegramPollingIntake intake, Duration firstRetry,
                    Duration maxRetry) {
        this(properties, intake, null, firstRetry, maxRetry);
    }

    TelegramPolling(TelegramProperties properties, TelegramPollingIntake intake, PollerLease lease,
                    Duration firstRetry, Duration maxRetry) {
        this.lease = lease;
        this.token = properties.token();
        this.url = properties.telegramUrl();
        this.getUpdates = LenientGetUpdates.generator(properties.pollTimeoutSeconds(), TelegramUpdateTypes.WANTED);
        this.intake = intake;
        this.pollRequestTimeout = properties.pollRequestTimeout();
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        stopping = new CountDownLatch(1);
        intake.resume();
        http = TelegramHttp.client(pollRequestTimeout);
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "telegram-poller");
            thread.setDaemon(true);
            return thread;
        });
        // The library's defaults would make an executor nobody shuts down and an unbounded back-off.
        application = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> http, () -> poller,
                () -> new CappedBackOff(firstRetry, maxRetry));
        if (lease == null) {
            startSession();
        } else {
            keeper = new Thread(this::keepLease, "telegram-poller-lease");
            keeper.setDaemon(true);
            keeper.start();
        }
        running = true;
    }

    private void startSession() {
        synchronized (session) {
            if (stopping.getCount() == 0) {
                return;
            }
            leading = true;
            registration = new Thread(this::registerUntilDone, "telegram-poller-start");
            registration.setDaemon(true);
            registration.start();
        }
    }

    /** Another instance polls now: this one stops asking (a batch in hand is stored or comes again). */
    private void stopSession() {
        synchronized (session) {
            if (!leading || stopping.getCount() == 0) {
                return;
            }
            leading = false;
            registration.interrupt();
            joinQuietly(registration);
            forgetFailedSession();
            http.dispatcher().cancelAll();
            log.warn("This instance no longer holds the poller lease: it stopped polling Telegram");
        }
    }

    /**
     * Takes the lease when it is free and keeps extending it while polling. While Redis cannot
     * be reached the poller carries on until the lease would have run out, then stops, since
     * another instance may have taken it by then.
     */
    private void keepLease() {
        long every = Math.max(100, lease.duration().toMillis() / 3);
        long renewedAt = 0;
        while (stopping.getCount() > 0) {
            try {
                if (!leading) {
                    if (lease.tryAcquire()) {
                        renewedAt = System.currentTimeMillis();
                        log.info("This instance holds the poller lease: it polls Telegram");
                        startSession();
                    }
                } else if (lease.renew()) {
                    renewedAt = System.currentTimeMillis();
                } else {
                    stopSession();
                }
            } catch (RuntimeException redisAway) {
                if (leading && System.currentTimeMillis() - renewedAt >= lease.duration().toMillis()) {
                    log.warn("Cannot renew the poller lease ({}); stopping polling", redisAway.getMessage());
                    stopSession();
                }
            }
            try {
                if (stopping.await(every, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void registerUntilDone() {
        long waitMillis = firstRetry.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                application.registerBot(token, () -> url, getUpdates, intake);
                log.info("Telegram long polling started against {}://{}:{}", url.getSchema(), url.getHost(), url.getPort());
                return;
            } catch (TelegramApiException e) {
                log.warn("Cannot start Telegram long polling (attempt {}): {}; trying again in {} ms", attempt,
                        e.getMessage(), waitMillis);
                forgetFailedSession();
            }
            try {
                if (stopping.await(waitMillis, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
            waitMillis = Math.min(waitMillis * 2, maxRetry.toMillis());
        }
    }

    // The library keeps a session whose start failed, and refuses to register the token again.
    private void forgetFailedSession() {
        try {
            application.unregisterBot(token);
        } catch (TelegramApiException notRegistered) {
            // nothing to forget
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        stopping.countDown();
        if (keeper != null) {
            keeper.interrupt();
            joinQuietly(keeper);
        }
        synchronized (session) {
            if (registration != null) {
                registration.interrupt();
                joinQuietly(registration);
            }
        }
        try {
            application.close();
        } catch (Exception e) {
            log.warn("Closing TelegramBots' long polling failed", e);
        }
        intake.shutDown();
        // Aborts the long poll in flight (TelegramBots logs that as an error with a stack trace,
        // once); then the poller thread finishes its short back-off and ends by itself.
        http.dispatcher().cancelAll();
        poller.shutdown();
        try {
            if (!poller.awaitTermination(5, TimeUnit.SECONDS)) {
                poller.shutdownNow();
                log.warn("Telegram poller thread did not end within 5 s");
            }
        } catch (InterruptedException e) {
            poller.shutdownNow();
            Thread.currentThread().interrupt();
        }
        TelegramHttp.close(http);
        if (lease != null && leading) {
            try {
                lease.release();
            } catch (RuntimeException redisAway) {
                log.warn("Cannot give the poller lease up ({}); another instance takes it when it runs out",
                        redisAway.getMessage());
            }
        }
        leading = false;
        log.info("Telegram long polling stopped");
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether this instance is the one polling Telegram (always, without a lease). */
    public boolean polls() {
        return running && leading;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
