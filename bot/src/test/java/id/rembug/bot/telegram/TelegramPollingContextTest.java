package id.rembug.bot.telegram;

import id.rembug.bot.testsupport.FakeTelegram;
import com.fasterxml.jackson.databind.JsonNode;
import id.rembug.bot.channel.ChatGateway;
import id.rembug.bot.channel.InboxWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static id.rembug.bot.telegram.TelegramSamples.TOKEN;
import static id.rembug.bot.telegram.TelegramSamples.getUpdatesAnswer;
import static id.rembug.bot.telegram.TelegramSamples.textUpdate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The whole channel in polling mode, wired by Spring, against WireMock. */
@SpringBootTest(classes = TelegramPollingContextTest.App.class)
@DirtiesContext
class TelegramPollingContextTest {

    private static final FakeTelegram API = new FakeTelegram(TOKEN);

    static {
        API.script("getupdates", okJson(getUpdatesAnswer(textUpdate(300, -400, "halo"))),
                okJson(getUpdatesAnswer()).withFixedDelay(100));
    }

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry registry) {
        registry.add("rembug.telegram.token", () -> TOKEN);
        registry.add("rembug.telegram.api-url", API::url);
        registry.add("rembug.telegram.poll-timeout-seconds", () -> 1);
    }

    @Configuration(proxyBeanMethods = false)
    @Import(TelegramConfiguration.class)
    static class App {
        @Bean
        CollectingInbox inbox() {
            return new CollectingInbox();
        }

        /** A bean so that it closes with the context, after the poller has stopped. */
        @Bean
        FakeTelegram botApi() {
            return API;
        }
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    CollectingInbox inbox;
    @Autowired
    List<ChatGateway> gateways;

    @Test
    void pollsIntoTheInboxAndOffersTheGateway() {
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.storedIds().contains("tg:300"));
        assertThat(gateways).hasSize(1).first().isInstanceOf(TelegramGateway.class);
        assertThat(context.getBeanNamesForType(TelegramWebhookController.class)).isEmpty();
        assertThat(context.getBean(InboxWriter.class)).isSameAs(inbox);
    }

    @Test
    void registersACommandMenuPerLanguageAtStartUp() {
        await().atMost(Duration.ofSeconds(10)).until(() -> API.calls("setMyCommands").size() == 3);
        List<JsonNode> calls = API.bodies("setMyCommands");
        assertThat(calls).extracting(call -> call.path("language_code").asText("default"))
                .containsExactly("default", "en", "jv");
    }
}
