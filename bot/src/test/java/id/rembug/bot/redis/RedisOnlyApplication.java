package id.rembug.bot.redis;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The app's Redis wiring and nothing else, so these tests stay small as the app grows.
 * {@code @TestComponent} keeps it out of the whole app's component scan in other tests.
 */
@Configuration(proxyBeanMethods = false)
@TestComponent
@ImportAutoConfiguration(DataRedisAutoConfiguration.class)
@Import(EmbeddedRedisConfiguration.class)
class RedisOnlyApplication {

    /** Starts a non-web context with the given {@code name=value} properties. */
    static ConfigurableApplicationContext run(String... properties) {
        return new SpringApplicationBuilder(RedisOnlyApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(properties)
                .run();
    }
}
