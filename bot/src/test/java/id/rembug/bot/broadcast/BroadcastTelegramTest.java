package id.rembug.bot.broadcast;

import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegramApp;
import id.rembug.bot.testsupport.FakeTelegram.Call;
import id.rembug.bot.testsupport.FakeTelegram.Failure;
import id.rembug.bot.testsupport.FakeTelegram.Person;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A broadcast through the whole app to twenty groups on a fake Bot API: one group has removed
 * the bot (403), one is met with Telegram's rate limit (429 with retry_after). Every group is
 * counted at the Bot API itself, so a message sent twice or never shows.
 */
@FakeTelegramApp(properties = "rembug.staff-ids=" + BroadcastTelegramTest.STAFF_ID)
class BroadcastTelegramTest {

    static final long STAFF_ID = 4_400_001L;
    private static final int GROUPS = 20;
    private static final Duration QUIET = Duration.ofSeconds(1);

    @Autowired
    FakeTelegram telegram;

    @Autowired
    BroadcastService broadcasts;
    @Autowired
    GroupDirectory directory;

    private final Person staff = new Person(STAFF_ID, "Bu Rina");

    @Test
    void anAnnouncementReachesEveryGroupOnceTheRemovedBotIsReportedAndTheRateLimitWaitedOut() {
        // The shared test Redis may hold groups of other test classes: this broadcast goes to a
        // tag only these groups carry, set the way staff set it, with /tag in each group.
        String tag = "uji:" + Long.toHexString(UUID.randomUUID().getMostSignificantBits() & 0xffffffL);
        List<Long> chats = new ArrayList<>();
        long base = -1_009_900_000L - (Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 1_000) * 100;
        for (int i = 0; i < GROUPS; i++) {
            long chatId = base - i;
            chats.add(chatId);
            telegram.botAddedToGroup(chatId, staff);
            telegram.groupText(chatId, staff, "/tag " + tag, null);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> directory.matching(new Target.Tagged(tag)).size() == GROUPS);
        // The bot's answers to the joins and the /tag commands are out before the failures are scripted.
        AtomicReference<Map<Long, Integer>> last = new AtomicReference<>(Map.of());
        await().pollInterval(Duration.ofMillis(300)).atMost(Duration.ofSeconds(10)).until(() -> {
            Map<Long, Integer> now = sendMessageCalls(chats);
            boolean settled = now.equals(last.get()) && now.values().stream().allMatch(n -> n > 0);
            last.set(now);
            return settled;
        });

        long removed = chats.get(3);
        long rateLimited = chats.get(11);
        telegram.failAlways(removed, Failure.forbidden("bot was kicked from the group chat"));
        telegram.failNext("sendMessage", rateLimited, 1, Failure.tooManyRequests(1));
        Map<Long, Integer> sendsBefore = sendMessageCalls(chats);

        String title = "Musyawarah air bersih " + tag;
        BroadcastJob job = broadcasts.create(new Announcement(title,
                Instant.now().plus(Duration.ofDays(4)).atZone(ZoneId.of("Asia/Jakarta")), "Balai desa",
                "Air bersih untuk RT 3"), new Target.Tagged(tag), Instant.now(), String.valueOf(STAFF_ID));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> broadcasts.report(job.id()).orElseThrow().pending() == 0);
        // Quiet for a while: nothing is sent again after the report settles.
        await().during(QUIET).atMost(Duration.ofSeconds(20))
                .until(() -> sendMessageCalls(chats).equals(announcementCallsExpected(sendsBefore, chats, rateLimited)));

        for (long chat : chats) {
            List<String> announcements = telegram.textsSentTo(chat).stream().filter(t -> t.contains(title)).toList();
            assertThat(announcements).as("announcements accepted in %d", chat).hasSize(chat == removed ? 0 : 1);
        }
        List<Call> limited = announcementCalls(rateLimited, sendsBefore.get(rateLimited));
        assertThat(limited).extracting(Call::status).containsExactly(429, 200);
        assertThat(limited.get(1).atMillis() - limited.get(0).atMillis())
                .as("waited out retry_after").isGreaterThanOrEqualTo(950);
        assertThat(announcementCalls(removed, sendsBefore.get(removed))).extracting(Call::status)
                .as("a group that removed the bot is not tried again").containsExactly(403);

        BroadcastReport report = broadcasts.report(job.id()).orElseThrow();
        assertThat(report.targets()).isEqualTo(GROUPS);
        assertThat(report.sent()).isEqualTo(GROUPS - 1);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.pending()).isZero();
        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.groupId()).isEqualTo(String.valueOf(removed));
            assertThat(failure.reason()).contains("kicked");
        });
    }

    /** sendMessage calls per chat, failed ones included. */
    private Map<Long, Integer> sendMessageCalls(List<Long> chats) {
        Map<Long, Integer> counts = new TreeMap<>();
        chats.forEach(chat -> counts.put(chat, telegram.calls("sendMessage", chat).size()));
        return counts;
    }

    /** One call per group; two where the first met the 429. */
    private Map<Long, Integer> announcementCallsExpected(Map<Long, Integer> before, List<Long> chats,
                                                                 long rateLimited) {
        Map<Long, Integer> expected = new TreeMap<>();
        chats.forEach(chat -> expected.put(chat, before.get(chat) + (chat == rateLimited ? 2 : 1)));
        return expected;
    }

    private List<Call> announcementCalls(long chat, int before) {
        List<Call> calls = telegram.calls("sendMessage", chat);
        return calls.subList(before, calls.size());
    }
}
