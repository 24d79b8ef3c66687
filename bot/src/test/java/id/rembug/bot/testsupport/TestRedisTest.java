package id.rembug.bot.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@TestRedis
@SpringJUnitConfig(TestRedisTest.NothingElse.class)
class TestRedisTest {

    @Configuration(proxyBeanMethods = false)
    static class NothingElse {
    }

    @Autowired
    Environment environment;

    @Test
    void springTestsAreToldTheSharedServersUrl() {
        assertThat(environment.getProperty("spring.data.redis.url")).isEqualTo(RedisServerExtension.url());
    }
}
