package id.rembug.bot.conversation;

import id.rembug.bot.broadcast.Announcement;
import id.rembug.bot.broadcast.BroadcastJob;
import id.rembug.bot.broadcast.BroadcastService;
import id.rembug.bot.broadcast.GroupDirectory;
import id.rembug.bot.broadcast.Target;
import id.rembug.bot.summaries.FacilitatorReachability;
import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegram.Failure;
import id.rembug.bot.testsupport.FakeTelegram.Person;
import id.rembug.bot.testsupport.FakeTelegram.Sent;
import id.rembug.bot.testsupport.FakeTelegramApp;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.dialogues.engine.StateCodec;
import id.rembug.dialogues.flow.MessageKey;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Range;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Deleted means deleted": after /hapusdata, nothing in Redis, in memory or in its append-only
 * file on disk, still holds the member's words or name, wherever the journey had put them (answers,
 * summaries kept for the daily digest and for an unreachable facilitator, a late answer, an RSVP
 * vote, the group's event stream); and a member who already left deletes from their private chat.
 * Each member has a name and words no other test uses, so the shared Redis can be searched whole.
 */
@FakeTelegramApp(properties = "rembug.staff-ids=" + DataDeletionTest.STAFF_ID)
class DataDeletionTest {

    static final long STAFF_ID = 4_400_777L;
    private static final Duration SETTLED = Duration.ofSeconds(20);

    @Autowired
    FakeTelegram telegram;
    @Autowired
    BroadcastService broadcasts;
    @Autowired
    GroupDirectory directory;

    private final Person staff = new Person(STAFF_ID, "Bu Staf");

    @Test
    void deletingInTheGroupLeavesNoWordAndNoNameOfTheMemberInAnyRedisKey() {
        String name = "Sumurkuningbudi";
        String words = "sumurKuningBudi123";
        try (GroupJourney journey = startedWith(name)) {
            Person member = journey.residents().get(1);
            long chat = journey.chatId();
            journey.walk(0, 1);

            // the facilitator takes the daily digest: the next summary is held for it
            telegram.groupText(chat, journey.facilitator(), "/ringkasan harian", null);
            journey.answerEveryQuestion(2);
            RedisCommands<String, String> redis = journey.redis();
            String digest = ConversationKeys.digest(String.valueOf(journey.facilitator().id()));
            journey.awaitStep("the summary held for the digest", () -> redis.llen(digest) > 0);
            // a late answer with words only this member wrote
            telegram.groupText(chat, member, "Tambahan: " + words, journey.awaitQuestion(2, 0).messageId());

            // the facilitator blocks the bot: a summary asked for now is kept for them
            telegram.failAlways(journey.facilitator().id(), Failure.forbidden("Forbidden: bot was blocked by the user"));
            telegram.groupText(chat, journey.facilitator(), "/ringkasan", null);
            String pending = FacilitatorReachability.pendingFor(String.valueOf(journey.facilitator().id()));
            journey.awaitStep("the summary kept for the unreachable facilitator", () -> redis.llen(pending) > 0);

            BroadcastJob job = announceTo(journey);
            Sent announcement = awaitSent(journey, chat, s -> s.hasButtonWithDataStarting("v|" + job.id() + "|"));
            telegram.press(member, announcement, "v|" + job.id() + "|y");
            journey.awaitStep("the vote stored", () -> redis.hlen("rembug:broadcast:" + job.id() + ":votes") > 0);
            assertThat(keysHolding(redis, name, words)).as("the journey put the member's words in Redis").isNotEmpty();

            deleteInTheGroup(journey, member);

            await().atMost(SETTLED).untilAsserted(() -> assertThat(keysHolding(redis, name, words)).isEmpty());
            assertThat(redis.hlen("rembug:broadcast:" + job.id() + ":votes")).as("the member's vote").isZero();
            // the others' part of the held summaries is kept
            assertThat(redis.lrange(digest, 0, -1)).anyMatch(json -> json.contains("Sari"));
            assertThat(redis.lrange(pending, 0, -1)).anyMatch(json -> json.contains("Sari"));
            assertThat(journey.storedAnswers().keySet())
                    .isNotEmpty().noneMatch(field -> field.contains(String.valueOf(member.id())));
        }
    }

    @Test
    void afterTheDeletionTheAppendOnlyFileOnDiskHoldsNoneOfTheMembersWords() {
        String name = "Kuningsumurwati";
        String words = "kuningSumurWati456";
        // A rewrite starts the file with an RDB snapshot, whose strings may be compressed: for this
        // test Redis writes it as plain commands, so a search of the bytes means something.
        aofPreamble("no");
        try (GroupJourney journey = startedWith(name)) {
            RedisCommands<String, String> redis = journey.redis();
            Person member = journey.residents().get(1);
            journey.completeStage(0);
            telegram.groupText(journey.chatId(), member, "Tambahan: " + words, journey.awaitQuestion(0, 0).messageId());
            journey.awaitStep("the words written to the append-only file", () -> aofHolds(words));

            deleteInTheGroup(journey, member);

            await().atMost(SETTLED).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                assertThat(redis.info("persistence")).contains("aof_rewrite_in_progress:0");
                assertThat(aofHolds(words)).as("the words in the append-only file").isFalse();
                assertThat(aofHolds(name)).as("the name in the append-only file").isFalse();
            });
        } finally {
            aofPreamble("yes");
        }
    }

    private static void aofPreamble(String yesOrNo) {
        RedisServerExtension.template().execute((org.springframework.data.redis.core.RedisCallback<Void>) c -> {
            c.serverCommands().setConfig("aof-use-rdb-preamble", yesOrNo);
            return null;
        });
    }

    @Test
    void aMemberWhoLeftDeletesTheirDataFromTheirPrivateChat() {
        String name = "Sumurtigawati";
        String words = "sumurTigaWati789";
        try (GroupJourney journey = startedWith(name)) {
            Person member = journey.residents().get(1);
            RedisCommands<String, String> redis = journey.redis();
            journey.completeStage(0);
            telegram.groupText(journey.chatId(), member, "Tambahan: " + words, journey.awaitQuestion(0, 0).messageId());
            telegram.memberLeft(journey.chatId(), member);
            journey.awaitStep("the words stored", () -> !keysHolding(redis, words).isEmpty());

            telegram.privateText(member, "/hapusdata");
            String yes = GroupJourney.text(MessageKey.DELETE_BUTTON_YES, Map.of());
            Sent question = awaitSent(journey, member.id(), s -> s.allButtons().stream().anyMatch(b -> b.label().equals(yes)));
            telegram.press(member, question, question.allButtons().stream().filter(b -> b.label().equals(yes))
                    .findFirst().orElseThrow().data());
            String done = GroupJourney.text(MessageKey.PRIVATE_DELETE_DONE, Map.of("groups", 1));
            journey.awaitStep("the confirmation", () -> telegram.textsSentTo(member.id()).contains(done));

            await().atMost(SETTLED).untilAsserted(() -> assertThat(keysHolding(redis, name, words)).isEmpty());
            assertThat(telegram.textsSentTo(journey.chatId())).as("the group is told nothing")
                    .noneMatch(t -> t.contains(GroupJourney.text(MessageKey.DELETE_DONE, Map.of())));
        }
    }

    /**
     * A group of three where everyone answers, the member second; its facilitator has started the
     * private chat, the group has started.
     */
    private GroupJourney startedWith(String memberName) {
        GroupJourney journey = new GroupJourney(telegram, 3, List.of("Sari", memberName, "Ani")).everyoneAnswers();
        journey.facilitatorStartsThePrivateChat();
        journey.botJoinsAndTheGroupStarts();
        return journey;
    }

    /** /hapusdata in the group, and the member presses "Ya, hapus" under the question. */
    private void deleteInTheGroup(GroupJourney journey, Person member) {
        long chat = journey.chatId();
        telegram.groupText(chat, member, "/hapusdata", null);
        String yes = GroupJourney.text(MessageKey.DELETE_BUTTON_YES, Map.of());
        Sent question = awaitSent(journey, chat, s -> s.allButtons().stream().anyMatch(b -> b.label().equals(yes)));
        telegram.press(member, question, question.allButtons().stream().filter(b -> b.label().equals(yes))
                .findFirst().orElseThrow().data());
        String done = GroupJourney.text(MessageKey.DELETE_DONE, Map.of());
        journey.awaitStep("the deletion confirmed", () -> telegram.callbackAnswersIn(chat).stream()
                .anyMatch(a -> done.equals(a.text())));
    }

    /** The newest message the bot sent to the chat that matches, once there is one. */
    private Sent awaitSent(GroupJourney journey, long chatId, java.util.function.Predicate<Sent> wanted) {
        Sent[] found = new Sent[1];
        journey.awaitStep("a message in " + chatId, () -> {
            found[0] = telegram.sentTo(chatId).stream().filter(wanted).reduce((a, b) -> b).orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    /** Staff tag the group and announce a meeting to that tag, with RSVP buttons. */
    private BroadcastJob announceTo(GroupJourney journey) {
        String tag = "hapus" + Long.toHexString(UUID.randomUUID().getMostSignificantBits() & 0xffffffL);
        telegram.groupText(journey.chatId(), staff, "/tag " + tag, null);
        journey.awaitStep("the group tagged", () -> directory.matching(new Target.Tagged(tag)).size() == 1);
        return broadcasts.create(new Announcement("Rapat RT " + tag,
                        Instant.now().plus(Duration.ofDays(3)).atZone(ZoneId.of("Asia/Jakarta")), "Balai warga",
                        "Selokan"), new Target.Tagged(tag), Instant.now(), String.valueOf(STAFF_ID));
    }

    /**
     * Every key of the Redis (SCAN), its name and all it holds, read by its type, that contains
     * any of {@code needles} (ignoring case): key to type.
     */
    static Map<String, String> keysHolding(RedisCommands<String, String> redis, String... needles) {
        Map<String, String> found = new TreeMap<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.limit(500));
            for (String key : page.getKeys()) {
                String type = redis.type(key);
                List<String> content = new ArrayList<>(List.of(key));
                switch (type) {
                    case "string" -> content.add(redis.get(key));
                    case "hash" -> redis.hgetall(key).forEach((field, value) -> {
                        content.add(field);
                        content.add(value);
                        if (value.startsWith(StateCodec.DEFLATED)) {
                            content.add(StateCodec.json(value)); // a stage summary or finished state, deflated
                        }
                    });
                    case "list" -> content.addAll(redis.lrange(key, 0, -1));
                    case "set" -> content.addAll(redis.smembers(key));
                    case "zset" -> content.addAll(redis.zrange(key, 0, -1));
                    case "stream" -> redis.xrange(key, Range.create("-", "+")).forEach(entry ->
                            entry.getBody().forEach((field, value) -> {
                                content.add(field);
                                content.add(value);
                            }));
                    case "none" -> { } // expired between SCAN and TYPE
                    default -> throw new AssertionError("a key of a type this walk cannot read: " + key + " " + type);
                }
                for (String needle : needles) {
                    String lower = needle.toLowerCase(Locale.ROOT);
                    if (content.stream().anyMatch(c -> c != null && c.toLowerCase(Locale.ROOT).contains(lower))) {
                        found.put(key, type);
                    }
                }
            }
            cursor = page;
        } while (!cursor.isFinished());
        return found;
    }

    /**
     * Whether the test Redis's append-only files hold the text (ignoring case): Redis 7 keeps them
     * in {@code appendonlydir/} (base, increments, manifest), Redis 6.2 in one {@code appendonly.aof}.
     */
    static boolean aofHolds(String text) {
        Path dir = RedisServerExtension.server().dataDir();
        String lower = text.toLowerCase(Locale.ROOT);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().startsWith("appendonly"))
                    .anyMatch(f -> read(f).toLowerCase(Locale.ROOT).contains(lower));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException vanished) {
            // a rewrite replaced the file while we listed the directory
            return "";
        }
    }
}
