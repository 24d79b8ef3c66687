package id.rembug.bot.dispatch;

import id.rembug.bot.channel.ChatGateway;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.channel.SendResult;
import id.rembug.bot.telegram.TelegramApiClient;
import id.rembug.bot.telegram.TelegramGateway;
import id.rembug.bot.telegram.TelegramProperties;
import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegram.RateLimits;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import static id.rembug.bot.dispatch.DispatchFixture.text;
import static id.rembug.bot.dispatch.DispatchLimitsTest.maxInAnyWindow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Telegram counts a message when the request reaches it, not when the dispatcher took its slot:
 * a request that travels longer than the one that takes its slot a second later must not make
 * Telegram count 31 in a second. The real gateway talks to {@link FakeTelegram} enforcing
 * {@link RateLimits#TELEGRAM}; both read the hand-moved clock, and each request's way there and
 * back moves it, as the network would.
 */
@TestRedis
class TelegramCountsOnArrivalTest {

    private static final long OVERALL_WINDOW = RateLimits.TELEGRAM.overallWindow().toMillis();
    /** How far the clock moves while nothing is due: well below the travel times that matter. */
    private static final long STEP = 5;

    private final FakeTelegram telegram = new FakeTelegram();
    private final TelegramApiClient client = new TelegramApiClient(new TelegramProperties(FakeTelegram.TOKEN,
            telegram.url(), null, null, null, null, null, Duration.ofSeconds(5), null));
    private DispatchFixture fx;
    private TravellingGateway gateway;

    @BeforeEach
    void setUp() {
        fx = new DispatchFixture(RedisServerExtension.template());
        telegram.clock(fx.clock);
        telegram.rateLimits(RateLimits.TELEGRAM);
        gateway = new TravellingGateway(new TelegramGateway(client));
    }

    @AfterEach
    void tearDown() {
        client.close();
        telegram.close();
    }

    @Test
    void manyChatsReadyAtOnceNeverMakeTelegramCountMoreThanThirtyInASecondWhenSomeRequestsArriveLate() {
        Dispatcher dispatcher = dispatcher();
        List<Outgoing> messages = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            String chat = Long.toString(-1_001_000_000_000L - i);
            messages.add(text("m" + i, chat));
            // every seventh request is held up on its way; the one that takes its slot a second
            // later (thirty on) mostly is not
            gateway.travel(chat, i % 7 == 0 ? 40 : 2, 1);
        }
        fx.writer.enqueue(messages);

        fx.drain(STEP, 60_000, dispatcher);

        assertThat(telegram.rateLimited()).as("429s from Telegram").isZero();
        List<Long> arrivals = arrivals();
        assertThat(arrivals).hasSize(65);
        assertThat(maxInAnyWindow(arrivals, OVERALL_WINDOW)).as("the whole budget is used")
                .isEqualTo(RateLimits.TELEGRAM.overall());
    }

    @Test
    void aSendStillOnItsWayKeepsItsSlotUntilTelegramAnswers() {
        Dispatcher one = dispatcher();
        Dispatcher two = dispatcher();
        List<Outgoing> messages = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String chat = Long.toString(-1_002_000_000_000L - i);
            messages.add(text("m" + i, chat));
            gateway.travel(chat, 2, 1);
        }
        fx.writer.enqueue(messages);
        // the first request hangs for 1.2 s on its way while the other instance sends on
        gateway.meanwhile(messages.get(0).chatId(), () -> fx.runFor(STEP, 1_200, two));

        one.runOnce();
        fx.drain(STEP, 60_000, one, two);

        assertThat(telegram.rateLimited()).as("429s from Telegram").isZero();
        assertThat(arrivals()).hasSize(60);
    }

    private Dispatcher dispatcher() {
        return new Dispatcher(fx.redis, DispatchProperties.defaults(), () -> List.of(gateway), List::of,
                new DispatchStats(), fx.clock, new Random(7));
    }

    private List<Long> arrivals() {
        return telegram.sent(sent -> true).stream().map(FakeTelegram.Sent::atMillis).sorted().toList();
    }

    /**
     * The real gateway behind a network that takes its time: a request to a chat travels
     * {@code there} ms of the test's clock before Telegram sees it and its answer {@code back} ms;
     * or, for one chat, the test runs something else while its request is on the way.
     */
    private final class TravellingGateway implements ChatGateway {

        private record Travel(long there, long back) {
        }

        private final ChatGateway telegramGateway;
        private final Map<String, Travel> travels = new ConcurrentHashMap<>();
        private final Map<String, Runnable> meanwhile = new ConcurrentHashMap<>();

        TravellingGateway(ChatGateway telegramGateway) {
            this.telegramGateway = telegramGateway;
        }

        void travel(String chatId, long there, long back) {
            travels.put(chatId, new Travel(there, back));
        }

        void meanwhile(String chatId, Runnable whileOnTheWay) {
            meanwhile.put(chatId, whileOnTheWay);
        }

        @Override
        public boolean handles(String chatId) {
            return telegramGateway.handles(chatId);
        }

        @Override
        public SendResult send(Outgoing message) {
            Travel travel = travels.getOrDefault(message.chatId(), new Travel(0, 0));
            fx.clock.advanceMillis(travel.there());
            Runnable whileOnTheWay = meanwhile.remove(message.chatId());
            if (whileOnTheWay != null) {
                whileOnTheWay.run();
            }
            SendResult result = telegramGateway.send(message);
            fx.clock.advanceMillis(travel.back());
            return result;
        }
    }
}
