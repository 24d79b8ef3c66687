package id.rembug.bot.dispatch;

import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.channel.Outgoing.Lane;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.TestRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static id.rembug.bot.dispatch.DispatchFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The limits, checked on the clock times the test gateway recorded (the clock is moved by hand). */
@TestRedis
class DispatchLimitsTest {

    private static final DispatchProperties.Limits LIMITS = DispatchProperties.Limits.defaults();

    private DispatchFixture fx;

    @BeforeEach
    void setUp() {
        fx = new DispatchFixture(RedisServerExtension.template());
    }

    @Test
    void oneChatGetsAShortBurstThenOneMessageASecond() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        for (int i = 0; i < 8; i++) {
            fx.enqueue(text("m" + i, "101"));
        }

        fx.drain(100, 60_000, dispatcher);

        List<Long> times = sendTimes(fx.gateway.delivered());
        assertThat(times).hasSize(8);
        assertThat(times.subList(0, LIMITS.chatBurst())).containsOnly(times.get(0));
        for (int i = LIMITS.chatBurst(); i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1)).as("gap before send " + i)
                    .isGreaterThanOrEqualTo(LIMITS.chatInterval().toMillis());
        }
        // not slower than the limit either: one a second after the burst, within a clock step
        long expectedEnd = (times.size() - LIMITS.chatBurst()) * LIMITS.chatInterval().toMillis();
        assertThat(times.get(times.size() - 1) - times.get(0)).isBetween(expectedEnd, expectedEnd + 100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1001234", "sim-group-7"})
    void aGroupGetsAtMostTwentyMessagesAMinute(String groupId) {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        // the lanes are scheduled apart but share the group's limit: a reply that arrives once a
        // broadcast has used up the group's minute waits for the minute to pass
        for (int i = 0; i < 22; i++) {
            fx.enqueue(text("b" + i, groupId, Lane.BROADCAST));
        }
        fx.runFor(250, 30_000, dispatcher);
        for (int i = 0; i < 4; i++) {
            fx.enqueue(text("r" + i, groupId, Lane.CONVERSATION));
        }

        fx.drain(250, 180_000, dispatcher);

        List<Long> times = sendTimes(fx.gateway.delivered());
        assertThat(times).hasSize(26);
        assertThat(maxInAnyWindow(times, LIMITS.groupWindow().toMillis())).isEqualTo(LIMITS.group());
        assertThat(times.get(LIMITS.group()) - times.get(0)).isGreaterThanOrEqualTo(LIMITS.groupWindow().toMillis());
        assertThat(fx.gateway.deliveredTo(groupId)).filteredOn(id -> id.startsWith("r"))
                .containsExactly("r0", "r1", "r2", "r3");
    }

    @Test
    void aPrivateChatIsNotHeldToTheGroupLimit() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        for (int i = 0; i < 26; i++) {
            fx.enqueue(text("m" + i, "424242"));
        }

        fx.drain(250, 180_000, dispatcher);

        assertThat(fx.elapsed()).isLessThan(LIMITS.groupWindow().toMillis());
        assertThat(maxInAnyWindow(sendTimes(fx.gateway.delivered()), LIMITS.groupWindow().toMillis()))
                .isGreaterThan(LIMITS.group());
    }

    @Test
    void allChatsTogetherStayWithinThirtyMessagesASecondAcrossInstances() {
        Dispatcher one = fx.dispatcher(DispatchProperties.defaults());
        Dispatcher two = fx.dispatcher(DispatchProperties.defaults());
        List<Outgoing> messages = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            messages.add(text("m" + i, Integer.toString(1000 + i)));
        }
        fx.writer.enqueue(messages);

        fx.drain(50, 60_000, one, two);

        List<Long> times = sendTimes(fx.gateway.delivered());
        assertThat(times).hasSize(100);
        assertThat(maxInAnyWindow(times, LIMITS.globalWindow().toMillis())).isEqualTo(LIMITS.global());
        assertThat(one.stats().total().sent()).isPositive();
        assertThat(two.stats().total().sent()).isPositive();
        // and the budget is used: 100 messages at 30 a second take a little over three seconds
        assertThat(times.get(99) - times.get(0)).isBetween(3_000L, 3_100L);
    }

    @Test
    void aBroadcastNeverTakesMoreThanItsShare() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        List<Outgoing> messages = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            messages.add(text("b" + i, Integer.toString(1000 + i), Lane.BROADCAST));
        }
        fx.writer.enqueue(messages);

        fx.drain(50, 60_000, dispatcher);

        List<Long> times = sendTimes(fx.gateway.delivered());
        assertThat(times).hasSize(100);
        assertThat(maxInAnyWindow(times, LIMITS.globalWindow().toMillis())).isEqualTo(LIMITS.broadcast());
        // chats that wait for the shared budget are left in line, not claimed and put back
        assertThat(dispatcher.stats().lane(Lane.BROADCAST).rateDeferred()).isZero();
        assertThat(fx.gateway.delivered()).extracting(a -> a.message().id())
                .isEqualTo(messages.stream().map(Outgoing::id).toList());
    }

    @Test
    void conversationsOvertakeABigBroadcastBacklog() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        List<Outgoing> broadcast = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            broadcast.add(text("b" + i, Integer.toString(10_000 + i), Lane.BROADCAST));
        }
        fx.writer.enqueue(broadcast);
        fx.runFor(50, 1_500, dispatcher);
        int broadcastBefore = fx.gateway.attempts().size();

        List<Outgoing> replies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            replies.add(text("r" + i, Integer.toString(500 + i)));
        }
        fx.writer.enqueue(replies);
        fx.runFor(50, 2_000, dispatcher);

        List<ScriptedGateway.Attempt> after = fx.gateway.attempts().subList(broadcastBefore, fx.gateway.attempts().size());
        assertThat(after.subList(0, replies.size())).extracting(a -> a.message().lane())
                .as("the replies go before any further broadcast").containsOnly(Lane.CONVERSATION);
        assertThat(after.size()).as("the broadcast goes on after them").isGreaterThan(replies.size());
        assertThat(maxInAnyWindow(sendTimes(fx.gateway.delivered()), LIMITS.globalWindow().toMillis()))
                .isLessThanOrEqualTo(LIMITS.global());
        assertThat(fx.outboxEmpty()).as("the broadcast is far from done").isFalse();
    }

    @Test
    void aConversationIsServedAtOnceWhileABroadcastUsesItsShare() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        List<Outgoing> broadcast = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            broadcast.add(text("b" + i, Integer.toString(10_000 + i), Lane.BROADCAST));
        }
        fx.writer.enqueue(broadcast);
        fx.runFor(50, 1_525, dispatcher);

        long asked = fx.clock.millis();
        fx.enqueue(text("reply", "777"));
        fx.runDue(dispatcher);

        assertThat(fx.gateway.attemptsOf("reply")).singleElement()
                .satisfies(a -> assertThat(a.at()).isEqualTo(asked));
    }

    @Test
    void aClaimedMessageHoldsItsSlotSoAnotherInstanceDoesNotClaimBeyondTheBudget() {
        DispatchProperties properties = DispatchProperties.defaults().withBatch(1).withLimits(new DispatchProperties.Limits(2,
                Duration.ofSeconds(1), 1, Duration.ofSeconds(1), 3, 20, Duration.ofMinutes(1), 8, Duration.ZERO));
        OutboxStore one = new OutboxStore(RedisServerExtension.template(), properties);
        OutboxStore two = new OutboxStore(RedisServerExtension.template(), properties);
        fx.enqueue(text("a", "9001"), text("b", "9002"), text("c", "9003"));

        OutboxStore.Claim first = one.claim(fx.clock.millis()).claims().get(0);
        OutboxStore.Claim second = two.claim(fx.clock.millis()).claims().get(0);
        OutboxStore.Poll third = two.claim(fx.clock.millis());

        assertThat(List.of(first, second)).allSatisfy(claim -> assertThat(claim.slot().taken()).isTrue());
        assertThat(first.slot().member()).isNotEqualTo(second.slot().member());
        assertThat(third.claims()).as("the overall budget of 2 a second is spent until their sends are answered")
                .isEmpty();
        assertThat(third.nextDueAt()).isGreaterThan(fx.clock.millis());
    }

    private static List<Long> sendTimes(List<ScriptedGateway.Attempt> attempts) {
        return attempts.stream().map(ScriptedGateway.Attempt::at).sorted().toList();
    }

    /** The most sends in any half-open window [t, t + window) that starts at a send. */
    static int maxInAnyWindow(List<Long> sortedTimes, long window) {
        int max = 0;
        int end = 0;
        for (int start = 0; start < sortedTimes.size(); start++) {
            while (end < sortedTimes.size() && sortedTimes.get(end) < sortedTimes.get(start) + window) {
                end++;
            }
            max = Math.max(max, end - start);
        }
        return max;
    }
}
