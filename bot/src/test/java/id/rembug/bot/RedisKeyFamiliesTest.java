package id.rembug.bot;

import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegram.Said;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.bot.testsupport.RembugApp;
import id.rembug.bot.testsupport.TestRedis;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing in Redis grows without a bound: after a journey (with chatter the bot sees), every key
 * belongs to a family in the README's table "What Redis holds", those the table gives a TTL have
 * one, and the event streams hold nothing already applied, so chatter no question asked for is
 * gone.
 */
@TestRedis
class RedisKeyFamiliesTest {

    private static final Path README = Path.of("..", "README.md");

    record Family(Pattern pattern, String glob, boolean expires) {
    }

    @Test
    void everyKeyAfterAJourneyIsInADocumentedFamilyAndTheStreamsHoldNothingApplied() throws Exception {
        List<Family> families = documentedFamilies();
        assertThat(families).as("the README's key table").hasSizeGreaterThan(10);
        try (FakeTelegram telegram = new FakeTelegram();
             GroupJourney group = new GroupJourney(telegram, 4)) {
            ConfigurableApplicationContext app = RembugApp.start(telegram);
            try {
                group.facilitatorStartsThePrivateChat();
                group.botJoinsAndTheGroupStarts();
                telegram.privacyMode(false);
                Said chatter = telegram.say(group.chatId(), group.residents().get(1), "nanti sore kumpul di balai?", null);
                group.walk(0, 1);
                group.awaitStep("the chatter taken in", () ->
                        group.redis().exists(ConversationKeys.seen(group.groupId(), "tg:" + chatter.updateId())) == 1);
                group.awaitStep("everything applied", () -> group.redis().xlen(ConversationKeys.events(group.groupId())) == 0);
            } finally {
                telegram.privacyMode(true);
                app.close();
            }

            RedisCommands<String, String> redis = group.redis();
            List<String> keys = allKeys(redis);
            assertThat(keys).isNotEmpty();
            for (String key : keys) {
                Optional<Family> family = families.stream().filter(f -> f.pattern().matcher(key).matches()).findFirst();
                assertThat(family).as("key %s belongs to a family in the README's table", key).isPresent();
                if (family.get().expires()) {
                    assertThat(redis.ttl(key)).as("%s (%s) expires", key, family.get().glob()).isPositive();
                }
                if (key.startsWith("rembug:events:")) {
                    assertThat(redis.xlen(key)).as("%s holds only what is not applied yet", key).isZero();
                }
            }
            assertThat(group.storedAnswers().values())
                    .as("chatter is not an answer").noneMatch(a -> a.value().contains("kumpul di balai"));
        }
    }

    private static List<String> allKeys(RedisCommands<String, String> redis) {
        List<String> keys = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.limit(500));
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return keys;
    }

    /** The rows of the README's key table, in order (a more specific family comes first). */
    static List<Family> documentedFamilies() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int start = lines.indexOf("### What Redis holds, and how big it gets");
        assertThat(start).as("the section in " + README.toAbsolutePath()).isNotNegative();
        List<Family> families = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("#")) {
                break;
            }
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            boolean expires = cells[3].strip().startsWith("TTL");
            for (String glob : cells[1].split(",")) {
                String g = glob.strip().replace("`", "");
                String regex = Pattern.quote(g).replace("*", "\\E.+\\Q");
                families.add(new Family(Pattern.compile(regex), g, expires));
            }
        }
        return families;
    }
}
