package id.rembug.bot.simulator;

import id.rembug.bot.channel.InboxWriter;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Just the simulator on Spring Boot's auto-configuration (web, Thymeleaf, Redis), with an inbox
 * that collects what it is handed instead of the Redis inbox that is not merged yet.
 */
// A test component, so the whole-application tests' component scan leaves it out.
@TestComponent
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({SimulatorConfiguration.class, SimulatorController.class})
public class SimulatorTestApplication {

    @Bean
    CollectingInboxWriter collectingInboxWriter() {
        return new CollectingInboxWriter();
    }
}
