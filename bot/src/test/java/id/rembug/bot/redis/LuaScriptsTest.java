package id.rembug.bot.redis;

import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        return redis.execute(LuaScripts.load("conversation/stream-ids", "conversation/follow-up", Long.class), keys,
                (Object[]) args);
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
                [{"c":"enqueue","k":[2,3],"a":["hello","1000","-100"]},{"c":"sadd","k":[4],"a":["-100"]},
                 {"c":"zadd","k":[5],"a":["5000","-100|5000"]},{"c":"hset","k":[6],"a":["lang","en"]}]""";
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
                [{"c":"release","k":[2,3,4,5],"a":["7","1000"]},
                 {"c":"replace","k":[6],"a":["1","ani says","(deleted)","ani again","(deleted)"]}]""";
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

    @Test
    void commitWritesOnlyWhenNobodyAppliedAnythingSinceAndOnlyToItsKeysQueueingWhatLiesOutside() {
        String ops = """
                {"forget":[],"asked":[["asked|s|1|0","{}"]],"dropAsked":[],"answers":[["s:1:q:7","yes"]],
                 "milestones":[],"modelJobs":[],"questions":[["out-1","s|1|0"]],"questionsKey":6,"questionsKept":60}""";
        List<String> keys = List.of("t:group", "t:answers", "t:milestones", "t:events", "t:follow-ups", "t:questions");
        String entry = redis.opsForStream().add("t:events", java.util.Map.of("inbound", "{}")).getValue();

        assertThat(run(redis, "conversation/commit", keys, "0-1", entry, "{\"s\":1}", "-100", ops, "f1"))
                .as("another worker applied 0-1 meanwhile").isZero();
        assertThat(run(redis, "conversation/commit", keys, "", entry, "{\"s\":1}", "-100", ops, "f1")).isEqualTo(1L);
        assertThat(run(redis, "conversation/commit", keys, "", entry, "{\"s\":2}", "-100", ops, "f1")).as("once").isZero();

        assertThat(redis.opsForHash().entries("t:group")).containsEntry("state", "{\"s\":1}")
                .containsEntry("applied", entry).containsEntry("asked|s|1|0", "{}");
        assertThat(redis.opsForHash().get("t:answers", "s:1:q:7")).isEqualTo("yes");
        assertThat(redis.opsForHash().get("t:questions", "out-1")).isEqualTo("s|1|0");
        assertThat(redis.opsForList().range("t:follow-ups", 0, -1)).as("what lies outside the slot, queued").containsExactly("f1");
        assertThat(redis.opsForStream().size("t:events")).as("the applied entry leaves the stream").isZero();
        String next = redis.opsForStream().add("t:events", java.util.Map.of("inbound", "{}")).getValue();
        assertThat(run(redis, "conversation/commit", keys, entry, next, "", "-100", ops, "f2"))
                .as("committed behind an older follow-up still waiting").isEqualTo(2L);
        assertThat(redis.keys("*")).allMatch(keys::contains);
    }

    private static String read(Path script) {
        try {
            return Files.readString(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
