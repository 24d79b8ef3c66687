package id.rembug.bot.dispatch;

import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.channel.Outgoing.Lane;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.TestRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static id.rembug.bot.dispatch.DispatchFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rembug.dispatch.paid-broadcast}: only when it is on may the broadcast lane go past the
 * free overall limit, up to its own rate, and the conversations keep the free limit to themselves.
 */
@TestRedis
class PaidBroadcastLimitsTest {

    private static final DispatchProperties.Limits LIMITS = DispatchProperties.Limits.defaults();
    private static final int GROUPS = 200;

    private DispatchFixture fx;

    @BeforeEach
    void setUp() {
        fx = new DispatchFixture(RedisServerExtension.template());
    }

    private List<Outgoing> broadcastToManyGroups() {
        List<Outgoing> messages = new ArrayList<>();
        for (int i = 0; i < GROUPS; i++) {
            messages.add(text("b" + i, Integer.toString(-1_000_000 - i), Lane.BROADCAST));
        }
        fx.writer.enqueue(messages);
        return messages;
    }

    @Test
    void withoutPaidBroadcastsABroadcastKeepsToItsFreeShare() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults());
        broadcastToManyGroups();

        fx.drain(50, 120_000, dispatcher);

        assertThat(maxInOneWindow(LIMITS.globalWindow().toMillis())).isEqualTo(LIMITS.broadcast());
    }

    @Test
    void paidBroadcastsGoPastTheFreeLimitUpToTheirRate() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults()
                .withPaidBroadcast(new DispatchProperties.PaidBroadcast(true, 100)));
        broadcastToManyGroups();

        fx.drain(50, 120_000, dispatcher);

        assertThat(fx.gateway.delivered()).hasSize(GROUPS);
        assertThat(maxInOneWindow(LIMITS.globalWindow().toMillis())).isGreaterThan(LIMITS.global()).isLessThanOrEqualTo(100);
    }

    @Test
    void aPaidBroadcastLeavesTheFreeLimitToTheConversations() {
        Dispatcher dispatcher = fx.dispatcher(DispatchProperties.defaults()
                .withPaidBroadcast(new DispatchProperties.PaidBroadcast(true, 1000)));
        broadcastToManyGroups();
        fx.runDue(dispatcher);
        List<Outgoing> replies = new ArrayList<>();
        for (int i = 0; i < LIMITS.global(); i++) {
            replies.add(text("r" + i, Integer.toString(5000 + i), Lane.CONVERSATION));
        }
        fx.writer.enqueue(replies);

        fx.runDue(dispatcher);

        assertThat(fx.gateway.delivered()).filteredOn(a -> a.message().lane() == Lane.CONVERSATION)
                .as("all %d replies in the same instant as the broadcast", LIMITS.global()).hasSize(LIMITS.global());
    }

    private int maxInOneWindow(long window) {
        return DispatchLimitsTest.maxInAnyWindow(
                fx.gateway.delivered().stream().map(ScriptedGateway.Attempt::at).sorted().toList(), window);
    }
}
