package id.rembug.bot.simulator;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Decides, before anything starts, what a missing or empty Telegram token means.
 *
 * <ul>
 *   <li>A token that is set but empty ({@code REMBUG_TELEGRAM_TOKEN=} from a compose file whose
 *       variable was never filled in) stops the start with {@link BlankTelegramTokenException}:
 *       silently running the unauthenticated simulator instead of the bot would be the wrong guess
 *       in production.</li>
 *   <li>No token at all means simulator mode, whose pages need no login to play any group: the
 *       server then listens on 127.0.0.1 only, unless {@code server.address} is configured.</li>
 * </ul>
 *
 * <p>Runs after the configuration files are read, so every way of setting the token counts.
 */
public class SimulatorModeEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String TOKEN = SimulatorEnabledCondition.TELEGRAM_TOKEN;
    static final String SERVER_ADDRESS = "server.address";
    static final String LOOPBACK = "127.0.0.1";
    static final String PROPERTY_SOURCE = "rembug-simulator-mode";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String token = environment.getProperty(TOKEN);
        if (token != null && token.isBlank()) {
            throw new BlankTelegramTokenException();
        }
        boolean simulatorOff = Boolean.FALSE.equals(
                environment.getProperty(SimulatorEnabledCondition.ENABLED, Boolean.class));
        if (token == null && !simulatorOff && !environment.containsProperty(SERVER_ADDRESS)) {
            // Last in line: anything configured anywhere wins over this default.
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE,
                    Map.of(SERVER_ADDRESS, LOOPBACK)));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
