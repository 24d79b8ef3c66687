package id.rembug.bot.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedisVersionTest {

    @Test
    void versionIsReadFromTheVersionLine() {
        assertThat(RedisVersion.fromVersionOutput(
                "Redis server v=7.0.15 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=c9d29f6a0c3c4b0e"))
                .contains(new RedisVersion(7, 0, 15));
    }

    @Test
    void outputWithoutVersionFieldGivesNoVersion() {
        assertThat(RedisVersion.fromVersionOutput("true (GNU coreutils) 9.1")).isEmpty();
    }

    @Test
    void onlyRedisSevenAndLaterReadTheMultiPartAppendOnlyFile() {
        assertThat(new RedisVersion(6, 2, 11).readsMultiPartAof()).isFalse();
        assertThat(new RedisVersion(7, 0, 0).readsMultiPartAof()).isTrue();
        assertThat(new RedisVersion(8, 2, 1).readsMultiPartAof()).isTrue();
    }
}
