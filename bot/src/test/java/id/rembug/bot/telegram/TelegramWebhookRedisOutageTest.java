package id.rembug.bot.telegram;

import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.pipeline.RedisInbox;
import id.rembug.bot.redis.EmbeddedRedisServer;
import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.conversation.ConversationProperties;
import id.rembug.bot.conversation.GroupKeysMigration;
import id.rembug.bot.conversation.WorkPartitions;
import id.rembug.bot.redis.RedisBinary;
import id.rembug.bot.redis.RedisResilienceConfiguration;
import id.rembug.bot.testsupport.RedisProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import id.rembug.bot.conversation.ButtonKeyProperties;
import id.rembug.bot.conversation.ButtonSigner;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static id.rembug.bot.telegram.TelegramSamples.TOKEN;
import static id.rembug.bot.telegram.TelegramSamples.textUpdate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhook in front of the real Redis inbox, with Redis killed: Telegram gets a 503 while its
 * own wait is still running (not a hang until Lettuce's 60 s), sends the update again, and once
 * Redis is back the update is stored, once. Its own Redis, never the shared test one.
 */
@SpringBootTest(classes = TelegramWebhookRedisOutageTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class TelegramWebhookRedisOutageTest {

    private static final String SECRET = "rahasia-webhook";
    private static final String PATH = "/tg/hook";
    private static final FakeTelegram API = new FakeTelegram(TOKEN);
    private static final Path DATA_DIR = tempDir();
    private static EmbeddedRedisServer redis = EmbeddedRedisServer.start(RedisBinary.locate(null),
            EmbeddedRedisServer.Options.of(DATA_DIR, 0));
    private static final int REDIS_PORT = redis.port();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", () -> redis.url()); // carries the password
        TelegramSamples.webhookMode(registry, API, PATH, SECRET);
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
            DataRedisAutoConfiguration.class})
    @Import({TelegramConfiguration.class, RedisResilienceConfiguration.class, RedisInbox.class, ButtonSigner.class,
            WorkPartitions.class, GroupKeysMigration.class})
    @EnableConfigurationProperties({ButtonKeyProperties.class, ConversationProperties.class})
    static class App {
        /** A bean so that it closes with the context. */
        @Bean
        FakeTelegram botApi() {
            return API;
        }
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Test
    void anUpdateThatCannotBeStoredGets503AndIsStoredOnceWhenTelegramSendsItAgain() throws Exception {
        assertThat(post(textUpdate(7001, -401, "halo semua"))).isEqualTo(200);

        Thread.sleep(1_200); // the append-only file is written to disk every second
        ProcessHandle process = ProcessHandle.of(redis.pid()).orElseThrow();
        process.destroyForcibly();
        process.onExit().join();
        redis.close();
        // Telegram's own wait is short: the answer must come within this client's 10 s.
        assertThat(post(textUpdate(7002, -401, "masih ada orang?")))
                .as("the inbox cannot be written: Telegram is told to send it again").isEqualTo(503);

        redis = EmbeddedRedisServer.start(RedisBinary.locate(null), EmbeddedRedisServer.Options.of(DATA_DIR, REDIS_PORT));
        await("the webhook stores updates again").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> post(textUpdate(7002, -401, "masih ada orang?")) == 200);
        assertThat(post(textUpdate(7002, -401, "masih ada orang?"))).isEqualTo(200);

        assertThat(RedisProbe.get(redis.url(), ConversationKeys.seen("-401", "tg:7001"))).as("stored before the outage, kept").isNotNull();
        assertThat(RedisProbe.get(redis.url(), ConversationKeys.seen("-401", "tg:7002"))).as("stored once Redis was back").isNotNull();
    }

    private int post(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(TelegramWebhookController.SECRET_HEADER, SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("rembug-webhook-outage-");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
