package id.rembug.bot.telegram;

import id.rembug.bot.conversation.ConversationHook;
import id.rembug.bot.channel.PollDirectory;
import id.rembug.bot.channel.InboxWriter;
import id.rembug.bot.dispatch.DispatchProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The Telegram channel, present when {@code rembug.telegram.token} is set: the sending gateway,
 * the update reader and translator, long polling or the webhook endpoint depending on
 * {@code rembug.telegram.mode}, and the start-up calls (setWebhook in webhook mode, the command
 * menus always). Needs an {@link InboxWriter} bean.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(TelegramEnabledCondition.class)
@EnableConfigurationProperties({TelegramProperties.class, PollerProperties.class, MemberCountProperties.class})
@Import(TelegramWebhookController.class)
public class TelegramConfiguration {

    @Bean
    TelegramApiClient telegramApiClient(TelegramProperties properties) {
        return new TelegramApiClient(properties);
    }

    @Bean
    TelegramGateway telegramGateway(TelegramApiClient client, ObjectProvider<PollDirectory> polls,
                                    ObjectProvider<DispatchProperties> dispatch) {
        DispatchProperties properties = dispatch.getIfAvailable(DispatchProperties::defaults);
        return new TelegramGateway(client, polls.getIfAvailable(() -> PollDirectory.NONE),
                properties.paidBroadcast().enabled());
    }

    @Bean
    TelegramFiles telegramFiles(TelegramApiClient client) {
        return new TelegramFiles(client);
    }

    @Bean
    TelegramUpdateReader telegramUpdateReader() {
        return new TelegramUpdateReader();
    }

    @Bean
    TelegramUpdateTranslator telegramUpdateTranslator(TelegramProperties properties, ObjectProvider<Clock> clock,
                                                      ObjectProvider<PollDirectory> polls) {
        return new TelegramUpdateTranslator(properties.botUserId(), clock.getIfAvailable(Clock::systemUTC),
                polls.getIfAvailable(() -> PollDirectory.NONE));
    }

    @Bean
    TelegramCommandsRegistrar telegramCommandsRegistrar(TelegramApiClient client,
                                                        ObjectProvider<ConversationHook> hooks,
                                                        ObjectProvider<id.rembug.dialogues.flow.Messages> messages) {
        // the languages a group can choose (messages.yaml); a context without the engine reads the stock ones
        return new TelegramCommandsRegistrar(client,
                hooks.orderedStream().flatMap(hook -> hook.menuCommands().stream()).toList(), MenuText.load(),
                messages.getIfAvailable(() -> id.rembug.dialogues.flow.FlowLoader
                        .loadMessagesResource("flows/messages.yaml")).languages());
    }

    @Bean
    TelegramStartupCalls telegramStartupCalls(TelegramProperties properties, TelegramApiClient client,
                                              TelegramCommandsRegistrar commands) {
        List<TelegramStartupCalls.Call> calls = new ArrayList<>();
        if (properties.mode() == TelegramProperties.Mode.WEBHOOK) {
            calls.add(new TelegramStartupCalls.Call("setWebhook", () -> client.execute(SetWebhook.builder()
                    .url(properties.webhookUrl())
                    .secretToken(properties.webhookSecret())
                    .allowedUpdates(TelegramUpdateTypes.WANTED)
                    .build())));
        }
        calls.add(new TelegramStartupCalls.Call("setMyCommands", commands::register));
        return new TelegramStartupCalls(calls);
    }

    @Bean
    @ConditionalOnProperty(name = "rembug.telegram.mode", havingValue = "polling", matchIfMissing = true)
    TelegramPollingIntake telegramPollingIntake(TelegramUpdateTranslator translator, InboxWriter inbox,
                                                TelegramGroupCounter counter) {
        return new TelegramPollingIntake(translator, inbox, counter);
    }

    @Bean
    TelegramGroupCounter telegramGroupCounter(TelegramApiClient client, InboxWriter inbox,
                                              ObjectProvider<Clock> clock, MemberCountProperties memberCount) {
        return new TelegramGroupCounter(client, inbox, clock.getIfAvailable(Clock::systemUTC), memberCount.freshFor());
    }

    @Bean
    @ConditionalOnProperty(name = "rembug.telegram.mode", havingValue = "polling", matchIfMissing = true)
    TelegramPolling telegramPolling(TelegramProperties properties, TelegramPollingIntake intake,
                                    ObjectProvider<StringRedisTemplate> redis, PollerProperties poller) {
        StringRedisTemplate template = redis.getIfAvailable();
        return new TelegramPolling(properties, intake, template == null ? null : new PollerLease(template, poller));
    }
}
