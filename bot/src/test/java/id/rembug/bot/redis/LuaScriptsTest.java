package id.rembug.bot.redis;

import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each of Rembug's Lua scripts on its own, on a real Redis: what it writes, and that it writes
 * nothing it was not given in KEYS (what Redis Cluster requires). The scripts' callers have their
 * own tests; these pin the scripts' contracts.
 */
@TestRedis
class LuaScriptsTest {

    private static final Path SCRIPTS = Path.of("src", "main", "resources");

    private final StringRedisTemplate redis = RedisServerExtension.template();

    private static Long run(StringRedisTemplate redis, String path, List<String> keys, String... args) {
        return redis.execute(LuaScripts.load(path, Long.class), keys, (Object[]) args);
    }

    /** The follow-up script with the stream-id functions it is loaded with. */
    private static Long followUp(StringRedisTemplate redis, List<String> keys, String... args) {
        return redis.execute(LuaScripts.load(List.of("conversation/stream-ids", "conversation/follow-up-ops"),
                "conversation/follow-up", Long.class), keys, (Object[]) args);
    }

    /** The commit script with the follow-up functions it is loaded with. */
    private static Long commit(StringRedisTemplate redis, List<String> keys, String... args) {
        return redis.execute(LuaScripts.load(List.of("conversation/follow-up-ops"), "conversation/commit", Long.class),
                keys, (Object[]) args);
    }

    @Test
    void everyScriptNamesItsKeysOnlyThroughKeys() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(SCRIPTS)) {
            scripts = files.filter(file -> file.toString().endsWith(".lua")).toList();
        }
        assertThat(scripts).as("the scripts under " + SCRIPTS.toAbsolutePath()).hasSizeGreaterThanOrEqualTo(16);
        // a key built in Lua from a prefix is invisible to Cluster's routing: no script names one
        Pattern builtKey = Pattern.compile("'rembug:|redis\\.call\\('\\w+', [^,)]*\\.\\.|= ARGV\\[\\d+] \\.\\."
                + "|resolve_alias\\(|remove_message\\(");
        List<String> offenders = scripts.stream()
                .filter(script -> !script.getFileName().toString().equals("lib.lua"))
                .filter(script -> builtKey.matcher(read(script)).find())
                .map(script -> script.getFileName().toString())
                .toList();
        // claim.lua, forbid.lua and settle.lua build a chat's queue, alias and delivery keys from
        // prefixes (the dispatcher picks the chat inside the script): all carry the outbox's hash
        // tag, so on a Redis Cluster they are in the slot of the keys the script is given
        // (RedisClusterTest runs them there); see README "Scaling out"
        assertThat(offenders).containsExactlyInAnyOrder("claim.lua", "forbid.lua", "settle.lua");
    }

    @Test
    void aMissingScriptIsNamedWithWhereItShouldBe() {
        assertThatThrownBy(() -> LuaScripts.load("conversation/nothing-here", Long.class))
                .hasMessageContaining("classpath:conversation/nothing-here.lua");
    }

    @Test
    void appendStoresEachUpdateOfABatchOnceInOrder() {
        List<String> keys = List.of("t:events", "t:seen:1", "t:seen:2", "t:seen:1");
        assertThat(run(redis, "conversation/append", keys, "60", "{\"u\":1}", "{\"u\":2}", "{\"u\":1}"))
                .as("the repeated update stored once").isEqualTo(2L);
        assertThat(run(redis, "conversation/append", List.of("t:events", "t:seen:2", "t:seen:3"), "60", "{\"u\":2}",
                "{\"u\":3}")).as("the one seen before left out").isEqualTo(1L);
        assertThat(redis.opsForStream().range("t:events", org.springframework.data.domain.Range.unbounded()))
                .extracting(r -> r.getValue().get("inbound")).containsExactly("{\"u\":1}", "{\"u\":2}", "{\"u\":3}");
        assertThat(redis.getExpire("t:seen:1")).isPositive();
        assertThat(redis.keys("*")).containsExactlyInAnyOrder("t:seen:1", "t:seen:2", "t:seen:3", "t:events");
    }

    @Test
    void appendThatFailsHalfWayLeavesTheRestUnmarkedForTheRetry() {
        redis.opsForValue().set("t:events", "not a stream");
        assertThatThrownBy(() -> run(redis, "conversation/append", List.of("t:events", "t:seen:1"), "60", "{}"));
        assertThat(redis.hasKey("t:seen:1")).as("not marked seen, so a retry stores it").isFalse();
    }

    @Test
    void announceNamesEachConversationOnTheWorkStream() {
        assertThat(run(redis, "conversation/announce", List.of("t:work"), "-100")).isEqualTo(1L);
        assertThat(run(redis, "conversation/announce", List.of("t:work"), "-101", "-102")).isEqualTo(2L);
        assertThat(redis.opsForStream().range("t:work", org.springframework.data.domain.Range.unbounded()))
                .extracting(r -> r.getValue().get("conversation")).containsExactly("-100", "-101", "-102");
    }

    @Test
    void workDoneAcknowledgesAndDeletesTheEntriesInOneStep() {
        run(redis, "conversation/announce", List.of("t:work"), "-100", "-101", "-102");
        redis.opsForStream().createGroup("t:work", org.springframework.data.redis.connection.stream.ReadOffset.from("0"),
                "processors");
        var read = redis.opsForStream().read(org.springframework.data.redis.connection.stream.Consumer.from("processors",
                "w1"), org.springframework.data.redis.connection.stream.StreamReadOptions.empty().count(2),
                org.springframework.data.redis.connection.stream.StreamOffset.create("t:work",
                        org.springframework.data.redis.connection.stream.ReadOffset.lastConsumed()));
        List<String> ids = read.stream().map(r -> r.getId().getValue()).toList();

        assertThat(run(redis, "conversation/work-done", List.of("t:work"),
                java.util.stream.Stream.concat(java.util.stream.Stream.of("processors"), ids.stream()).toArray(String[]::new)))
                .isEqualTo(2L);

        assertThat(redis.opsForStream().range("t:work", org.springframework.data.domain.Range.unbounded()))
                .as("only the entry not yet read is left").extracting(r -> r.getValue().get("conversation"))
                .containsExactly("-102");
        assertThat(redis.opsForStream().pending("t:work", "processors").getTotalPendingMessages())
                .as("nothing left to claim").isZero();
    }

    @Test
    void wakeUpIsStoredOnceAndTakenAndAnnouncedOnceEvenWhenTwoInstancesTryIt() {
        redis.opsForZSet().add("t:wakeups", "-100|5", 5);
        List<String> store = List.of("t:woken:-100|5", "t:events");
        assertThat(run(redis, "conversation/wake-up-entry", store, "{\"w\":1}", "60")).isEqualTo(1L);
        assertThat(run(redis, "conversation/wake-up-entry", store, "{\"w\":1}", "60")).as("stored before").isZero();
        List<String> take = List.of("t:wakeups", "t:work");
        assertThat(run(redis, "conversation/wake-up", take, "-100|5", "-100")).isEqualTo(1L);
        assertThat(run(redis, "conversation/wake-up", take, "-100|5", "-100")).isZero();
        assertThat(redis.opsForStream().size("t:events")).isEqualTo(1L);
        assertThat(redis.opsForStream().size("t:work")).isEqualTo(1L);
        assertThat(redis.opsForZSet().size("t:wakeups")).isZero();
    }

    @Test
    void followUpAppliesOnceAndNeverAnOlderOneAfterANewer() {
        String ops = """
                [{"c":"enqueue","k":["t:queue:-100","t:ready"],"a":["hello","1000","-100"]},
                 {"c":"sadd","k":["t:groups"],"a":["-100"]},
                 {"c":"zadd","k":["t:wakeups"],"a":["5000","-100|5000"]},{"c":"hset","k":["t:user:7"],"a":["lang","en"]}]""";
        List<String> keys = List.of("t:done", "t:queue:-100", "t:ready", "t:groups", "t:wakeups", "t:user:7");
        assertThat(followUp(redis, keys, "5-0", "60", ops)).isEqualTo(1L);
        assertThat(followUp(redis, keys, "5-0", "60", ops)).as("once").isZero();
        assertThat(followUp(redis, keys, "4-9", "60", ops)).as("an older one, late").isZero();
        assertThat(redis.opsForList().range("t:queue:-100", 0, -1)).containsExactly("hello");
        assertThat(redis.opsForZSet().score("t:ready", "-100")).isEqualTo(1000.0);
        assertThat(redis.opsForSet().members("t:groups")).containsExactly("-100");
        assertThat(redis.opsForZSet().score("t:wakeups", "-100|5000")).isEqualTo(5000.0);
        assertThat(redis.opsForHash().get("t:user:7", "lang")).isEqualTo("en");
        assertThat(followUp(redis, keys, "5-1", "60", ops)).as("the next one").isEqualTo(1L);
        assertThat(redis.opsForList().range("t:queue:-100", 0, -1)).containsExactly("hello", "hello");
        assertThat(redis.getExpire("t:done")).isPositive();
        assertThat(redis.keys("*")).allMatch(keys::contains);
    }

    @Test
    void followUpReleasesWhatWasKeptAndReplacesAnErasedMembersMessagesButNotAQueuesHead() {
        redis.opsForList().rightPushAll("t:pending:7", "a", "b");
        redis.opsForHash().put("t:forbidden:7", "reason", "blocked");
        redis.opsForList().rightPushAll("t:queue:-100", "ani says", "ani again", "budi");
        String ops = """
                [{"c":"release","k":["t:pending:7","t:forbidden:7","t:queue:7","t:ready"],"a":["7","1000"]},
                 {"c":"replace","k":["t:queue:-100"],"a":["1","ani says","(deleted)","ani again","(deleted)"]}]""";
        List<String> keys = List.of("t:done", "t:pending:7", "t:forbidden:7", "t:queue:7", "t:ready", "t:queue:-100");
        assertThat(followUp(redis, keys, "1-0", "60", ops)).isEqualTo(1L);
        assertThat(redis.opsForList().range("t:queue:7", 0, -1)).containsExactly("a", "b");
        assertThat(redis.hasKey("t:pending:7")).isFalse();
        assertThat(redis.hasKey("t:forbidden:7")).isFalse();
        assertThat(redis.opsForZSet().score("t:ready", "7")).isEqualTo(1000.0);
        assertThat(redis.opsForList().range("t:queue:-100", 0, -1)).containsExactly("ani says", "(deleted)", "budi");
    }

    @Test
    void digestReleaseMovesAPersonsHeldSummariesToTheirQueueInOrder() {
        redis.opsForSet().add("t:digest-users", "7", "8");
        redis.opsForList().rightPushAll("t:digest:7", "a", "b");
        List<String> keys = List.of("t:digest-users", "t:digest:7", "t:queue:7", "t:ready");
        assertThat(run(redis, "conversation/digest-release", keys, "7", "1000")).isEqualTo(2L);
        assertThat(redis.opsForList().range("t:queue:7", 0, -1)).containsExactly("a", "b");
        assertThat(redis.opsForZSet().score("t:ready", "7")).isEqualTo(1000.0);
        assertThat(redis.hasKey("t:digest:7")).isFalse();
        assertThat(redis.opsForSet().members("t:digest-users")).containsExactly("8");
        assertThat(run(redis, "conversation/digest-release", keys, "7", "2000")).as("nothing twice").isZero();
    }

    @Test
    void modelDeliverQueuesTheEditOnlyWhileTheJobIsThere() {
        redis.opsForHash().put("t:jobs", "j1", "{}");
        redis.opsForZSet().add("t:ready", "-100", 50);
        List<String> keys = List.of("t:jobs", "t:queue:-100", "t:ready");
        assertThat(run(redis, "conversation/model-deliver", keys, "j1", "edit", "1000", "-100")).isEqualTo(1L);
        assertThat(run(redis, "conversation/model-deliver", keys, "j1", "edit", "1000", "-100")).isZero();
        assertThat(redis.opsForList().range("t:queue:-100", 0, -1)).containsExactly("edit");
        assertThat(redis.opsForZSet().score("t:ready", "-100")).as("a schedule is never pulled forward").isEqualTo(50.0);
    }

    @Test
    void keepHoldsAMessageWhileTheChatIsForbiddenAndQueuesItOnceItIsNot() {
        List<String> keys = List.of("t:forbidden:7", "t:pending:7", "t:queue:7", "t:ready");
        redis.opsForHash().put("t:forbidden:7", "reason", "blocked");
        assertThat(run(redis, "milestone/keep", keys, "m1", "1000", "7")).isEqualTo(1L);
        redis.delete("t:forbidden:7");
        assertThat(run(redis, "milestone/keep", keys, "m2", "1000", "7")).isZero();
        assertThat(redis.opsForList().range("t:pending:7", 0, -1)).containsExactly("m1");
        assertThat(redis.opsForList().range("t:queue:7", 0, -1)).containsExactly("m2");
        assertThat(redis.opsForZSet().score("t:ready", "7")).isEqualTo(1000.0);
    }

    /** One entry's ops that change nothing but the stream position. */
    private static String entryOps(String entry) {
        return """
                {"entry":"%s","forget":[],"asked":[],"dropAsked":[],"answers":[],"milestones":[],"modelJobs":[],
                 "questions":[],"questionsKey":6,"questionsKept":60}""".formatted(entry);
    }

    private static String emptyOps(String... entries) {
        return "[" + String.join(",", java.util.Arrays.stream(entries).map(LuaScriptsTest::entryOps).toList()) + "]";
    }
    private static final String FOLLOW_UP_1 = "{\"id\":\"1-0\",\"ops\":[]}";
    private static final String FOLLOW_UP_2 = "{\"id\":\"2-0\",\"ops\":[]}";

    @Test
    void commitWritesOnlyWhenNobodyAppliedAnythingSinceAndOnlyToItsKeysQueueingWhatLiesOutside() {
        List<String> keys = List.of("t:group", "t:answers", "t:milestones", "t:events", "t:follow-ups", "t:questions");
        String entry = redis.opsForStream().add("t:events", java.util.Map.of("inbound", "{}")).getValue();
        String ops = """
                [{"entry":"%s","forget":[],"asked":[["asked|s|1|0","{}"]],"dropAsked":[],"answers":[["s:1:q:7","yes"]],
                 "milestones":[],"modelJobs":[],"questions":[["out-1","s|1|0"]],"questionsKey":6,"questionsKept":60}]"""
                .formatted(entry);

        assertThat(commit(redis, keys, "0-1", entry, "{\"s\":1}", "-100", ops, FOLLOW_UP_1, "0"))
                .as("another worker applied 0-1 meanwhile").isZero();
        assertThat(commit(redis, keys, "", entry, "{\"s\":1}", "-100", ops, FOLLOW_UP_1, "0")).isEqualTo(3L);
        assertThat(commit(redis, keys, "", entry, "{\"s\":2}", "-100", ops, FOLLOW_UP_1, "0")).as("once").isZero();

        assertThat(redis.opsForHash().entries("t:group")).containsEntry("state", "{\"s\":1}")
                .containsEntry("applied", entry).containsEntry("asked|s|1|0", "{}");
        assertThat(redis.opsForHash().get("t:answers", "s:1:q:7")).isEqualTo("yes");
        assertThat(redis.opsForHash().get("t:questions", "out-1")).isEqualTo("s|1|0");
        assertThat(redis.opsForList().range("t:follow-ups", 0, -1)).as("what lies outside the slot, queued").containsExactly(FOLLOW_UP_1);
        assertThat(redis.opsForStream().size("t:events")).as("the applied entry leaves the stream").isZero();
        String next = redis.opsForStream().add("t:events", java.util.Map.of("inbound", "{}")).getValue();
        assertThat(commit(redis, keys, entry, next, "", "-100", emptyOps(next), FOLLOW_UP_2, "1"))
                .as("committed behind an older follow-up still waiting, even where it could be applied at once").isEqualTo(2L);
        assertThat(redis.opsForList().range("t:follow-ups", 0, -1)).containsExactly(FOLLOW_UP_1, FOLLOW_UP_2);
        assertThat(redis.keys("*")).allMatch(keys::contains);
    }

    @Test
    void commitOfSeveralEntriesAppliesEachInOrderAndMovesToTheLast() {
        List<String> keys = List.of("t:group", "t:answers", "t:milestones", "t:events", "t:follow-ups", "t:questions");
        String first = redis.opsForStream().add("t:events", java.util.Map.of("inbound", "{}")).getValue();
        String second = redis.opsForStream().add("t:events", java.util.Map.of("inbound", "{}")).getValue();
        String third = redis.opsForStream().add("t:events", java.util.Map.of("inbound", "{}")).getValue();
        String ops = """
                [{"entry":"%s","forget":[],"asked":[["asked|s|1|0","{\\"v\\":1}"]],"dropAsked":[],
                  "answers":[["s:1:q:7","first"]],"milestones":[],"modelJobs":[],"questions":[],"questionsKey":6,"questionsKept":60},
                 {"entry":"%s","forget":[],"asked":[],"dropAsked":["asked|s|1|0"],"answers":[["s:1:q:7","second"]],
                  "dropAnswers":[],"milestones":[],"modelJobs":[],"questions":[],"questionsKey":6,"questionsKept":60}]"""
                .formatted(first, second);

        assertThat(commit(redis, keys, "", second, "{\"s\":2}", "-100", ops, "", "1")).isEqualTo(1L);

        assertThat(redis.opsForHash().entries("t:group")).as("a later entry's drop after an earlier one's write")
                .containsOnlyKeys("applied", "state").containsEntry("applied", second);
        assertThat(redis.opsForHash().get("t:answers", "s:1:q:7")).isEqualTo("second");
        assertThat(redis.opsForStream().range("t:events", org.springframework.data.domain.Range.unbounded()))
                .as("only the entry not in the batch is left").extracting(r -> r.getId().getValue()).containsExactly(third);
    }

    @Test
    void commitOnASingleRedisAppliesItsFollowUpInTheSameStep() {
        List<String> keys = List.of("t:group", "t:answers", "t:milestones", "t:events", "t:follow-ups", "t:questions",
                "t:groups", "t:queue:-100", "t:ready");
        String entry = redis.opsForStream().add("t:events", java.util.Map.of("inbound", "{}")).getValue();
        String followUp = """
                {"id":"%s","ops":[{"c":"sadd","k":["t:groups"],"a":["-100"]},
                 {"c":"enqueue","k":["t:queue:-100","t:ready"],"a":["hello","1000","-100"]}]}""".formatted(entry);

        assertThat(commit(redis, keys, "", entry, "{\"s\":1}", "-100", emptyOps(entry), followUp, "1")).isEqualTo(1L);

        assertThat(redis.opsForHash().get("t:group", "applied")).isEqualTo(entry);
        assertThat(redis.opsForSet().members("t:groups")).containsExactly("-100");
        assertThat(redis.opsForList().range("t:queue:-100", 0, -1)).containsExactly("hello");
        assertThat(redis.opsForZSet().score("t:ready", "-100")).isEqualTo(1000.0);
        assertThat(redis.hasKey("t:follow-ups")).as("nothing left to apply later").isFalse();
        assertThat(redis.keys("*")).allMatch(keys::contains);
    }

    @Test
    void commitWhoseFollowUpNamesAKeyOutsideKeysWritesNothing() {
        List<String> keys = List.of("t:group", "t:answers", "t:milestones", "t:events", "t:follow-ups", "t:questions");
        String entry = redis.opsForStream().add("t:events", java.util.Map.of("inbound", "{}")).getValue();
        String followUp = """
                {"id":"%s","ops":[{"c":"sadd","k":["t:groups"],"a":["-100"]}]}""".formatted(entry);

        assertThatThrownBy(() -> commit(redis, keys, "", entry, "{\"s\":1}", "-100", emptyOps(entry), followUp, "1"))
                .hasStackTraceContaining("key not passed in KEYS: t:groups");

        assertThat(redis.hasKey("t:group")).as("checked before anything is written").isFalse();
        assertThat(redis.opsForStream().size("t:events")).isEqualTo(1L);
    }

    @Test
    void followUpWithAnUnknownCommandWritesNothing() {
        String ops = """
                [{"c":"sadd","k":["t:groups"],"a":["-100"]},{"c":"flushall","k":["t:groups"],"a":[]}]""";
        assertThatThrownBy(() -> followUp(redis, List.of("t:done", "t:groups"), "1-0", "60", ops))
                .hasStackTraceContaining("unknown command flushall");
        assertThat(redis.keys("*")).isEmpty();
    }

    // --- the dispatcher's claim (the keys it builds carry test prefixes here) ---------------

    private static final List<String> CLAIM_KEYS = List.of("t:ready:c", "t:ready:b", "t:rate:global", "t:rate:bc");

    /**
     * claim.lua's ARGV at {@code now}: a lease of 30 s, budgets of 30 a second, a chat's 1 a second
     * with bursts of 3, a group's 20 a minute of which progress edits leave 8, edits due 3 s after
     * they were made and looked at again within 250 ms while they wait; one worker, claiming one
     * chat at most unless told otherwise, its slots taken as "slot-1#1", and only a chat's head
     * (a room of 1: no run behind it, see {@link #claimArgsWithRoom}).
     */
    private static List<String> claimArgs(long now) {
        return claimArgs(now, "", 1);
    }

    /** The same, going on with {@code settledChat} of lane {@code settledLane} while its next message may go. */
    private static List<String> claimArgs(long now, String settledChat, String settledLane) {
        return claimArgs(now, "[[\"" + settledChat + "\",\"" + settledLane + "\"]]", 1);
    }

    /** The same, offering the chats {@code keptOn} (a JSON list of [chat, lane]) and claiming {@code most} at most. */
    private static List<String> claimArgs(long now, String keptOn, int most) {
        return claimArgsWithRoom(now, keptOn, most, 1);
    }

    /** The same, a chat not kept on taking up to {@code room} of its messages (its head and a run behind it). */
    private static List<String> claimArgsWithRoom(long now, String keptOn, int most, int room) {
        return List.of(Long.toString(now), Long.toString(now + 30_000), "t:q:c:", "t:q:b:", "t:alias:", "t:chat:",
                ":forbidden", "t:delivery:", "30", "1000", "29", "0", keptOn, Integer.toString(most), "t:rate:chat:",
                "t:rate:group:", "slot-1", "1000", "3", "20", "60000", "8", "3000", "250", "1", Integer.toString(room));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> claim(StringRedisTemplate redis, long now) {
        return redis.execute(LuaScripts.load("dispatch/lib", "dispatch/claim", List.class), CLAIM_KEYS,
                claimArgs(now).toArray());
    }

    private static String outgoing(String id, String kind, String editOf, boolean lasting) {
        return "{\"id\":\"" + id + "\",\"kind\":\"" + kind + "\",\"chatId\":\"-1\""
                + (editOf == null ? "" : ",\"editOf\":\"" + editOf + "\"") + ",\"lasting\":" + lasting + "}";
    }

    @Test
    void claimTellsAProgressEditTheEarlierMessagesPlatformIdAndWhatIsQueuedBehindIt() {
        redis.opsForHash().put("t:delivery:q1", "messageId", "555");
        redis.opsForList().rightPushAll("t:q:c:-1", outgoing("e1", "EDIT", "q1", false),
                outgoing("e2", "EDIT", "q1", false), outgoing("m1", "TEXT", null, false));
        redis.opsForZSet().add("t:ready:c", "-1", 0);

        List<Object> claimed = claim(redis, 1000);

        assertThat(claimed).as("superseded by the newer edit: it takes no slots")
                .containsExactly("1", "1", "-1", "31000", outgoing("e1", "EDIT", "q1", false), "", "0", "555", "1", "1",
                        "none", "", "0", "", "0", "0");
        assertThat(redis.opsForZSet().score("t:ready:c", "-1")).as("leased").isEqualTo(31_000.0);
    }

    /**
     * The claim reads a chat's first messages, as many as its room: when that was the whole queue it
     * looks behind a progress edit there, else it reads the rest. Either way it sees the newer edit.
     */
    @ParameterizedTest(name = "room {0}")
    @ValueSource(ints = {1, 2, 3, 4, 8})
    void aProgressEditSeesANewerEditBehindItWhetherTheClaimReadTheWholeQueueOrOnlyPart(int room) {
        redis.opsForHash().put("t:delivery:q1", "messageId", "555");
        redis.opsForList().rightPushAll("t:q:c:-1", outgoing("e1", "EDIT", "q1", false),
                outgoing("m1", "TEXT", null, false), outgoing("e2", "EDIT", "q1", false));
        redis.opsForZSet().add("t:ready:c", "-1", 0);

        List<Object> claimed = redis.execute(LuaScripts.load("dispatch/lib", "dispatch/claim", List.class), CLAIM_KEYS,
                claimArgsWithRoom(1000, "", 1, room).toArray());

        assertThat(claimed).as("a newer edit and a message behind it; superseded, it takes no slots")
                .containsExactly("1", "1", "-1", "31000", outgoing("e1", "EDIT", "q1", false), "", "0", "555", "1", "1",
                        "none", "", "0", "", "0", "0");
    }

    @Test
    void claimReadsNothingBehindALastingEditOrAPinAndNoPlatformIdForAnUndeliveredMessage() {
        redis.opsForHash().put("t:delivery:q1", "messageId", "555");
        redis.opsForList().rightPushAll("t:q:c:-1", outgoing("e1", "EDIT", "q1", true), outgoing("e2", "EDIT", "q1", false));
        redis.opsForList().rightPushAll("t:q:c:-2", outgoing("p1", "PIN", "never-sent", false),
                outgoing("m1", "TEXT", null, false));
        redis.opsForZSet().add("t:ready:c", "-1", 0);
        redis.opsForZSet().add("t:ready:c", "-2", 1);

        assertThat(claim(redis, 1000)).as("a lasting edit, with chat -2 due too")
                .endsWith("555", "0", "0", "taken", "1000", "1", "", "0", "0");
        assertThat(claim(redis, 1000)).as("a pin of a message never delivered, the last chat due")
                .startsWith("1", "1", "-2").endsWith("", "0", "0", "none", "", "0", "", "0", "0");
    }

    @Test
    void aClaimSaysWhetherAnotherChatIsDueInALaneWhoseBudgetIsOpen() {
        redis.opsForList().rightPush("t:q:c:-1", outgoing("m1", "TEXT", null, false));
        redis.opsForList().rightPush("t:q:b:-2", outgoing("b1", "TEXT", null, false));
        redis.opsForList().rightPush("t:q:b:-3", outgoing("b2", "TEXT", null, false));
        redis.opsForZSet().add("t:ready:c", "-1", 0);
        redis.opsForZSet().add("t:ready:b", "-2", 0);
        redis.opsForZSet().add("t:ready:b", "-3", 5000);

        assertThat(claim(redis, 1000)).as("the conversation first; a broadcast is due").startsWith("1", "1", "-1")
                .endsWith("taken", "1000", "1", "", "0", "0");
        assertThat(claim(redis, 1000)).as("the broadcast due; the other one only later").startsWith("1", "2", "-2")
                .endsWith("taken", "1000", "0", "", "0", "0");

        redis.opsForList().rightPush("t:q:c:-4", outgoing("m2", "TEXT", null, false));
        redis.opsForZSet().add("t:ready:c", "-4", 0);
        redis.opsForZSet().add("t:ready:b", "-3", 0);
        for (int i = 0; i < 29; i++) {
            redis.opsForZSet().add("t:rate:bc", "s" + i, 900);
        }
        assertThat(claim(redis, 1000)).as("the broadcasts' budget is used up: nothing else counts as due")
                .startsWith("1", "1", "-4").endsWith("taken", "1000", "0", "", "0", "0");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChatJustSettledIsKeptOnWhileItsNextMessageMayGo() {
        redis.opsForList().rightPushAll("t:q:c:-1", outgoing("cb2", "CALLBACK_ANSWER", null, false),
                outgoing("m1", "TEXT", null, false), outgoing("m2", "TEXT", null, false));
        redis.opsForList().rightPush("t:q:c:-2", outgoing("m3", "TEXT", null, false));
        redis.opsForList().rightPushAll("t:q:b:-3", outgoing("b1", "TEXT", null, false), outgoing("b2", "TEXT", null, false));
        redis.opsForZSet().add("t:ready:c", "-1", 1000); // just settled: due again now
        redis.opsForZSet().add("t:ready:c", "-2", 0); // due for longer
        var claim = LuaScripts.load("dispatch/lib", "dispatch/claim", List.class);

        assertThat((List<Object>) redis.execute(claim, CLAIM_KEYS, claimArgs(1000, "-1", "1").toArray()))
                .as("an answer to a press heads the chat just settled").startsWith("1", "1", "-1");

        redis.opsForList().leftPop("t:q:c:-1");
        redis.opsForZSet().add("t:ready:c", "-1", 1000);
        assertThat((List<Object>) redis.execute(claim, CLAIM_KEYS, claimArgs(1000, "-1", "1").toArray()))
                .as("a message heads it, and the chat may send now").startsWith("1", "1", "-1");

        redis.opsForList().leftPop("t:q:c:-1");
        redis.opsForZSet().add("t:ready:c", "-1", 1500);
        assertThat((List<Object>) redis.execute(claim, CLAIM_KEYS, claimArgs(1000, "-1", "1").toArray()))
                .as("its limits let it send only later: the chat due for longer goes first").startsWith("1", "1", "-2");

        redis.opsForZSet().add("t:ready:b", "-3", 1000);
        redis.opsForList().rightPush("t:q:c:-4", outgoing("m4", "TEXT", null, false));
        redis.opsForZSet().add("t:ready:c", "-4", 0);
        assertThat((List<Object>) redis.execute(claim, CLAIM_KEYS, claimArgs(1000, "-3", "2").toArray()))
                .as("a broadcast's chat is not kept on: a conversation is due").startsWith("1", "1", "-4");
    }

    @Test
    @SuppressWarnings("unchecked")
    void settleThenClaimEndsTheHeldMessageAndClaimsTheNextChatInOneStep() {
        redis.opsForList().rightPush("t:q:c:-1", outgoing("m1", "TEXT", null, false));
        redis.opsForList().rightPush("t:q:c:-2", outgoing("m2", "TEXT", null, false));
        redis.opsForZSet().add("t:ready:c", "-1", 0);
        redis.opsForZSet().add("t:ready:c", "-2", 1);
        List<Object> held = claim(redis, 1000);
        assertThat(held).startsWith("1", "1", "-1");
        var steps = new java.util.LinkedHashMap<String, String>();
        steps.put("settle", "dispatch/settle");
        steps.put("defer", "dispatch/defer");
        steps.put("answered", "dispatch/answered");
        steps.put("claim", "dispatch/claim");
        var finishThenClaim = LuaScripts.compose("dispatch/lib", steps, "dispatch/then-claim", List.class);
        List<String> settleKeys = List.of("t:ready:c", "t:q:c:-1", "t:delivery:m1", "t:none");
        List<String> settleArgs = List.of((String) held.get(3), (String) held.get(4), "1000", "-1", "sent", "77", "",
                "1", "1000", "60", "conversation", "t:q:c:", "t:alias:", "60", "m1");
        // the send took a slot in the overall log as "s1" when it left (500); answered at 1000
        redis.opsForZSet().add("t:rate:global", "s1", 500);
        List<String> answeredKeys = List.of("t:rate:global", "t:none", "t:none", "t:rate:chat:-1");
        List<String> keys = new java.util.ArrayList<>(settleKeys);
        keys.addAll(answeredKeys);
        keys.addAll(CLAIM_KEYS);
        List<String> args = new java.util.ArrayList<>(List.of("1", "settle", "4", "15", "4", "3"));
        args.addAll(settleArgs);
        args.addAll(List.of("s1", "1000", "1000"));
        args.addAll(claimArgs(1000));

        List<Object> answer = redis.execute(finishThenClaim, keys, args.toArray());

        assertThat(answer).as("the claim's answer").startsWith("1", "1", "-2", "31000");
        assertThat(redis.opsForList().size("t:q:c:-1")).isZero();
        assertThat(redis.opsForZSet().score("t:ready:c", "-1")).as("nothing left: off the schedule").isNull();
        assertThat(redis.opsForZSet().score("t:ready:c", "-2")).as("the next chat, leased").isEqualTo(31_000.0);
        assertThat(redis.opsForHash().entries("t:delivery:m1")).containsEntry("status", "sent")
                .containsEntry("messageId", "77");
        assertThat(redis.opsForZSet().score("t:rate:global", "s1")).as("the slot counts from the answer")
                .isEqualTo(1000.0);
        assertThat(redis.opsForValue().get("t:rate:chat:-1")).as("the chat spaced from the answer").isEqualTo("2000");

        // nothing else due: the claim's half says when to look again (the chat just put back)
        List<String> deferKeys = new java.util.ArrayList<>(List.of("t:ready:c", "t:q:c:-2", "t:none"));
        deferKeys.addAll(CLAIM_KEYS);
        List<String> deferArgs = new java.util.ArrayList<>(List.of("1", "defer", "3", "8", "0", "0", "31000", "5000",
                "-2", "0", "", "1000", "60", "conversation"));
        deferArgs.addAll(claimArgs(1000));
        assertThat(redis.execute(finishThenClaim, deferKeys, deferArgs.toArray()))
                .containsExactly("0", "0", "5000", "0", "0");
    }

    private static String outgoing(String id, String kind, String chatId, String createdAt, boolean lasting) {
        return "{\"id\":\"" + id + "\",\"kind\":\"" + kind + "\",\"chatId\":\"" + chatId + "\",\"editOf\":\"q1\","
                + "\"createdAt\":\"" + createdAt + "\",\"lasting\":" + lasting + "}";
    }

    @Test
    void aClaimTakesTheHeadsSlotsInEveryLimitAndSaysWhenTheChatMaySendNext() {
        long now = Instant.parse("2026-12-07T10:00:00Z").toEpochMilli();
        redis.opsForList().rightPush("t:q:c:-1", outgoing("m1", "TEXT", null, false));
        redis.opsForList().rightPush("t:q:c:42", outgoing("m2", "TEXT", null, false));
        redis.opsForZSet().add("t:ready:c", "-1", 0);
        redis.opsForZSet().add("t:ready:c", "42", 1);

        assertThat(claim(redis, now)).as("a group: its burst leaves two more at once").startsWith("1", "1", "-1")
                .endsWith("taken", Long.toString(now), "1", "", "0", "0");
        assertThat(claim(redis, now)).as("a private chat").startsWith("1", "1", "42")
                .endsWith("taken", Long.toString(now), "0", "", "0", "0");

        assertThat(redis.opsForZSet().score("t:rate:global", "slot-1#1"))
                .as("counted overall as on its way until the lease ends").isEqualTo(now + 30_000.0);
        assertThat(redis.opsForZSet().score("t:rate:group:-1", "slot-1#1")).isEqualTo(now + 30_000.0);
        assertThat(redis.hasKey("t:rate:group:42")).as("a private chat has no group limit").isFalse();
        assertThat(redis.opsForValue().get("t:rate:chat:-1")).isEqualTo(Long.toString(now + 1000));
    }

    @Test
    void aProgressEditTakesSlotsOnlyOnceDueAndOnlyOnARestedChat() {
        long now = Instant.parse("2026-12-07T10:00:03.250Z").toEpochMilli();
        redis.opsForHash().put("t:delivery:q1", "messageId", "555");
        redis.opsForZSet().add("t:ready:c", "-1", 0);
        redis.opsForList().rightPush("t:q:c:-1", outgoing("e1", "EDIT", "-1", "2026-12-07T10:00:00.251Z", false));

        assertThat(claim(redis, now)).as("made 2.999 s ago: not due yet, so held, not claimed, and not a limit's doing")
                .containsExactly("0", "0", Long.toString(now + 1), "0", "0");
        assertThat(redis.opsForZSet().score("t:ready:c", "-1")).as("held until due").isEqualTo(now + 1.0);
        assertThat(redis.hasKey("t:rate:global")).isFalse();

        assertThat(claim(redis, now + 1)).as("3 s after it was made")
                .endsWith("taken", Long.toString(now + 1), "0", "", "0", "0");

        // the chat sent a message a moment ago: within its burst, but not rested
        redis.delete(List.of("t:rate:global", "t:rate:group:-1"));
        redis.opsForValue().set("t:rate:chat:-1", Long.toString(now + 500));
        redis.opsForZSet().add("t:ready:c", "-1", 0);
        assertThat(claim(redis, now + 1)).as("an edit waits until the chat is rested: held for a limit")
                .containsExactly("0", "0", Long.toString(now + 251), "1", "0");
        assertThat(redis.opsForZSet().score("t:ready:c", "-1")).as("looked at again within 250 ms, not in 499")
                .isEqualTo(now + 251.0);
        redis.opsForList().leftPop("t:q:c:-1");
        redis.opsForList().rightPush("t:q:c:-1", outgoing("m1", "TEXT", null, false));
        redis.opsForZSet().add("t:ready:c", "-1", 0);
        assertThat(claim(redis, now + 1)).as("a message goes within the burst")
                .endsWith("taken", Long.toString(now + 1), "0", "", "0", "0");
    }

    @Test
    void aWaitingHeadIsHeldInTheClaimAndTheNextDueChatIsClaimedInItsPlace() {
        long now = Instant.parse("2026-12-07T10:00:00Z").toEpochMilli();
        redis.opsForValue().set("t:rate:chat:-1", Long.toString(now + 2500)); // -1 sent its burst just now
        redis.opsForList().rightPush("t:q:c:-1", outgoing("m1", "TEXT", null, false));
        redis.opsForList().rightPush("t:q:c:-2", outgoing("e1", "EDIT", "-2", "2026-12-07T09:59:59Z", false));
        redis.opsForList().rightPush("t:q:c:-3", outgoing("e2", "EDIT", "-3", "2026-12-07T09:59:59Z", false));
        redis.opsForList().rightPush("t:q:c:-3", outgoing("m3", "TEXT", null, false));
        redis.opsForList().rightPush("t:q:c:-4", outgoing("m4", "TEXT", null, false));
        redis.opsForHash().put("t:delivery:q1", "messageId", "555");
        redis.opsForZSet().add("t:ready:c", "-1", 0);
        redis.opsForZSet().add("t:ready:c", "-2", 1);
        redis.opsForZSet().add("t:ready:c", "-3", 2);
        redis.opsForZSet().add("t:ready:c", "-4", 3);

        assertThat(claim(redis, now)).as("-1 waits for its chat's limit, -2's edit until it is due: both held; "
                + "-3's edit is not due but gives way to the message behind it, so the dispatcher gets it")
                .startsWith("1", "1", "-3").endsWith("none", "", "1", "", "1", "0");
        assertThat(redis.opsForZSet().score("t:ready:c", "-1")).as("until its chat may send").isEqualTo(now + 500.0);
        assertThat(redis.opsForZSet().score("t:ready:c", "-2")).as("an edit is looked at again within 250 ms")
                .isEqualTo(now + 250.0);
        assertThat(claim(redis, now)).as("the next due chat").startsWith("1", "1", "-4");
        assertThat(claim(redis, now)).as("nothing else is due now")
                .containsExactly("0", "0", Long.toString(now + 250), "0", "0");
    }

    @Test
    void aHeadThatIsNotToGoNowTakesNoSlots() {
        redis.opsForList().rightPush("t:q:c:-1", outgoing("m1", "TEXT", null, false));
        redis.opsForHash().put("t:chat:-1:forbidden", "reason", "kicked");
        redis.opsForList().rightPush("t:q:c:-2", outgoing("cb1", "CALLBACK_ANSWER", null, false));
        redis.opsForList().rightPush("t:q:c:-3", "not json");
        redis.opsForZSet().add("t:ready:c", "-1", 0);
        redis.opsForZSet().add("t:ready:c", "-2", 1);
        redis.opsForZSet().add("t:ready:c", "-3", 2);

        assertThat(claim(redis, 1000)).as("the bot may not write there").startsWith("1", "1", "-1")
                .endsWith("none", "", "1", "", "0", "0");
        assertThat(claim(redis, 1000)).as("an answer to a press").startsWith("1", "1", "-2")
                .endsWith("none", "", "1", "", "0", "0");
        assertThat(claim(redis, 1000)).as("unreadable").startsWith("1", "1", "-3").endsWith("none", "", "0", "", "0", "0");
        assertThat(redis.keys("t:rate:*")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClaimTakesSeveralChatsInOrderTheSettledOnesFirstEachWithSlotsOfItsOwn() {
        long now = Instant.parse("2026-12-07T10:00:00Z").toEpochMilli();
        for (String chat : List.of("-1", "-2", "-3", "-4", "-5")) {
            redis.opsForList().rightPush("t:q:c:" + chat, outgoing("m" + chat, "TEXT", null, false));
        }
        redis.opsForZSet().add("t:ready:c", "-1", 0);
        redis.opsForZSet().add("t:ready:c", "-2", 1);
        redis.opsForZSet().add("t:ready:c", "-3", 2);
        redis.opsForZSet().add("t:ready:c", "-4", 3);
        redis.opsForZSet().add("t:ready:c", "-5", now); // just settled by this worker: due again now
        var claim = LuaScripts.load("dispatch/lib", "dispatch/claim", List.class);

        List<Object> batch = (List<Object>) redis.execute(claim, CLAIM_KEYS,
                claimArgs(now, "[[\"-5\",\"1\"]]", 3).toArray());

        assertThat(batch.get(0)).as("three claimed").isEqualTo("3");
        assertThat(List.of(batch.get(2), batch.get(13), batch.get(24)))
                .as("the chat kept on first, then the longest due").containsExactly("-5", "-1", "-2");
        assertThat(batch.subList(34, 38)).as("another chat is due; nothing held").containsExactly("1", "", "0", "0");
        assertThat(redis.opsForZSet().rangeByScore("t:ready:c", now + 30_000, now + 30_000))
                .as("each leased").containsExactlyInAnyOrder("-5", "-1", "-2");
        assertThat(redis.opsForZSet().range("t:rate:global", 0, -1)).as("each send its own slot")
                .containsExactlyInAnyOrder("slot-1#1", "slot-1#2", "slot-1#3");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClaimTakesTheMessagesBehindTheHeadThatMayGoNowEachWithItsOwnSlotsUntilOneMustWait() {
        long now = Instant.parse("2026-12-07T10:00:00Z").toEpochMilli();
        redis.opsForHash().put("t:delivery:q1", "messageId", "555");
        redis.opsForList().rightPushAll("t:q:c:-1", outgoing("cb1", "CALLBACK_ANSWER", null, false),
                outgoing("cb2", "CALLBACK_ANSWER", null, false), outgoing("m1", "TEXT", null, false),
                outgoing("m2", "TEXT", null, false), outgoing("e1", "EDIT", "q1", true), outgoing("m3", "TEXT", null, false));
        redis.opsForList().rightPush("t:q:c:-2", outgoing("m4", "TEXT", null, false));
        redis.opsForZSet().add("t:ready:c", "-1", 0);
        redis.opsForZSet().add("t:ready:c", "-2", 1);
        var claim = LuaScripts.load("dispatch/lib", "dispatch/claim", List.class);

        List<Object> batch = (List<Object>) redis.execute(claim, CLAIM_KEYS, claimArgsWithRoom(now, "", 2, 8).toArray());

        assertThat(batch.get(0)).as("four of -1's messages, then -2's head").isEqualTo("5");
        List<List<Object>> claimed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            claimed.add(batch.subList(1 + i * 11, 12 + i * 11));
        }
        assertThat(claimed).extracting(fields -> fields.get(1) + " " + fields.get(3))
                .as("the answers to presses and the two messages the chat's burst lets go at once; the edit "
                        + "waits for the chat to rest, so the run ends before it")
                .containsExactly("-1 " + outgoing("cb1", "CALLBACK_ANSWER", null, false),
                        "-1 " + outgoing("cb2", "CALLBACK_ANSWER", null, false), "-1 " + outgoing("m1", "TEXT", null, false),
                        "-1 " + outgoing("m2", "TEXT", null, false), "-2 " + outgoing("m4", "TEXT", null, false));
        assertThat(claimed).extracting(fields -> fields.get(2)).as("one claim, one lease")
                .containsOnly(Long.toString(now + 30_000));
        assertThat(claimed).extracting(fields -> fields.get(9)).containsExactly("none", "none", "taken", "taken", "taken");
        assertThat(claimed).extracting(fields -> fields.get(10)).as("the chat's burst of three still has room")
                .containsExactly("", "", Long.toString(now), Long.toString(now), Long.toString(now));
        assertThat(redis.opsForZSet().range("t:rate:group:-1", 0, -1)).as("each send of the run its own slot")
                .containsExactlyInAnyOrder("slot-1#3", "slot-1#4");
        assertThat(redis.opsForZSet().range("t:rate:global", 0, -1))
                .containsExactlyInAnyOrder("slot-1#3", "slot-1#4", "slot-1#5");
        assertThat(redis.opsForList().size("t:q:c:-1")).as("the queue is left as it is until settled").isEqualTo(6);
        assertThat(redis.getExpire("t:rate:global")).as("kept a minute past the window after the lease's end")
                .isBetween(90L, 91L);
        assertThat(redis.getExpire("t:rate:group:-1")).isBetween(149L, 150L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRunStopsAtItsRoomAndBeforeAMessageNamingOneNotDeliveredYet() {
        long now = Instant.parse("2026-12-07T10:00:00Z").toEpochMilli();
        redis.opsForList().rightPushAll("t:q:c:-1", outgoing("cb1", "CALLBACK_ANSWER", null, false),
                outgoing("cb2", "CALLBACK_ANSWER", null, false), outgoing("cb3", "CALLBACK_ANSWER", null, false));
        redis.opsForList().rightPushAll("t:q:c:-2", outgoing("m1", "TEXT", null, false),
                outgoing("p1", "PIN", "m1", false));
        redis.opsForZSet().add("t:ready:c", "-1", 0);
        redis.opsForZSet().add("t:ready:c", "-2", now);
        var claim = LuaScripts.load("dispatch/lib", "dispatch/claim", List.class);

        List<Object> kept = (List<Object>) redis.execute(claim, CLAIM_KEYS,
                claimArgsWithRoom(now, "[[\"-1\",\"1\",\"2\"]]", 1, 8).toArray());
        assertThat(kept.get(0)).as("kept on with room for two more in a row: the head and one behind it")
                .isEqualTo("2");

        List<Object> pinned = (List<Object>) redis.execute(claim, CLAIM_KEYS, claimArgsWithRoom(now, "", 1, 8).toArray());
        assertThat(pinned.get(0)).as("the pin names the message before it, not delivered until it is settled")
                .isEqualTo("1");
        assertThat(pinned.get(2)).isEqualTo("-2");
    }

    private static String read(Path script) {
        try {
            return Files.readString(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
