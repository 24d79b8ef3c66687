package id.rembug.bot.telegram;

import id.rembug.bot.channel.InboxWriter;
import id.rembug.bot.channel.Inbound;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static id.rembug.bot.telegram.TelegramSamples.BOT_ID;
import static id.rembug.bot.telegram.TelegramSamples.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class TelegramPollingIntakeTest {

    private final TelegramUpdateTranslator translator = new TelegramUpdateTranslator(BOT_ID, Clock.systemUTC());

    @Test
    void wholeBatchGoesToTheInboxInOneAppendInOrder() {
        var inbox = new CollectingInbox();
        new TelegramPollingIntake(translator, inbox).consume(List.of(update("group-text"), update("sticker"),
                update("callback-query")));
        assertThat(inbox.storedIds()).containsExactly("tg:700100001", "tg:700100005");
        assertThat(inbox.successfulAppends()).isEqualTo(1);
    }

    @Test
    void batchOfIgnoredUpdatesDoesNotTouchTheInbox() {
        var inbox = new CollectingInbox();
        new TelegramPollingIntake(translator, inbox).consume(List.of(update("sticker"), update("poll")));
        assertThat(inbox.attempts()).isZero();
    }

    @Test
    void evenAnErrorFromTheInboxIsRetriedNotThrown() {
        AtomicInteger calls = new AtomicInteger();
        List<Inbound> stored = new ArrayList<>();
        InboxWriter flaky = updates -> {
            if (calls.incrementAndGet() <= 2) {
                throw new StackOverflowError("deep trouble (test)");
            }
            stored.addAll(updates);
            return updates.size();
        };
        var intake = new TelegramPollingIntake(translator, flaky, Duration.ofMillis(1), Duration.ofMillis(2));

        assertThatCode(() -> intake.consume(List.of(update("group-text")))).doesNotThrowAnyException();

        assertThat(calls.get()).isEqualTo(3);
        assertThat(stored).extracting(Inbound::updateId).containsExactly("tg:700100001");
    }

    @Test
    void oddBatchesNeverEscapeConsume() {
        var intake = new TelegramPollingIntake(translator, new CollectingInbox());
        assertThatCode(() -> intake.consume(Arrays.asList(null, new Update(), update("message-without-date"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> intake.consume(null)).doesNotThrowAnyException();
    }

    @Test
    void shutDownEndsTheRetryingWithoutStoring() throws Exception {
        var inbox = new CollectingInbox();
        inbox.failNext(Integer.MAX_VALUE);
        var intake = new TelegramPollingIntake(translator, inbox, Duration.ofMillis(5), Duration.ofMillis(5));
        Thread poller = new Thread(() -> intake.consume(List.of(update("group-text"))));
        poller.start();
        while (inbox.attempts() < 2) {
            Thread.sleep(5);
        }

        intake.shutDown();
        poller.join(2000);

        assertThat(poller.isAlive()).isFalse();
        assertThat(inbox.stored()).isEmpty();
    }
}
