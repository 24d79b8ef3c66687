package id.rembug.bot.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AliasFor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import id.rembug.bot.RembugApplication;

/**
 * The whole app (no web server) talking to a {@link FakeTelegram} of its own on the shared test
 * Redis, with {@link TelegramAppProperties}. The test takes the fake as a bean
 * ({@code @Autowired FakeTelegram telegram}); it stops with the context, after the poller.
 * The context is closed after the class, so every class has a fresh fake.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = RembugApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ExtendWith(RedisServerExtension.class)
@DirtiesContext
@ContextCustomizerFactories(FakeTelegramApp.CustomizerFactory.class)
public @interface FakeTelegramApp {

    /** Further app properties, as in {@link SpringBootTest#properties()}. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};

    /** Applied by Spring's TestContext framework to classes carrying {@link FakeTelegramApp}. */
    final class CustomizerFactory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                         List<ContextConfigurationAttributes> configAttributes) {
            return new FakeTelegramCustomizer();
        }
    }

    /** A record, so equal for every class; {@link DirtiesContext} keeps classes from sharing a context. */
    record FakeTelegramCustomizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            FakeTelegram telegram = new FakeTelegram();
            // First, like @DynamicPropertySource.
            context.getEnvironment().getPropertySources().addFirst(
                    new MapPropertySource("rembug-fake-telegram", TelegramAppProperties.of(telegram)));
            DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
            beans.registerSingleton("fakeTelegram", telegram);
            // Disposed in reverse order of registration: registered before any bean, so stopped last.
            beans.registerDisposableBean("fakeTelegram", telegram::close);
        }
    }
}
