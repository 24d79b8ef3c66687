package id.rembug.bot.broadcast;

import id.rembug.bot.testsupport.TestClock;
import id.rembug.bot.testsupport.TestRedis;

import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.dialogues.flow.Language;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Broadcast jobs on a real Redis: targeting, scheduling, exactly-once fan-out, votes, reminders. */
@TestRedis
class BroadcastFanOutTest {

    private static final StringRedisTemplate redis = RedisServerExtension.template();

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T01:00:00Z"));
    private BroadcastWorld world;

    @BeforeEach
    void setUp() {
        world = new BroadcastWorld(redis, clock, 2);
    }

    @Test
    void targetsAllGroupsOrThoseWithATagOrThoseAtAStage() {
        world.group("g1", "-1001", 0, Language.ID);
        world.group("g2", "-1002", 2, Language.ID);
        world.group("g3", "-1003", 2, Language.EN);
        world.groups.addTag("g1", "desa:sukamaju");
        world.groups.addTag("g3", "desa:sukamaju");
        String secondStage = BroadcastWorld.FLOW.stage(2).key();

        assertThat(world.groups.matching(new Target.All())).containsExactly("g1", "g2", "g3");
        assertThat(world.groups.matching(new Target.Tagged("desa:sukamaju"))).containsExactly("g1", "g3");
        assertThat(world.groups.matching(new Target.AtStage(secondStage))).containsExactly("g2", "g3");

        world.service.create(world.meeting(world.inDays(3)), new Target.AtStage(secondStage), null, "900");
        world.fanOut().runDue();

        assertThat(world.queued("-1001")).isEmpty();
        assertThat(world.queued("-1002")).singleElement().satisfies(m -> {
            assertThat(m.lane()).isEqualTo(Outgoing.Lane.BROADCAST);
            assertThat(m.text()).contains("Rembug warga", "Balai desa", "pukul");
        });
        assertThat(world.queued("-1003")).singleElement().satisfies(m -> assertThat(m.text()).contains(" at "));
    }

    @Test
    void announcementCarriesRsvpButtonsWithShortCallbackData() {
        world.group("g1");
        BroadcastJob job = world.service.create(world.meeting(world.inDays(3)), new Target.All(), null, "900");
        world.fanOut().runDue();

        Outgoing message = world.queued("g1").get(0);
        assertThat(message.id()).isEqualTo("bc:" + job.id() + ":g1");
        assertThat(message.buttons()).singleElement().satisfies(row -> {
            assertThat(row).extracting(Outgoing.OutButton::label).containsExactly("Hadir", "Tidak hadir", "Mungkin");
            assertThat(row).extracting(Outgoing.OutButton::callbackData)
                    .containsExactly("v|" + job.id() + "|y", "v|" + job.id() + "|n", "v|" + job.id() + "|m")
                    .allSatisfy(data -> assertThat(data.getBytes()).hasSizeLessThanOrEqualTo(64));
        });
    }

    @Test
    void aScheduledBroadcastWaitsForItsTimeAndSurvivesARestart() {
        world.group("g1");
        Instant sendAt = clock.instant().plus(Duration.ofHours(5));
        world.service.create(world.meeting(world.inDays(3)), new Target.All(), sendAt, "900");

        clock.advance(Duration.ofHours(5).minusSeconds(1));
        world.fanOut().runDue();
        assertThat(world.queued("g1")).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        BroadcastWorld restarted = new BroadcastWorld(redis, clock, 2);
        restarted.fanOut().runDue();
        assertThat(world.queued("g1")).hasSize(1);
    }

    @Test
    void killedMidFanOutAFreshInstanceSendsEveryRemainingMessageOnceAndNoneTwice() {
        List<String> groups = IntStream.range(0, 9).mapToObj(i -> "g" + i).toList();
        groups.forEach(world::group);
        BroadcastJob job = world.service.create(world.meeting(world.inDays(3)), new Target.All(), null, "900");

        // the first process gets two batches of two groups in, then dies
        assertThat(world.fanOut().runDue(2)).isEqualTo(4);
        assertThat(world.store.cursor(job.id(), 0)).isEqualTo(4);

        // a group joining after the wave fired does not change the frozen targets
        world.group("late");
        BroadcastWorld restarted = new BroadcastWorld(redis, clock, 2);
        restarted.fanOut().runDue();
        restarted.fanOut().runDue();

        List<String> ids = new ArrayList<>();
        groups.forEach(g -> world.queued(g).forEach(m -> ids.add(m.id())));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(groups.stream().map(g -> "bc:" + job.id() + ":" + g).toList());
        assertThat(world.queued("late")).isEmpty();
        assertThat(world.service.report(job.id()).orElseThrow()).satisfies(r -> {
            assertThat(r.status()).isEqualTo("enqueued");
            assertThat(r.targets()).isEqualTo(9);
            assertThat(r.pending()).isEqualTo(9);
        });
    }

    @Test
    void twoInstancesFanningOutTogetherEnqueueEachGroupOnce() throws Exception {
        List<String> groups = IntStream.range(0, 40).mapToObj(i -> "g" + i).toList();
        groups.forEach(world::group);
        world.service.create(world.meeting(world.inDays(3)), new Target.All(), null, "900");

        Thread other = new Thread(() -> new BroadcastWorld(redis, clock, 2).fanOut().runDue());
        other.start();
        world.fanOut().runDue();
        other.join();

        groups.forEach(g -> assertThat(world.queued(g)).as(g).hasSize(1));
    }

    @Test
    void oneVotePerPersonPerBroadcastAndAChangeReplacesIt() {
        BroadcastJob job = world.service.create(world.meeting(world.inDays(3)), new Target.All(), null, "900");
        world.store.vote(job.id(), "g1", "501", Vote.YES);
        world.store.vote(job.id(), "g1", "502", Vote.MAYBE);
        world.store.vote(job.id(), "g2", "601", Vote.YES);
        world.store.vote(job.id(), "g1", "502", Vote.NO);

        BroadcastReport report = world.service.report(job.id()).orElseThrow();
        assertThat(report.rsvp()).isEqualTo(new Vote.Counts(2, 1, 0));
        assertThat(report.rsvpByGroup()).containsEntry("g1", new Vote.Counts(1, 1, 0))
                .containsEntry("g2", new Vote.Counts(1, 0, 0));
    }

    @Test
    void remindersGoTheDayBeforeAndAnHourBeforeOnlyToGroupsThatHaveNotCancelled() {
        List.of("g1", "g2", "g3").forEach(world::group);
        var startsAt = world.inDays(3);
        BroadcastJob job = world.service.create(world.meeting(startsAt), new Target.All(), null, "900");
        assertThat(job.reminderTimes()).containsExactly(startsAt.toInstant().minus(Duration.ofDays(1)),
                startsAt.toInstant().minus(Duration.ofHours(1)));
        world.fanOut().runDue();
        world.store.vote(job.id(), "g2", "601", Vote.NO);
        world.store.vote(job.id(), "g3", "701", Vote.NO);
        world.store.vote(job.id(), "g3", "702", Vote.MAYBE);

        clock.set(startsAt.toInstant().minus(Duration.ofDays(1)).minusSeconds(1));
        world.fanOut().runDue();
        assertThat(world.queued("g1")).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        world.fanOut().runDue();
        assertThat(world.queued("g1")).extracting(Outgoing::id)
                .containsExactly("bc:" + job.id() + ":g1", "bc:" + job.id() + ":r1:g1");
        assertThat(world.queued("g1").get(1).text()).startsWith("⏰");
        assertThat(world.queued("g2")).hasSize(1);
        assertThat(world.queued("g3")).hasSize(2);

        clock.set(startsAt.toInstant().minus(Duration.ofHours(1)));
        world.fanOut().runDue();
        world.fanOut().runDue();
        assertThat(world.queued("g1")).hasSize(3);
        assertThat(world.queued("g2")).hasSize(1);
    }

    @Test
    void aReminderAlreadyPastWhenTheBroadcastIsMadeIsLeftOut() {
        BroadcastJob job = world.service.create(world.meeting(clock.instant().plus(Duration.ofHours(5)).atZone(BroadcastWorld.JAKARTA)),
                new Target.All(), null, "900");

        assertThat(job.reminderTimes()).containsExactly(clock.instant().plus(Duration.ofHours(4)));
    }
}
