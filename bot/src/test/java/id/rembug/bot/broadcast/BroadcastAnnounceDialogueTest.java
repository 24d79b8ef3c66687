package id.rembug.bot.broadcast;

import id.rembug.bot.testsupport.TestClock;
import id.rembug.bot.testsupport.TestRedis;

import id.rembug.bot.channel.ChatUser;
import id.rembug.bot.channel.Inbound;
import id.rembug.bot.conversation.ConversationHook.HookAnswer;
import id.rembug.bot.conversation.ConversationHook.HookCall;
import id.rembug.bot.testsupport.RedisServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** /umumkan in a staff member's private chat, step by step, on a real Redis. */
@TestRedis
class BroadcastAnnounceDialogueTest {

    private static final StringRedisTemplate redis = RedisServerExtension.template();

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T01:00:00Z"));
    private final AtomicInteger updates = new AtomicInteger();
    private final ChatUser staff = ChatUser.person("900", "Bu Rina");
    private BroadcastWorld world;
    private AnnounceDialogue dialogue;

    @BeforeEach
    void setUp() {
        world = new BroadcastWorld(redis, clock, 10);
        dialogue = new AnnounceDialogue(redis, new StaffDirectory(world.properties, redis), world.groups, world.service,
                world.texts, world.properties, clock);
        world.group("g1");
        world.group("g2");
        world.groups.addTag("g1", "desa:sukamaju");
    }

    @Test
    void staffWalkThroughTitleTimePlaceAgendaTargetsAndPreviewAndTheBroadcastIsScheduled() {
        assertThat(say(staff, "/umumkan")).contains("judul");
        assertThat(say(staff, "Musyawarah air bersih")).contains("Sabtu 14.00");
        assertThat(say(staff, "kapan saja")).contains("belum paham");
        assertThat(say(staff, "Sabtu 14.00")).contains("Sabtu, 28 November 2026 pukul 14.00");
        say(staff, "Balai desa");
        assertThat(say(staff, "Sumur bersama RT 3")).contains("tag desa:sukamaju");
        assertThat(say(staff, "tag desa:tidakada")).contains("Belum ada kelompok");
        assertThat(say(staff, "tag desa:sukamaju")).contains("1 kelompok");
        String preview = say(staff, "besok jam 8");
        assertThat(preview).contains("Musyawarah air bersih", "Balai desa", "Sumur bersama RT 3", "kirim");
        assertThat(say(staff, "kirim")).contains("/laporan 1");

        BroadcastJob job = world.store.load("1").orElseThrow();
        assertThat(job.target()).isEqualTo(new Target.Tagged("desa:sukamaju"));
        assertThat(job.announcement().startsAt()).isEqualTo(ZonedDateTime.parse("2026-11-28T14:00+07:00[Asia/Jakarta]"));
        assertThat(job.sendAt()).isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
        assertThat(redis.hasKey(AnnounceDialogue.draftKey("900"))).isFalse();
    }

    @Test
    void aRedeliveredMessageGetsTheSameReplyAndMovesNothing() {
        say(staff, "/umumkan");
        Inbound.Message title = message(staff, "Rapat RT");
        String first = answer(title).orElseThrow();
        String again = answer(title).orElseThrow();

        assertThat(again).isEqualTo(first);
        assertThat(redis.opsForHash().get(AnnounceDialogue.draftKey("900"), "step")).isEqualTo("WHEN");
        assertThat(redis.opsForHash().get(AnnounceDialogue.draftKey("900"), "title")).isEqualTo("Rapat RT");
    }

    @Test
    void aConfirmationAppliedAgainAfterACrashMakesOneBroadcast() {
        for (String text : new String[]{"/umumkan", "Rapat", "besok jam 9", "Masjid", "-", "semua", "sekarang"}) {
            say(staff, text);
        }
        var draft = redis.opsForHash().entries(AnnounceDialogue.draftKey("900"));
        Inbound.Message send = message(staff, "kirim");
        answer(send);
        // the process died after creating the job, before its turn was committed: the draft is
        // as it was and the same update comes again
        redis.opsForHash().putAll(AnnounceDialogue.draftKey("900"), draft);
        assertThat(answer(send)).hasValueSatisfying(text -> assertThat(text).contains("/laporan 1"));

        assertThat(redis.opsForZSet().zCard(BroadcastKeys.JOBS)).isEqualTo(1);
    }

    @Test
    void nonStaffAreRefusedAndCancellingDropsTheDraft() {
        assertThat(say(ChatUser.person("501", "Sari"), "/umumkan")).contains("petugas program atau pendamping");
        say(staff, "/umumkan");
        assertThat(say(staff, "/batal")).contains("dibatalkan");
        assertThat(answer(message(staff, "halo"))).isEmpty();
    }

    @Test
    void aFacilitatorAnnouncesToTheGroupsTheyLeadOnlyAndSeesWhoAnswered() {
        ChatUser facilitator = ChatUser.person("fac-g1", "Pak Dedi"); // BroadcastWorld's facilitator of g1
        assertThat(say(facilitator, "/umumkan")).contains("judul");
        say(facilitator, "Kerja bakti selokan");
        say(facilitator, "Sabtu jam 7 pagi");
        say(facilitator, "Pos ronda RT 3");
        assertThat(say(facilitator, "Bawa cangkul")).contains("1 grup yang Anda dampingi");
        assertThat(say(facilitator, "sekarang")).contains("Kerja bakti selokan");
        assertThat(say(facilitator, "kirim")).contains("/laporan 1");

        BroadcastJob job = world.store.load("1").orElseThrow();
        assertThat(job.target()).isEqualTo(new Target.LedBy("fac-g1"));
        assertThat(world.groups.matching(job.target())).containsExactly("g1");

        world.store.vote("1", "g1", "u7", Vote.YES);
        BroadcastCommands commands = new BroadcastCommands(new StaffDirectory(world.properties, redis), world.groups,
                world.store, world.service, world.texts);
        String report = commands.answer(new HookCall("user:fac-g1", "fac-g1", null,
                        message(facilitator, "/laporan 1")))
                .map(HookAnswer::texts).map(texts -> texts.get(0).text()).orElseThrow();
        assertThat(report).contains("g1: u7 (Hadir)");
        assertThat(commands.answer(new HookCall("user:501", "501", null, message(ChatUser.person("501", "Sari"),
                "/laporan 1"))).map(HookAnswer::texts).map(texts -> texts.get(0).text()).orElseThrow())
                .as("someone else's announcement").contains("khusus untuk petugas");
    }

    private String say(ChatUser from, String text) {
        return answer(message(from, text)).orElseThrow();
    }

    private Inbound.Message message(ChatUser from, String text) {
        int n = updates.incrementAndGet();
        return new Inbound.Message("test:" + n, from.id(), true, clock.instant(), from, Integer.toString(n), text, null,
                false, false);
    }

    private Optional<String> answer(Inbound.Message message) {
        return dialogue.answer(new HookCall("user:" + message.from().id(), message.chatId(), null, message))
                .map(HookAnswer::texts).map(texts -> texts.get(0).text());
    }
}
