package id.rembug.bot.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@TestRedis
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisServerExtensionTest {

    @Test
    @Order(1)
    void sharedServerAnswers() {
        RedisProbe.set(RedisServerExtension.url(), "left-by-first-test", "x");

        assertThat(RedisServerExtension.server().isRunning()).isTrue();
        assertThat(RedisServerExtension.url()).isEqualTo("redis://:" + RedisServerExtension.server().password()
                + "@127.0.0.1:" + RedisServerExtension.port());
    }

    @Test
    @Order(2)
    void everyTestStartsOnAnEmptyRedis() {
        assertThat(RedisProbe.keyCount(RedisServerExtension.url())).isZero();
    }

    @Test
    @Order(3)
    void everyCallReturnsTheSameServer() {
        assertThat(RedisServerExtension.server()).isSameAs(RedisServerExtension.server());
    }

    @Test
    @Order(4)
    void templateWritesToTheSharedServer() {
        RedisServerExtension.template().opsForValue().set("from-template", "ada");

        assertThat(RedisProbe.get(RedisServerExtension.url(), "from-template")).isEqualTo("ada");
    }
}
