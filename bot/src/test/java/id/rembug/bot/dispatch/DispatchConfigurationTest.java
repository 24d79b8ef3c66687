package id.rembug.bot.dispatch;

import id.rembug.bot.channel.ChatGateway;
import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.channel.Outgoing.Lane;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static id.rembug.bot.dispatch.DispatchFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The dispatcher as the application wires it: bound properties, started with the context. */
@TestRedis
class DispatchConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
            .withUserConfiguration(DispatchConfiguration.class, TestChannel.class)
            .withPropertyValues("spring.data.redis.url=" + RedisServerExtension.url(), "rembug.dispatch.idle-poll=20ms");

    @Test
    void unsetPropertiesTakeTelegramsLimitsAndSetOnesOverrideThem() {
        runner.withPropertyValues("rembug.dispatch.enabled=false", "rembug.dispatch.limits.group=7",
                "rembug.dispatch.retry.max-attempts=5").run(context -> {
            DispatchProperties properties = context.getBean(DispatchProperties.class);
            assertThat(properties.limits().group()).isEqualTo(7);
            assertThat(properties.retry().maxAttempts()).isEqualTo(5);
            assertThat(properties.limits().global()).isEqualTo(30);
            assertThat(properties.limits().broadcast()).isEqualTo(29);
            assertThat(properties.paidBroadcast().enabled()).as("paid broadcasts cost money: off unless set").isFalse();
            assertThat(properties.limits().chatInterval()).isEqualTo(Duration.ofSeconds(1));
            assertThat(properties.limits().groupWindow()).isEqualTo(Duration.ofMinutes(1));
            assertThat(properties.lease()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.workers()).isEqualTo(4);
            assertThat(properties.idlePoll()).isEqualTo(Duration.ofMillis(20));
            assertThat(properties.deliveryTtl()).isEqualTo(Duration.ofDays(30));
        });
    }

    @Test
    void theDispatcherRunsWithTheApplicationAndDeliversWhatIsEnqueued() {
        AtomicReference<Dispatcher> started = new AtomicReference<>();
        runner.run(context -> {
            Dispatcher dispatcher = context.getBean(Dispatcher.class);
            started.set(dispatcher);
            assertThat(dispatcher.isRunning()).isTrue();

            context.getBean(OutboxWriter.class).enqueue(List.of(text("hello", "sim-user-1")));

            RecordingListener listener = context.getBean(RecordingListener.class);
            long deadline = System.currentTimeMillis() + 5_000;
            while (listener.sent.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertThat(listener.sent).extracting(s -> s.message().id()).containsExactly("hello");
            assertThat(context.getBean(DispatchStats.class).lane(Lane.CONVERSATION).sent()).isEqualTo(1);
        });
        assertThat(started.get().isRunning()).as("stopped with the context").isFalse();
    }

    @Test
    void aDisabledDispatcherLeavesTheOutboxAlone() {
        runner.withPropertyValues("rembug.dispatch.enabled=false").run(context -> {
            assertThat(context.getBean(Dispatcher.class).isRunning()).isFalse();
            context.getBean(OutboxWriter.class).enqueue(List.of(text("kept", "sim-user-2")));
            Thread.sleep(100);
            assertThat(RedisServerExtension.template().opsForList().size(OutboxKeys.queue(Lane.CONVERSATION, "sim-user-2")))
                    .isEqualTo(1);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class TestChannel {

        @Bean
        ChatGateway simulator() {
            return new ScriptedGateway(Clock.systemUTC());
        }

        @Bean
        RecordingListener recordingListener() {
            return new RecordingListener();
        }
    }
}
