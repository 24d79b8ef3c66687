package id.rembug.bot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration;

/**
 * Lettuce's Micrometer observation is left out: a timer per Redis command cost about a tenth of the
 * app's CPU per update (README: "Operations"); Redis' own {@code INFO commandstats} and
 * {@code LATENCY} tell the same from the server's side.
 */
@SpringBootApplication(exclude = LettuceObservationAutoConfiguration.class)
@ConfigurationPropertiesScan
public class RembugApplication {

    public static void main(String[] args) {
        SpringApplication.run(RembugApplication.class, args);
    }
}
