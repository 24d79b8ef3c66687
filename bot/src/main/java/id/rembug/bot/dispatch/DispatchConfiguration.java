package id.rembug.bot.dispatch;

import id.rembug.bot.channel.ChatGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.function.SingletonSupplier;

import java.time.Clock;
import java.util.Random;

/** The outbox dispatcher and writer; the dispatcher starts and stops with the application. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DispatchProperties.class)
public class DispatchConfiguration {

    @Bean
    DispatchStats dispatchStats() {
        return new DispatchStats();
    }

    @Bean
    OutboxWriter outboxWriter(StringRedisTemplate redis, ObjectProvider<Clock> clock) {
        return new OutboxWriter(redis, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    Dispatcher dispatcher(StringRedisTemplate redis, DispatchProperties properties,
                          ObjectProvider<ChatGateway> gateways, ObjectProvider<DeliveryListener> listeners,
                          DispatchStats stats, ObjectProvider<Clock> clock) {
        // gateways and listeners are looked up when first needed (at start), not now: a listener
        // may itself depend on the dispatcher
        return new Dispatcher(redis, properties,
                SingletonSupplier.of(() -> gateways.orderedStream().toList()),
                SingletonSupplier.of(() -> listeners.orderedStream().toList()),
                stats, clock.getIfAvailable(Clock::systemUTC), new Random());
    }
}
