package id.rembug.bot.simulator;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The simulator is on when {@code rembug.simulator.enabled} says so, and by default exactly when
 * no Telegram token is configured: a fresh checkout shows the simulator, a production bot does not.
 */
public class SimulatorEnabledCondition extends SpringBootCondition {

    static final String ENABLED = "rembug.simulator.enabled";
    static final String TELEGRAM_TOKEN = "rembug.telegram.token";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment env = context.getEnvironment();
        Boolean explicit = env.getProperty(ENABLED, Boolean.class);
        if (explicit != null) {
            return explicit ? ConditionOutcome.match(ENABLED + " is true")
                    : ConditionOutcome.noMatch(ENABLED + " is false");
        }
        return StringUtils.hasText(env.getProperty(TELEGRAM_TOKEN))
                ? ConditionOutcome.noMatch(TELEGRAM_TOKEN + " is set and " + ENABLED + " is not")
                : ConditionOutcome.match(TELEGRAM_TOKEN + " is not set");
    }
}
