package id.rembug.bot.conversation;

import id.rembug.bot.pipeline.RedisInbox;
import id.rembug.bot.RembugApplication;
import id.rembug.bot.channel.ChannelCodec;
import id.rembug.bot.channel.ChatUser;
import id.rembug.bot.channel.Inbound;
import id.rembug.bot.testsupport.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** When the pipeline fails on an update, the log names ids and places, never what the resident wrote. */
@TestRedis
@SpringBootTest(classes = {RembugApplication.class, ConversationLogPrivacyTest.FailingHook.class},
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"rembug.dispatch.enabled=false", "rembug.simulator.enabled=false"})
@DirtiesContext // its conversation workers must not live on into other tests that share the Redis
@ExtendWith(OutputCaptureExtension.class)
class ConversationLogPrivacyTest {

    private static final String EXPLODE = "MELEDAK";

    @Autowired
    RedisInbox inbox;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    WorkPartitions partitions;

    private final String chat = "-100" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
    private final ChatUser ani = ChatUser.person("502", "Ani");

    /** A feature that fails on a certain text and, as careless code does, puts the text in its exception. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FailingHook {
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        ConversationHook explodingHook() {
            return call -> {
                if (call.inbound() instanceof Inbound.Message message && message.text().contains(EXPLODE)) {
                    throw new IllegalStateException("cannot handle '" + message.text() + "'");
                }
                return Optional.empty();
            };
        }
    }

    @Test
    void anEntryThatCannotBeReadIsSkippedWithoutItsTextInTheLog(CapturedOutput output) {
        String secret = "Pak RT menyimpan uang kas di bawah kasur";
        Inbound message = new Inbound.Message("tg:71", chat, false, Instant.now(), ani, "71", secret, null, false,
                false);
        // A field of the wrong type: the parser's complaint quotes the value, so the value is the resident's text.
        String unreadable = ChannelCodec.write(message).replace("\"privateChat\":false", "\"privateChat\":\"" + secret + "\"");
        assertThat(unreadable).contains("\"privateChat\":\"" + secret);
        redis.opsForStream().add(ConversationKeys.events(chat), Map.of("inbound", unreadable));
        redis.opsForStream().add(partitions.work(chat), Map.of("conversation", chat));

        await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains("Skipping inbox entry"));
        assertThat(output.getAll()).contains(chat).doesNotContain(secret, "uang kas");
    }

    @Test
    void anEntryThatFailsToApplyIsSkippedWithoutItsTextInTheLog(CapturedOutput output) {
        String secret = EXPLODE + ": Bu Sri belum bayar iuran tiga bulan";
        inbox.append(List.of(new Inbound.Message("tg:72", chat, false, Instant.now(), ani, "72", secret, null, false,
                false)));

        await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains("could not be applied"));
        assertThat(output.getAll()).contains("tg:72", "IllegalStateException").doesNotContain(secret, "iuran");
    }
}
