package id.rembug.bot.testsupport;

import id.rembug.bot.RembugApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import java.io.IOException;
import java.util.Map;

/**
 * Starts the whole app by hand, for tests that stop it and start it again on the same Redis (as
 * a restarted or replaced instance would). {@code @SpringBootTest} keeps test classes out of the
 * app's component scan; started by hand the app would scan them in too, so here only the
 * classes the app ships with are scanned.
 */
public final class RembugApp {

    private RembugApp() {
    }

    /** The whole app, talking to the fake Bot API, on the shared test Redis. */
    public static ConfigurableApplicationContext start(FakeTelegram telegram) {
        return start(TelegramAppProperties.of(telegram));
    }

    /**
     * The whole app with {@code properties} as its defaults and {@code args} as its command line
     * (which wins over them), e.g. for a benchmark that sets up Telegram and Redis itself.
     */
    public static ConfigurableApplicationContext start(Map<String, Object> properties, String... args) {
        return new SpringApplicationBuilder(RembugApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton(MainClassesOnly.class.getName(), new MainClassesOnly()))
                .properties(properties)
                .run(args);
    }

    /** Leaves out of the component scan whatever was compiled from the test sources. */
    static final class MainClassesOnly extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURL().toString().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof MainClassesOnly;
        }

        @Override
        public int hashCode() {
            return MainClassesOnly.class.hashCode();
        }
    }
}
