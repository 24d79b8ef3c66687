package id.rembug.bot.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a missing or empty Telegram token means, decided before anything starts. */
@ExtendWith(OutputCaptureExtension.class)
class SimulatorModeTest {

    @Test
    void anEmptyTokenStopsTheStartAndSaysWhatToSet(CapturedOutput output) {
        assertThatThrownBy(() -> start("rembug.telegram.token=  ")).isInstanceOf(BlankTelegramTokenException.class);

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("REMBUG_TELEGRAM_TOKEN) is set but empty")
                .contains("BotFather")
                .contains("remove the variable");
    }

    @Test
    void withNoTokenTheServerListensOnLoopbackOnly() {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void aConfiguredServerAddressWinsInSimulatorMode() {
        try (ConfigurableApplicationContext context = start("server.address=0.0.0.0")) {
            assertThat(context.getEnvironment().getProperty("server.address")).isEqualTo("0.0.0.0");
        }
    }

    @Test
    void withATokenTheAddressIsLeftToTheOperator() {
        try (ConfigurableApplicationContext context = start("rembug.telegram.token=123456:ABC-def")) {
            assertThat(context.getEnvironment().getProperty("server.address")).isNull();
        }
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(Empty.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(properties)
                .run();
    }

    /** No beans at all: only the environment is under test. */
    @TestComponent
    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
