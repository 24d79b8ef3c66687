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
        // claim.lua, forbid.lua and settle.lua still build a chat's queue, alias and delivery keys
        // from prefixes (the dispatcher picks the chat inside the script); see README "Scaling out"
        assertThat(offenders).containsExactlyInAnyOrder("claim.lua", "forbid.lua", "settle.lua");
    }

    @Test
    void aMissingScriptIsNamedWithWhereItShouldBe() {
        assertThatThrownBy(() -> LuaScripts.load("conversation/nothing-here", Long.class))
                .hasMessageContaining("classpath:conversation/nothing-here.lua");
    }

    @Test
    void appendStoresAnUpdateOnceAndLinksAMigratedChatOnlyWhenGivenItsKey() {
        List<String> keys = List.of("t:seen:1", "t:events", "t:work");
        assertThat(run(redis, "conversation/append", keys, "{\"u\":1}", "-100", "60")).isEqualTo(1L);
        assertThat(run(redis, "conversation/append", keys, "{\"u\":1}", "-100", "60")).as("seen before").isZero();
        assertThat(redis.opsForStream().size("t:events")).isEqualTo(1L);
        assertThat(redis.opsForStream().size("t:work")).isEqualTo(1L);
        assertThat(redis.getExpire("t:seen:1")).isPositive();
        assertThat(redis.keys("*")).containsExactlyInAnyOrder("t:seen:1", "t:events", "t:work");

        run(redis, "conversation/append", List.of("t:seen:2", "t:events", "t:work", "t:chat-group:-200"),
                "{\"u\":2}", "-100", "60");
        assertThat(redis.opsForValue().get("t:chat-group:-200")).isEqualTo("-100");
    }

    @Test
    void wakeUpDeliversADueWakeUpOnceEvenWhenTwoInstancesTryIt() {
        redis.opsForZSet().add("t:wakeups", "-100|5", 5);
        List<String> keys = List.of("t:wakeups", "t:events", "t:work");
        assertThat(run(redis, "conversation/wake-up", keys, "-100|5", "{\"w\":1}", "-100")).isEqualTo(1L);
        assertThat(run(redis, "conversation/wake-up", keys, "-100|5", "{\"w\":1}", "-100")).isZero();
        assertThat(redis.opsForStream().size("t:events")).isEqualTo(1L);
        assertThat(redis.opsForStream().size("t:work")).isEqualTo(1L);
        assertThat(redis.opsForZSet().size("t:wakeups")).isZero();
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
    void commitWritesOnlyWhenNobodyAppliedAnythingSinceAndOnlyToItsKeys() {
        String ops = """
                {"isGroup":true,"events":6,"now":"1000","forget":[],"asked":[["asked|s|1|0","{}"]],
                 "dropAsked":[],"answers":[["s:1:q:7","yes"]],"milestones":[],"wakeUps":["5000"],
                 "digests":[],"userFields":[],"people":[7],
                 "outgoing":[{"queue":8,"ready":9,"chat":"-100","json":"hello"}],"modelJobs":[]}""";
        List<String> keys = List.of("t:group", "t:answers", "t:milestones", "t:wakeups", "t:groups", "t:events",
                "t:person:7", "t:queue:-100", "t:ready");
        String entry = redis.opsForStream().add("t:events", java.util.Map.of("inbound", "{}")).getValue();

        assertThat(run(redis, "conversation/commit", keys, "0-1", entry, "{\"s\":1}", "-100", ops))
                .as("another worker applied 0-1 meanwhile").isZero();
        assertThat(run(redis, "conversation/commit", keys, "", entry, "{\"s\":1}", "-100", ops)).isEqualTo(1L);
        assertThat(run(redis, "conversation/commit", keys, "", entry, "{\"s\":2}", "-100", ops)).as("once").isZero();

        assertThat(redis.opsForHash().entries("t:group")).containsEntry("state", "{\"s\":1}")
                .containsEntry("applied", entry).containsEntry("asked|s|1|0", "{}");
        assertThat(redis.opsForHash().get("t:answers", "s:1:q:7")).isEqualTo("yes");
        assertThat(redis.opsForZSet().score("t:wakeups", "-100|5000")).isEqualTo(5000.0);
        assertThat(redis.opsForSet().members("t:groups")).containsExactly("-100");
        assertThat(redis.opsForSet().members("t:person:7")).containsExactly("-100");
        assertThat(redis.opsForList().range("t:queue:-100", 0, -1)).containsExactly("hello");
        assertThat(redis.opsForStream().size("t:events")).as("the applied entry leaves the stream").isZero();
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
