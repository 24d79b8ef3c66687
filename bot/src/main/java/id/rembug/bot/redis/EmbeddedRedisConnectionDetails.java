package id.rembug.bot.redis;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;

/** Tells Spring Boot's Redis auto-configuration to connect to the embedded server. */
public record EmbeddedRedisConnectionDetails(String host, int port) implements DataRedisConnectionDetails {

    public static EmbeddedRedisConnectionDetails of(EmbeddedRedisSupervisor supervisor) {
        return new EmbeddedRedisConnectionDetails(supervisor.host(), supervisor.port());
    }

    @Override
    public Standalone getStandalone() {
        return Standalone.of(host, port);
    }
}
