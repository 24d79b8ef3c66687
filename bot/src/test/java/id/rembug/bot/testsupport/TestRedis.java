package id.rembug.bot.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The test class runs against the shared test Redis ({@link RedisServerExtension}): started before
 * the class, emptied before each test. In a Spring test, {@code spring.data.redis.url} points at it,
 * which also keeps the app's own embedded Redis off.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith({RedisServerExtension.class, RedisServerExtension.FlushBeforeEach.class})
@ContextCustomizerFactories(TestRedis.UrlCustomizerFactory.class)
public @interface TestRedis {

    /** Applied by Spring's TestContext framework to classes carrying {@link TestRedis}. */
    final class UrlCustomizerFactory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                         List<ContextConfigurationAttributes> configAttributes) {
            return new UrlCustomizer();
        }
    }

    /** A record, so equal for every class: the URL does not split Spring's context cache. */
    record UrlCustomizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            // First, like @DynamicPropertySource: the test server wins over any configured URL.
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("rembug-test-redis",
                    Map.of("spring.data.redis.url", RedisServerExtension.url())));
        }
    }
}
