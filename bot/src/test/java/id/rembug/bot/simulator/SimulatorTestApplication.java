package id.rembug.bot.simulator;

import id.rembug.bot.channel.InboxWriter;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Just the simulator on Spring Boot's auto-configuration (web, Thymeleaf, Redis), with an inbox
 * that collects what it is handed, so the page's own behaviour is tested apart from the engine.
 * {@code @TestComponent} keeps it out of the whole app's component scan in other tests, where its
 * second {@code InboxWriter} would clash with the Redis inbox.
 */
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
