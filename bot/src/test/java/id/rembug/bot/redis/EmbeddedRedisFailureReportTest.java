package id.rembug.bot.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class EmbeddedRedisFailureReportTest {

    @TempDir
    Path dataDir;

    @Test
    void missingRedisServerStopsStartUpWithWhatFailedAndWhatToDo(CapturedOutput output) {
        Path missing = dataDir.resolve("no-such-redis-server");

        assertThatThrownBy(() -> RedisOnlyApplication.run(
                "rembug.redis.embedded.executable=" + missing,
                "rembug.redis.embedded.data-dir=" + dataDir))
                .hasRootCauseInstanceOf(EmbeddedRedisException.class);

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("The embedded Redis could not be started")
                .contains(missing.toString())
                .contains("apt-get install redis-server")
                .contains("SPRING_DATA_REDIS_URL");
    }
}
