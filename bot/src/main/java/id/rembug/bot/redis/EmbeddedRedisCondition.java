package id.rembug.bot.redis;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code rembug.redis.embedded.enabled} is true, or when it is unset and no
 * property tells Spring Boot where an external Redis is.
 */
class EmbeddedRedisCondition extends SpringBootCondition {

    static final String ENABLED = "rembug.redis.embedded.enabled";

    /** Any of these, set and not blank, names a Redis to connect to. */
    static final List<String> EXTERNAL_REDIS_PROPERTIES = List.of(
            "spring.data.redis.url",
            "spring.data.redis.host",
            "spring.data.redis.port",
            "spring.data.redis.sentinel.master",
            "spring.data.redis.cluster.nodes");

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Binder binder = Binder.get(context.getEnvironment());
        Boolean enabled = binder.bind(ENABLED, Boolean.class).orElse(null);
        if (enabled != null) {
            String message = ENABLED + " is " + enabled;
            return enabled ? ConditionOutcome.match(message) : ConditionOutcome.noMatch(message);
        }
        List<String> external = EXTERNAL_REDIS_PROPERTIES.stream()
                .filter(name -> binder.bind(name, Bindable.listOf(String.class))
                        .map(values -> values.stream().anyMatch(value -> !value.isBlank()))
                        .orElse(false))
                .toList();
        if (!external.isEmpty()) {
            return ConditionOutcome.noMatch("an external Redis is configured by " + String.join(", ", external));
        }
        return ConditionOutcome.match("no external Redis is configured");
    }
}
