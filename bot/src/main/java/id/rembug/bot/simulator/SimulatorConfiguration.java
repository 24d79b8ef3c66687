package id.rembug.bot.simulator;

import id.rembug.bot.channel.InboxWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Clock;

/**
 * The local simulator channel: a web page at {@code /simulator} where one person plays a whole
 * group. On when no Telegram token is set, unless {@code rembug.simulator.enabled} says otherwise.
 * The controller ({@link SimulatorController}) carries the same condition.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SimulatorEnabledCondition.class)
public class SimulatorConfiguration {

    @Bean
    SimulatorStore simulatorStore(StringRedisTemplate redis) {
        return new SimulatorStore(redis);
    }

    @Bean
    SimulatorGateway simulatorGateway(SimulatorStore store, ObjectProvider<Clock> clock) {
        return new SimulatorGateway(store, clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    SimulatorService simulatorService(SimulatorStore store, InboxWriter inbox, ObjectProvider<Clock> clock) {
        return new SimulatorService(store, inbox, clock.getIfUnique(Clock::systemUTC));
    }
}
