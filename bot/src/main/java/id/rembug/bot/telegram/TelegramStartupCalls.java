package id.rembug.bot.telegram;

import id.rembug.bot.channel.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The Bot API calls made once at start-up (setWebhook, setMyCommands), run in order on their
 * own thread so an unreachable Telegram neither blocks nor fails the app's start. A call that
 * fails for a passing reason is retried with growing waits (honouring a 429's retry_after)
 * until it succeeds or the app stops; one Telegram refuses outright is logged and given up.
 */
public final class TelegramStartupCalls implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramStartupCalls.class);

    /** One Bot API call worth retrying. */
    public record Call(String name, Action action) {
    }

    @FunctionalInterface
    public interface Action {
        void run() throws TelegramApiException;
    }

    private final List<Call> calls;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile Thread worker;

    public TelegramStartupCalls(List<Call> calls) {
        this(calls, Duration.ofSeconds(1), Duration.ofMinutes(1));
    }

    TelegramStartupCalls(List<Call> calls, Duration firstBackoff, Duration maxBackoff) {
        this.calls = List.copyOf(calls);
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    @Override
    public synchronized void start() {
        if (worker == null) {
            worker = new Thread(this::runAll, "telegram-startup-calls");
            worker.setDaemon(true);
            worker.start();
        }
    }

    @Override
    public synchronized void stop() {
        stopping.countDown();
        if (worker != null) {
            worker.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        Thread current = worker;
        return current != null && stopping.getCount() > 0;
    }

    private void runAll() {
        for (Call call : calls) {
            if (!runUntilDone(call)) {
                return;
            }
        }
    }

    /** False when the app began stopping meanwhile. */
    private boolean runUntilDone(Call call) {
        long backoffMillis = firstBackoff.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                call.action().run();
                log.info("Telegram {}: done", call.name());
                return true;
            } catch (Exception e) {
                SendResult outcome = TelegramFailures.classify(e);
                long waitMillis;
                if (outcome instanceof SendResult.Transient transientFailure) {
                    waitMillis = backoffMillis;
                    backoffMillis = Math.min(backoffMillis * 2, maxBackoff.toMillis());
                    log.warn("Telegram {} failed (attempt {}): {}; trying again in {} ms", call.name(), attempt,
                            transientFailure.reason(), waitMillis);
                } else if (outcome instanceof SendResult.RetryAfter retryAfter) {
                    waitMillis = TimeUnit.SECONDS.toMillis(retryAfter.seconds());
                    log.warn("Telegram {}: too many requests, trying again in {} s", call.name(), retryAfter.seconds());
                } else {
                    log.error("Telegram {} refused, not retrying: {}", call.name(), outcome);
                    return true;
                }
                try {
                    if (stopping.await(waitMillis, TimeUnit.MILLISECONDS)) {
                        return false;
                    }
                } catch (InterruptedException interrupted) {
                    return false;
                }
            }
        }
    }
}
