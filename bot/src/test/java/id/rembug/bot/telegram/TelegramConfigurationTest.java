package id.rembug.bot.telegram;

import id.rembug.bot.channel.ChatGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Configuration;

import static id.rembug.bot.telegram.TelegramSamples.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

class TelegramConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    static class Inbox {
        @Bean
        CollectingInbox inbox() {
            return new CollectingInbox();
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(TelegramConfiguration.class, Inbox.class);

    @Test
    void withoutATokenTelegramIsOff() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ChatGateway.class)
                .doesNotHaveBean(TelegramPolling.class));
        runner.withPropertyValues("rembug.telegram.token=").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(ChatGateway.class));
    }

    @Test
    void webhookModeWithoutASecretStopsTheStartWithAClearReason() {
        runner.withPropertyValues("rembug.telegram.token=" + TOKEN, "rembug.telegram.mode=webhook",
                "rembug.telegram.webhook-url=https://rembug.example.org/telegram/webhook").run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootCause(context.getStartupFailure())).hasMessageContaining("rembug.telegram.webhook-secret");
        });
    }

    @Test
    void malformedTokenOrApiUrlStopsTheStartWithAClearReason() {
        runner.withPropertyValues("rembug.telegram.token=not-a-token").run(context ->
                assertThat(rootCause(context.getStartupFailure())).hasMessageContaining("rembug.telegram.token"));
        runner.withPropertyValues("rembug.telegram.token=" + TOKEN, "rembug.telegram.api-url=https://proxy.example.org/tg")
                .run(context -> assertThat(rootCause(context.getStartupFailure()))
                        .hasMessageContaining("rembug.telegram.api-url"));
    }

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = TelegramConfiguration.class,
            excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Test.*"))
    static class ScannedLikeTheApp {
    }

    @Test
    void scanningThePackageAsTheAppDoesGivesOneWebhookControllerInWebhookModeOnly() {
        var scanned = new ApplicationContextRunner().withUserConfiguration(ScannedLikeTheApp.class, Inbox.class);
        String unreachableApi = "rembug.telegram.api-url=http://127.0.0.1:9";
        scanned.withPropertyValues("rembug.telegram.token=" + TOKEN, unreachableApi, "rembug.telegram.mode=webhook",
                "rembug.telegram.webhook-url=https://rembug.example.org/telegram/webhook",
                "rembug.telegram.webhook-secret=abc").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(TelegramWebhookController.class)
                    .hasSingleBean(TelegramGateway.class).doesNotHaveBean(TelegramPolling.class);
        });
        scanned.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TelegramWebhookController.class)
                .doesNotHaveBean(TelegramGateway.class));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
