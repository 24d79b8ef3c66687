package id.rembug.bot.telegram;

import id.rembug.bot.logging.SafeLog;
import id.rembug.bot.channel.InboxWriter;
import id.rembug.bot.channel.Inbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Where long-polled updates enter Rembug: the whole batch goes into the durable inbox before
 * {@link #consume} returns.
 *
 * <p>Why synchronously, and why retry here: TelegramBots' poller confirms a batch to Telegram
 * with its next getUpdates call, which it makes as soon as {@code consume} returns. Returning
 * before the inbox holds the batch would confirm updates that exist nowhere. So when the inbox
 * fails (Redis down) this keeps trying, backing off, until it succeeds or the app shuts down;
 * on shutdown the unconfirmed batch stays with Telegram and comes again on the next start.
 * Nothing may escape {@code consume} either: an exception there cancels the poller's task and
 * the bot silently stops listening.
 */
public final class TelegramPollingIntake implements LongPollingUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(TelegramPollingIntake.class);
    /** After the first failure, one log line per this many failed attempts. */
    static final int LOG_EVERY_ATTEMPTS = 10;

    private final TelegramUpdateTranslator translator;
    private final InboxWriter inbox;
    private final TelegramGroupCounter counter;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private volatile CountDownLatch shutdown = new CountDownLatch(1);

    public TelegramPollingIntake(TelegramUpdateTranslator translator, InboxWriter inbox) {
        this(translator, inbox, null);
    }

    /** @param counter counts a group's members after an update that may change them; null: never */
    public TelegramPollingIntake(TelegramUpdateTranslator translator, InboxWriter inbox, TelegramGroupCounter counter) {
        this(translator, inbox, counter, Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    public TelegramPollingIntake(TelegramUpdateTranslator translator, InboxWriter inbox, Duration firstBackoff,
                                 Duration maxBackoff) {
        this(translator, inbox, null, firstBackoff, maxBackoff);
    }

    public TelegramPollingIntake(TelegramUpdateTranslator translator, InboxWriter inbox, TelegramGroupCounter counter,
                                 Duration firstBackoff, Duration maxBackoff) {
        this.translator = translator;
        this.inbox = inbox;
        this.counter = counter;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    @Override
    public void consume(List<Update> updates) {
        if (updates == null || updates.isEmpty()) {
            return;
        }
        try {
            List<Inbound> batch = new ArrayList<>();
            for (Update update : updates) {
                batch.addAll(translator.translate(update));
            }
            if (!batch.isEmpty()) {
                appendUntilStored(batch);
                if (counter != null) {
                    counter.countAfter(batch);
                }
            }
        } catch (Throwable unexpected) {
            // Only a bug gets here (the translator and the retry loop catch everything they expect).
            try {
                log.error("Telegram intake failed on a batch of {} updates; carrying on with the next: {}",
                        updates.size(), SafeLog.describe(unexpected));
            } catch (Throwable evenLogging) {
                // nothing more can be done without risking the poller
            }
        }
    }

    private void appendUntilStored(List<Inbound> batch) {
        long backoffMillis = firstBackoff.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                int added = inbox.append(batch);
                if (attempt > 1) {
                    log.info("Inbox is back: stored {} of {} Telegram updates after {} attempts", added, batch.size(),
                            attempt);
                }
                return;
            } catch (Throwable failure) {
                if (attempt == 1) {
                    log.warn("Cannot store {} Telegram updates in the inbox ({}); holding them and retrying, "
                            + "Telegram keeps them until then", batch.size(), failure.toString(), failure);
                } else if (attempt % LOG_EVERY_ATTEMPTS == 0) {
                    log.warn("Inbox still failing after {} attempts ({}); still holding {} Telegram updates",
                            attempt, failure.toString(), batch.size());
                }
            }
            if (waitOrShutdown(backoffMillis)) {
                log.warn("Shutting down with {} Telegram updates not stored; Telegram will send them again on "
                        + "the next start", batch.size());
                return;
            }
            backoffMillis = Math.min(backoffMillis * 2, maxBackoff.toMillis());
        }
    }

    /** Sleeps for the back-off; true when the app is shutting down instead. */
    private boolean waitOrShutdown(long millis) {
        try {
            return shutdown.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /**
     * Stops any retry in progress. Call only after the poller has been stopped: a batch given
     * up here must not be followed by another getUpdates, which would confirm it.
     */
    public void shutDown() {
        shutdown.countDown();
    }

    /** Undoes {@link #shutDown()} when polling starts again. */
    void resume() {
        if (shutdown.getCount() == 0) {
            shutdown = new CountDownLatch(1);
        }
    }
}
