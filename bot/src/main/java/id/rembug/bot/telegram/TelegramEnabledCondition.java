package id.rembug.bot.telegram;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Telegram is on when {@code rembug.telegram.token} has a value. Unlike a bare
 * {@code @ConditionalOnProperty}, an empty value (an unset {@code REMBUG_TELEGRAM_TOKEN=} in a
 * compose file) counts as off.
 */
public final class TelegramEnabledCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String token = context.getEnvironment().getProperty("rembug.telegram.token");
        return token != null && !token.isBlank();
    }
}
