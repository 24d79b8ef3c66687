package id.rembug.bot.dispatch;

import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.TestRedis;

import id.rembug.bot.broadcast.BroadcastCommands;
import id.rembug.bot.broadcast.BroadcastJob;
import id.rembug.bot.broadcast.BroadcastMigrations;
import id.rembug.bot.broadcast.BroadcastReport;
import id.rembug.bot.broadcast.BroadcastWorld;
import id.rembug.bot.broadcast.StaffDirectory;
import id.rembug.bot.broadcast.Target;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.channel.SendResult;
import id.rembug.dialogues.flow.Language;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A broadcast going through the real dispatcher: refusals, rate limits, migrations, and the report. */
@TestRedis
class BroadcastDeliveryTest {

    private DispatchFixture fx;
    private BroadcastWorld world;
    private Dispatcher dispatcher;

    @BeforeEach
    void setUp() {
        fx = new DispatchFixture(RedisServerExtension.template());
        world = new BroadcastWorld(RedisServerExtension.template(), fx.clock, 50);
        dispatcher = new Dispatcher(RedisServerExtension.template(), DispatchProperties.defaults(), () -> List.of(fx.gateway),
                () -> List.of(fx.listener, new BroadcastMigrations(RedisServerExtension.template())), new DispatchStats(), fx.clock,
                new Random(7));
        for (int i = 1; i <= 4; i++) {
            world.group("g" + i, "-100" + i, 0, Language.ID);
        }
    }

    @Test
    void theReportCountsSentFailedRetriedAndMigratedGroupsAndSaysWhy() {
        BroadcastJob job = world.service.create(world.meeting(world.inDays(2)), new Target.All(), null, "900");
        fx.gateway.answer("bc:" + job.id() + ":g2", new SendResult.Forbidden("Forbidden: bot was kicked from the group chat"));
        fx.gateway.answer("bc:" + job.id() + ":g3", new SendResult.RetryAfter(3));
        fx.gateway.answer("bc:" + job.id() + ":g4", new SendResult.Migrated("-2004"));
        fx.gateway.answer("bc:" + job.id() + ":g1", new SendResult.Transient("timeout"));

        world.fanOut().runDue();
        BroadcastReport before = world.service.report(job.id()).orElseThrow();
        assertThat(before.pending()).isEqualTo(4);

        fx.drain(100, 120_000, dispatcher);

        BroadcastReport report = world.service.report(job.id()).orElseThrow();
        assertThat(report.sent()).isEqualTo(3);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.pending()).isZero();
        assertThat(report.retried()).isEqualTo(1);
        assertThat(fx.gateway.attemptsOf("bc:" + job.id() + ":g3")).hasSize(2);
        assertThat(fx.gateway.attemptsOf("bc:" + job.id() + ":g3").get(1).at()
                - fx.gateway.attemptsOf("bc:" + job.id() + ":g3").get(0).at()).isGreaterThanOrEqualTo(3_000);
        assertThat(report.migrated()).isEqualTo(1);
        assertThat(report.failures()).singleElement().satisfies(f -> {
            assertThat(f.groupId()).isEqualTo("g2");
            assertThat(f.reason()).contains("kicked");
        });
        assertThat(fx.gateway.deliveredTo("-2004")).containsExactly("bc:" + job.id() + ":g4");

        BroadcastCommands commands = new BroadcastCommands(new StaffDirectory(world.properties, RedisServerExtension.template()),
                world.groups, world.store, world.service, world.texts);
        assertThat(commands.render(report, Language.ID)).contains("Terkirim: 3", "Gagal: 1", "g2: bot dikeluarkan");
    }

    @Test
    void aLargeBroadcastNeverHoldsUpAConversationReply() {
        IntStream.rangeClosed(5, 300).forEach(i -> world.group("g" + i, "-100" + i, 0, Language.ID));
        world.service.create(world.meeting(world.inDays(2)), new Target.All(), null, "900");
        world.fanOut().runDue();
        fx.runFor(100, 1_000, dispatcher);

        fx.enqueue(DispatchFixture.text("reply-1", "555", Outgoing.Lane.CONVERSATION));
        long enqueuedAt = fx.clock.millis();
        fx.runFor(100, 2_000, dispatcher);

        long repliedAt = fx.gateway.attemptsOf("reply-1").get(0).at();
        assertThat(repliedAt - enqueuedAt).isLessThanOrEqualTo(1_000);
        // the broadcast was still far from done when the reply went out
        assertThat(fx.gateway.delivered().stream()
                .filter(a -> a.message().lane() == Outgoing.Lane.BROADCAST && a.at() <= repliedAt).count())
                .isLessThan(200);
    }
}
