package id.rembug.bot.dispatch;

import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.channel.Outgoing.Lane;
import id.rembug.bot.channel.SendResult;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.TestRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static id.rembug.bot.dispatch.DispatchFixture.callbackAnswer;
import static id.rembug.bot.dispatch.DispatchFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@TestRedis
class DispatcherTest {

    /** Limits opened up, for tests about claims and waking rather than about waiting. */
    private static final DispatchProperties.Limits OPEN_LIMITS = new DispatchProperties.Limits(100_000,
            Duration.ofSeconds(1), 100_000, Duration.ofMillis(1), 1_000, 100_000, Duration.ofMinutes(1), 8,
            Duration.ZERO);

    private DispatchFixture fx;

    @BeforeEach
    void setUp() {
        fx = new DispatchFixture(RedisServerExtension.template());
    }

    @Test
    void messagesToOneChatGoOutInTheOrderTheyWereQueued() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        for (int i = 0; i < 8; i++) {
            fx.enqueue(text("a" + i, "101"), text("b" + i, "202"));
        }

        fx.drain(100, 60_000, dispatcher);

        assertThat(fx.gateway.deliveredTo("101")).containsExactly("a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7");
        assertThat(fx.gateway.deliveredTo("202")).containsExactly("b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7");
        assertThat(fx.gateway.attempts()).hasSize(16);
        assertThat(dispatcher.delivery("a3")).hasValueSatisfying(d -> {
            assertThat(d.sent()).isTrue();
            assertThat(d.chatId()).isEqualTo("101");
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.messageId()).isNotBlank();
        });
        assertThat(RedisServerExtension.template().getExpire(DispatchKeys.delivery("a3"))).isGreaterThan(Duration.ofDays(29).toSeconds());
    }

    /** Real clock and threads, limits opened up, and an idle poll longer than any test: only wake-ups make it send. */
    private static Dispatcher wokenOnly(int workers, ScriptedGateway gateway) {
        DispatchProperties properties = DispatchProperties.defaults().withWorkers(workers)
                .withIdlePoll(Duration.ofMinutes(1))
                .withLimits(OPEN_LIMITS);
        return new Dispatcher(RedisServerExtension.template(), properties, () -> List.of(gateway), List::of,
                new DispatchStats(), Clock.systemUTC(), new Random(1));
    }

    @Test
    void aMessageEnqueuedWhileTheWorkerFindsNothingLeftIsSentAtOnceNotAfterTheIdlePoll() throws Exception {
        // one worker and an idle poll longer than the test: only the producer's wake-up can make it send
        ScriptedGateway gateway = new ScriptedGateway(Clock.systemUTC());
        OutboxWriter writer = new OutboxWriter(RedisServerExtension.template(), Clock.systemUTC());
        Dispatcher dispatcher = wokenOnly(1, gateway);
        dispatcher.start();
        try {
            // Each message is enqueued the moment the one before reaches the platform, as a commit's
            // follow-up does: the worker is then still settling it and finding nothing after it, so the
            // wake-up comes before it sleeps. A wake-up lost there left the message for a whole minute.
            for (int i = 0; i < 40; i++) {
                writer.enqueue(List.of(text("w" + i, Integer.toString(700 + i % 3))));
                dispatcher.wakeUp();
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (gateway.delivered().size() <= i) {
                    assertThat(System.nanoTime()).as("message w%d still waits", i).isLessThan(deadline);
                    Thread.onSpinWait();
                }
            }
        } finally {
            dispatcher.stop();
        }

        assertThat(gateway.delivered()).hasSize(40);
    }

    @Test
    void oneWakeUpSetsAsManyIdleWorkersGoingAsThereAreChatsDue() throws Exception {
        // four idle workers and an idle poll longer than the test: a wake-up wakes one worker, and
        // each worker whose claim says more chats are due wakes the next
        ScriptedGateway gateway = new ScriptedGateway(Clock.systemUTC()).taking(400);
        OutboxWriter writer = new OutboxWriter(RedisServerExtension.template(), Clock.systemUTC());
        Dispatcher dispatcher = wokenOnly(4, gateway);
        dispatcher.start();
        try {
            Thread.sleep(300); // every worker found the outbox empty and sleeps
            for (int i = 0; i < 8; i++) {
                writer.enqueue(List.of(text("h" + i, Integer.toString(800 + i))));
            }
            dispatcher.wakeUp();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (gateway.delivered().size() < 8) {
                assertThat(System.nanoTime()).as("all eight delivered").isLessThan(deadline);
                Thread.sleep(10);
            }
        } finally {
            dispatcher.stop();
        }

        assertThat(gateway.mostSendsAtOnce()).as("the four workers sent side by side").isEqualTo(4);
    }

    @Test
    void eachMessageIsSentExactlyOnceByTwoInstancesOfFourWorkersSharingOneRedis() throws Exception {
        // real clock and threads; limits opened up so the test is about claims, not about waiting
        DispatchProperties properties = DispatchProperties.defaults()
                .withIdlePoll(Duration.ofMillis(5))
                .withRetry(new DispatchProperties.Retry(8, Duration.ofMillis(1), Duration.ofMillis(5), 0.5))
                .withLimits(OPEN_LIMITS);
        Clock clock = Clock.systemUTC();
        ScriptedGateway gateway = new ScriptedGateway(clock).taking(1);
        OutboxWriter writer = new OutboxWriter(RedisServerExtension.template(), clock);
        List<Outgoing> messages = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String chat = i % 20 < 4 ? "-10" + (i % 20) : Integer.toString(500 + i % 20);
            Lane lane = i % 5 == 0 ? Lane.BROADCAST : Lane.CONVERSATION;
            messages.add(text("m" + i, chat, lane));
            if (i % 7 == 0) {
                gateway.answer("m" + i, new SendResult.Transient("502 Bad Gateway"));
            }
        }
        RecordingListener listener = new RecordingListener();
        Dispatcher one = new Dispatcher(RedisServerExtension.template(), properties, () -> List.of(gateway), () -> List.of(listener),
                new DispatchStats(), clock, new Random(1));
        Dispatcher two = new Dispatcher(RedisServerExtension.template(), properties, () -> List.of(gateway), () -> List.of(listener),
                new DispatchStats(), clock, new Random(2));
        one.start();
        two.start();
        try {
            for (int from = 0; from < messages.size(); from += 25) {
                writer.enqueue(messages.subList(from, from + 25));
            }
            long deadline = System.currentTimeMillis() + 20_000;
            while (listener.sent.size() < messages.size() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(100); // room for a stray duplicate to show up
        } finally {
            one.stop();
            two.stop();
        }

        Map<String, Long> deliveries = gateway.delivered().stream()
                .collect(Collectors.groupingBy(a -> a.message().id(), Collectors.counting()));
        assertThat(deliveries).hasSize(200).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
        assertThat(gateway.overlapSeen()).as("two sends to one chat at once").isFalse();
        Map<String, List<String>> expectedOrder = messages.stream().collect(Collectors.groupingBy(
                m -> m.lane() + "/" + m.chatId(), Collectors.mapping(Outgoing::id, Collectors.toList())));
        Map<String, List<String>> actualOrder = gateway.delivered().stream().map(ScriptedGateway.Attempt::message)
                .collect(Collectors.groupingBy(m -> m.lane() + "/" + m.chatId(),
                        Collectors.mapping(Outgoing::id, Collectors.toList())));
        assertThat(actualOrder).isEqualTo(expectedOrder);
        assertThat(one.stats().total().sent() + two.stats().total().sent()).isEqualTo(200);
        assertThat(one.stats().total().transientRetries() + two.stats().total().transientRetries())
                .isEqualTo(messages.stream().filter(m -> Integer.parseInt(m.id().substring(1)) % 7 == 0).count());
        assertThat(fx.outboxEmpty()).isTrue();
    }

    @Test
    void retryAfterIsHonouredBeforeTheMessageIsTriedAgain() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        fx.gateway.answer("m1", new SendResult.RetryAfter(7));
        fx.enqueue(text("m1", "101"), text("m2", "101"));

        fx.drain(100, 60_000, dispatcher);

        List<ScriptedGateway.Attempt> first = fx.gateway.attemptsOf("m1");
        assertThat(first).hasSize(2);
        long waited = first.get(1).at() - first.get(0).at();
        assertThat(waited).isBetween(7_000L, 7_100L);
        assertThat(fx.gateway.deliveredTo("101")).containsExactly("m1", "m2");
        assertThat(fx.gateway.attemptsOf("m2").get(0).at()).isGreaterThanOrEqualTo(first.get(1).at());
        assertThat(dispatcher.stats().lane(Lane.CONVERSATION).retried429()).isEqualTo(1);
        assertThat(dispatcher.stats().lane(Lane.CONVERSATION).transientRetries()).isZero();
        assertThat(dispatcher.delivery("m1")).hasValueSatisfying(d -> assertThat(d.attempts()).isEqualTo(1));
    }

    @Test
    void transientFailuresAreRetriedWithDoublingBackoffUntilSent() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        fx.gateway.answer("m1", new SendResult.Transient("500"), new SendResult.Transient("timeout"),
                new SendResult.Transient("502"));
        fx.enqueue(text("m1", "101"));

        fx.drain(10, 60_000, dispatcher);

        List<Long> times = fx.gateway.attemptsOf("m1").stream().map(ScriptedGateway.Attempt::at).toList();
        assertThat(times).hasSize(4);
        // 1 s, 2 s, 4 s, each stretched by at most the 10% jitter (and one clock step)
        assertThat(times.get(1) - times.get(0)).isBetween(1_000L, 1_110L);
        assertThat(times.get(2) - times.get(1)).isBetween(2_000L, 2_210L);
        assertThat(times.get(3) - times.get(2)).isBetween(4_000L, 4_410L);
        assertThat(dispatcher.delivery("m1")).hasValueSatisfying(d -> {
            assertThat(d.sent()).isTrue();
            assertThat(d.attempts()).isEqualTo(4);
            assertThat(d.reason()).isNull();
        });
        assertThat(dispatcher.stats().lane(Lane.CONVERSATION).transientRetries()).isEqualTo(3);
        assertThat(fx.listener.sent).hasSize(1);
    }

    @Test
    void backoffIsCappedAndJitterOnlyStretchesIt() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        for (int attempt = 1; attempt <= 60; attempt++) {
            long base = Math.min(300_000L, 1_000L << Math.min(attempt - 1, 20));
            assertThat(dispatcher.backoffMillis(attempt)).as("attempt " + attempt).isBetween(base, base + base / 10);
        }
    }

    @Test
    void aMessageIsGivenUpAfterMaxAttemptsAndTheNextOneGoesOut() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults()
                .withRetry(new DispatchProperties.Retry(3, Duration.ofSeconds(1), Duration.ofMinutes(5), 0.1)));
        fx.gateway.answer("m1", new SendResult.Transient("503"), new SendResult.Transient("503"),
                new SendResult.Transient("503"), new SendResult.Transient("503"));
        fx.enqueue(text("m1", "101"), text("m2", "101"));

        fx.drain(100, 60_000, dispatcher);

        assertThat(fx.gateway.attemptsOf("m1")).hasSize(3);
        assertThat(fx.gateway.deliveredTo("101")).containsExactly("m2");
        assertThat(dispatcher.delivery("m1")).hasValueSatisfying(d -> {
            assertThat(d.failed()).isTrue();
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.reason()).contains("gave up after 3 attempts").contains("503");
        });
        assertThat(fx.listener.failed).extracting(f -> f.message().id()).containsExactly("m1");
        assertThat(dispatcher.stats().lane(Lane.CONVERSATION).failed()).isEqualTo(1);
    }

    @Test
    void aRejectedMessageIsFailedAtOnceAndDropped() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        fx.gateway.answer("m1", new SendResult.Rejected("Bad Request: message text is empty"));
        fx.enqueue(text("m1", "101"), text("m2", "101"));

        fx.drain(100, 60_000, dispatcher);

        assertThat(fx.gateway.attemptsOf("m1")).hasSize(1);
        assertThat(fx.gateway.deliveredTo("101")).containsExactly("m2");
        assertThat(dispatcher.delivery("m1")).hasValueSatisfying(d -> {
            assertThat(d.failed()).isTrue();
            assertThat(d.reason()).isEqualTo("Bad Request: message text is empty");
        });
        assertThat(fx.listener.failed).extracting(RecordingListener.Failed::reason)
                .containsExactly("Bad Request: message text is empty");
    }

    @Test
    void aChatsMessagesThatMayGoAtOnceGoInOnePassInOrder() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults().withLimits(OPEN_LIMITS));
        fx.enqueue(callbackAnswer("cb1", "-100"), text("q2", "-100"), text("n3", "-100"));

        assertThat(dispatcher.runOnce()).isTrue();

        assertThat(fx.gateway.delivered()).extracting(a -> a.message().id()).as("one claim, one pass")
                .containsExactly("cb1", "q2", "n3");
        assertThat(fx.gateway.overlapSeen()).as("one after the other").isFalse();
        assertThat(dispatcher.runOnce()).as("the pass's outcomes are committed with the next claim").isFalse();
        assertThat(fx.outboxEmpty()).isTrue();
        assertThat(dispatcher.delivery("n3")).hasValueSatisfying(d -> assertThat(d.sent()).isTrue());
    }

    @Test
    void aRunStopsAtAMessageThatDoesNotGoAndWhatFollowsItWaitsInOrder() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults().withLimits(OPEN_LIMITS));
        fx.gateway.answer("m2", new SendResult.RetryAfter(7));
        fx.enqueue(text("m1", "101"), text("m2", "101"), text("m3", "101"));

        fx.drain(100, 60_000, dispatcher);

        assertThat(fx.gateway.deliveredTo("101")).containsExactly("m1", "m2", "m3");
        assertThat(fx.gateway.attemptsOf("m3")).as("not sent before m2, and sent once").hasSize(1);
        List<ScriptedGateway.Attempt> m2 = fx.gateway.attemptsOf("m2");
        assertThat(m2.get(1).at() - m2.get(0).at()).as("the 429 rescheduled the chat, not the run's end")
                .isBetween(7_000L, 7_100L);
        assertThat(fx.gateway.attemptsOf("m3").get(0).at()).isGreaterThanOrEqualTo(m2.get(1).at());
    }

    @Test
    void aWorkerKeepsOnWithAChatWhoseNextMessageMayGoThenGivesTheOthersTheirTurn() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults().withLimits(OPEN_LIMITS));
        for (int i = 0; i < 12; i++) {
            fx.enqueue(text("a" + i, "-100"));
        }
        fx.clock.advanceMillis(1);
        fx.enqueue(text("b0", "-050"));

        fx.runDue(dispatcher);

        assertThat(fx.gateway.delivered()).extracting(a -> a.message().id())
                .as("the group that wrote first gets %d replies in a row, then the other its turn",
                        OutboxStore.KEPT_ON_AT_MOST)
                .containsExactly("a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "b0", "a8", "a9", "a10", "a11");
    }

    /**
     * The test Redis, whose script calls run and then, when told, lose their answer on the way (a
     * failover, a time-out): the next {@code toLose} calls, and the next step that settles outcomes
     * once {@code loseNextSettling} is set.
     */
    private static final class LosingAnswers extends StringRedisTemplate {

        private final AtomicInteger toLose = new AtomicInteger();
        private final AtomicBoolean loseNextSettling = new AtomicBoolean();

        LosingAnswers() {
            super(RedisServerExtension.template().getRequiredConnectionFactory());
        }

        @Override
        public <T> T execute(RedisScript<T> script, List<String> keys, Object... args) {
            T answer = super.execute(script, keys, args);
            boolean settling = script == DispatchScripts.FINISH_THEN_CLAIM && !"0".equals(args[0]);
            if (toLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                    || settling && loseNextSettling.compareAndSet(true, false)) {
                throw new QueryTimeoutException("the answer was lost on the way (test)");
            }
            return answer;
        }
    }

    @Test
    void aChatClaimedInAStepWhoseAnswerWasLostGoesOnAtOnceNotWhenItsLeaseRunsOut() {
        LosingAnswers redis = new LosingAnswers();
        Dispatcher dispatcher = new Dispatcher(redis,
                DispatchProperties.defaults().withWorkers(1).withIdlePoll(Duration.ofMillis(50)).withLimits(OPEN_LIMITS),
                () -> List.of(fx.gateway), () -> List.of(fx.listener), new DispatchStats(), fx.clock, new Random(1));
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= OutboxStore.KEPT_ON_AT_MOST + 1; i++) {
            fx.enqueue(text("m" + i, "301"));
            ids.add("m" + i);
        }
        // the first claim (m1 and the run behind it, as many as go in a row) is lost, and so is the
        // step that settles them and claims the chat again for the last message
        redis.toLose.set(1);
        redis.loseNextSettling.set(true);
        try {
            dispatcher.start();

            await("both steps lost, every message sent").atMost(Duration.ofSeconds(10))
                    .until(() -> fx.gateway.deliveredTo("301").size() == ids.size());

            assertThat(redis.loseNextSettling).as("the settling step was lost").isFalse();
            // the clock never moved: without the hand-back each would have waited for its 30 s lease
            assertThat(fx.gateway.deliveredTo("301")).containsExactlyElementsOf(ids);
            assertThat(fx.clock.millis()).isEqualTo(DispatchFixture.START.toEpochMilli());
        } finally {
            dispatcher.stop();
        }
    }

    @Test
    void aChatNoGatewayHandlesFailsItsMessages() {
        ScriptedGateway simulatorOnly = new ScriptedGateway(fx.clock, chat -> chat.startsWith("sim-"));
        Dispatcher dispatcher = new Dispatcher(RedisServerExtension.template(), DispatchProperties.defaults(),
                () -> List.of(simulatorOnly), () -> List.of(fx.listener), new DispatchStats(), fx.clock, new Random(1));
        fx.enqueue(text("t1", "12345"), text("s1", "sim-user-1"));

        fx.drain(100, 10_000, dispatcher);

        assertThat(simulatorOnly.deliveredTo("sim-user-1")).containsExactly("s1");
        assertThat(fx.listener.failed).singleElement().satisfies(f -> {
            assertThat(f.message().id()).isEqualTo("t1");
            assertThat(f.reason()).contains("no gateway");
        });
        // its claim took its slots: unsent, they count from the failure, not as on their way for a lease
        assertThat(RedisServerExtension.template().opsForZSet().rangeWithScores(DispatchKeys.rateGlobal(), 0, -1))
                .extracting(slot -> slot.getScore().longValue()).containsOnly(fx.clock.millis());
    }

    @Test
    void aForbiddenChatIsRecordedItsPendingMessagesFailedAndTheListenerToldOnce() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        String reason = "Forbidden: bot was kicked from the group chat";
        fx.gateway.answerChat("-42", new SendResult.Forbidden(reason));
        fx.enqueue(text("c1", "-42"), text("c2", "-42"), text("c3", "-42"),
                text("b1", "-42", Lane.BROADCAST), text("b2", "-42", Lane.BROADCAST), text("x1", "777"));

        fx.drain(100, 10_000, dispatcher);

        assertThat(fx.gateway.attempts().stream().filter(a -> a.message().chatId().equals("-42"))).hasSize(1);
        assertThat(fx.gateway.deliveredTo("777")).containsExactly("x1");
        assertThat(dispatcher.forbiddenReason("-42")).contains(reason);
        assertThat(fx.listener.forbidden).singleElement().satisfies(f -> {
            assertThat(f.chatId()).isEqualTo("-42");
            assertThat(f.reason()).isEqualTo(reason);
            assertThat(f.dropped()).extracting(Outgoing::id).containsExactly("c1", "c2", "c3", "b1", "b2");
        });
        assertThat(fx.listener.failed).isEmpty();
        for (String id : List.of("c1", "c2", "c3", "b1", "b2")) {
            assertThat(dispatcher.delivery(id)).as(id).hasValueSatisfying(d -> {
                assertThat(d.failed()).isTrue();
                assertThat(d.reason()).isEqualTo(reason);
            });
        }
        assertThat(RedisServerExtension.template().hasKey(OutboxKeys.queue(Lane.CONVERSATION, "-42"))).isFalse();
        assertThat(RedisServerExtension.template().hasKey(OutboxKeys.queue(Lane.BROADCAST, "-42"))).isFalse();
        assertThat(dispatcher.stats().lane(Lane.CONVERSATION).forbidden()).isEqualTo(3);
        assertThat(dispatcher.stats().lane(Lane.BROADCAST).forbidden()).isEqualTo(2);
    }

    @Test
    void messagesToAForbiddenChatFailAtOnceUntilTheMarkIsCleared() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        fx.gateway.answerChat("555", new SendResult.Forbidden("Forbidden: bot can't initiate conversation with a user"));
        fx.enqueue(text("first", "555"));
        fx.drain(100, 10_000, dispatcher);

        fx.enqueue(text("later", "555"));
        fx.drain(100, 10_000, dispatcher);

        assertThat(fx.gateway.attemptsOf("later")).isEmpty();
        assertThat(fx.listener.failed).singleElement().satisfies(f -> {
            assertThat(f.message().id()).isEqualTo("later");
            assertThat(f.reason()).contains("can't initiate conversation");
        });
        assertThat(fx.listener.withheld).extracting(f -> f.message().id()).containsExactly("later");
        assertThat(fx.listener.forbidden).hasSize(1);

        dispatcher.clearForbidden("555");
        fx.enqueue(text("after-start", "555"));
        fx.drain(100, 10_000, dispatcher);

        assertThat(fx.gateway.deliveredTo("555")).containsExactly("after-start");
        assertThat(dispatcher.forbiddenReason("555")).isEmpty();
    }

    @Test
    void aMigratedGroupsQueueMovesInFrontOfTheNewChatAndLaterMessagesFollowIt() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        fx.gateway.answer("a1", new SendResult.Migrated("-1009"));
        fx.enqueue(text("a1", "-42"), text("a2", "-42"), text("ab", "-42", Lane.BROADCAST));
        fx.clock.advanceMillis(1);
        fx.enqueue(text("n1", "-1009"));

        fx.runDue(dispatcher); // the old group, first in line, learns it has moved
        assertThat(fx.listener.migrated).containsExactly(new RecordingListener.Migrated("-42", "-1009"));
        assertThat(RedisServerExtension.template().opsForValue().get(DispatchKeys.alias("-42"))).isEqualTo("-1009");

        fx.enqueue(text("a3", "-42")); // written to the old id before the producer caught up
        fx.drain(100, 120_000, dispatcher);

        assertThat(fx.gateway.deliveredTo("-1009")).containsExactly("a1", "a2", "n1", "a3", "ab");
        assertThat(fx.gateway.deliveredTo("-42")).isEmpty();
        assertThat(fx.gateway.attempts()).filteredOn(a -> a.message().chatId().equals("-42"))
                .extracting(a -> a.message().id()).containsExactly("a1");
        assertThat(fx.listener.sent).extracting(s -> s.message().chatId()).containsOnly("-1009");
        assertThat(RedisServerExtension.template().hasKey(OutboxKeys.queue(Lane.CONVERSATION, "-42"))).isFalse();
    }

    @Test
    void answersToButtonPressesAreNotRateLimited() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        for (int i = 0; i < 40; i++) {
            fx.enqueue(text("t" + i, Integer.toString(1000 + i)));
        }
        fx.clock.advanceMillis(1); // the answers queue up behind all of those
        for (int i = 0; i < 10; i++) {
            fx.enqueue(callbackAnswer("cb" + i, "-42"));
        }

        fx.runDue(dispatcher);

        DispatchProperties.Limits limits = DispatchProperties.Limits.defaults();
        assertThat(fx.gateway.delivered()).filteredOn(a -> a.message().kind() != Outgoing.Kind.CALLBACK_ANSWER)
                .hasSize(limits.global());
        // more than a chat's burst, all at once, past a full overall budget
        assertThat(fx.gateway.deliveredTo("-42")).hasSize(10);
    }

    @Test
    void aCrashedWorkersChatIsTakenOverWhenItsLeaseRunsOut() {
        DispatchProperties properties = DispatchProperties.defaults().withLease(Duration.ofSeconds(30));
        Dispatcher dispatcher = fx.dispatcher(properties);
        OutboxStore crashed = new OutboxStore(RedisServerExtension.template(), properties);
        fx.enqueue(text("m1", "101"));

        OutboxStore.Claim lost = crashed.claim(fx.clock.millis()).claims().get(0); // claimed, then never finished
        assertThat(lost.chatId()).isEqualTo("101");

        fx.clock.advanceMillis(29_999);
        assertThat(dispatcher.runOnce()).isFalse();
        fx.clock.advanceMillis(1);
        assertThat(dispatcher.runOnce()).isTrue();
        assertThat(fx.gateway.deliveredTo("101")).containsExactly("m1");
    }

    @Test
    void aStoppingWorkerHandsBackAtOnceTheChatItClaimedWithItsLastOutcome() throws Exception {
        // a worker claims its next chat in the step that settles a message: stopped right then, it
        // must not leave that chat leased (30 s) to nobody
        Clock clock = Clock.systemUTC();
        ScriptedGateway gateway = new ScriptedGateway(clock).taking(300);
        Dispatcher dispatcher = new Dispatcher(RedisServerExtension.template(),
                DispatchProperties.defaults().withWorkers(1), () -> List.of(gateway), () -> List.of(fx.listener),
                new DispatchStats(), clock, new Random(1));
        new OutboxWriter(RedisServerExtension.template(), clock).enqueue(List.of(text("m1", "101"), text("m2", "202")));
        dispatcher.start();
        Thread.sleep(100); // the one worker is sending m1
        dispatcher.stop();

        assertThat(gateway.delivered()).extracting(a -> a.message().id()).containsExactly("m1");
        assertThat(RedisServerExtension.template().opsForZSet().score(OutboxKeys.ready(Lane.CONVERSATION), "202"))
                .as("m2's chat, due now rather than after a lease").isLessThanOrEqualTo((double) clock.millis());
    }

    @Test
    void aWorkerWhoseLeaseRanOutLeavesTheNewHoldersScheduleAlone() {
        DispatchProperties properties = DispatchProperties.defaults();
        OutboxStore slow = new OutboxStore(RedisServerExtension.template(), properties);
        OutboxStore next = new OutboxStore(RedisServerExtension.template(), properties);
        fx.enqueue(text("m1", "101"));
        OutboxStore.Claim stale = slow.claim(fx.clock.millis()).claims().get(0);
        fx.clock.advanceMillis(properties.lease().toMillis());
        OutboxStore.Claim current = next.claim(fx.clock.millis()).claims().get(0);
        assertThat(current.chatId()).isEqualTo("101");

        slow.release(stale, fx.clock.millis()); // the slow worker comes back and would make it due now

        assertThat(RedisServerExtension.template().opsForZSet().score(OutboxKeys.ready(Lane.CONVERSATION), "101"))
                .isEqualTo(Double.parseDouble(current.claimScore()));
        assertThat(next.claim(fx.clock.millis()).claims()).isEmpty();
    }

    @Test
    void statsCountPerLane() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        fx.gateway.answer("b2", new SendResult.Rejected("Bad Request"));
        fx.enqueue(text("c1", "1"), text("c2", "2"), text("b1", "3", Lane.BROADCAST), text("b2", "4", Lane.BROADCAST));

        fx.drain(100, 10_000, dispatcher);

        Function<Lane, DispatchStats.Counts> lane = dispatcher.stats()::lane;
        assertThat(lane.apply(Lane.CONVERSATION).sent()).isEqualTo(2);
        assertThat(lane.apply(Lane.BROADCAST).sent()).isEqualTo(1);
        assertThat(lane.apply(Lane.BROADCAST).failed()).isEqualTo(1);
        assertThat(dispatcher.stats().total().sent()).isEqualTo(3);
    }
}
