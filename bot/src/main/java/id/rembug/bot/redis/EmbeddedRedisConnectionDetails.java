package id.rembug.bot.redis;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;

/** Tells Spring Boot's Redis auto-configuration to connect to the embedded server, with its password. */
public record EmbeddedRedisConnectionDetails(String host, int port, String password)
        implements DataRedisConnectionDetails {

    public static EmbeddedRedisConnectionDetails of(EmbeddedRedisSupervisor supervisor) {
        return new EmbeddedRedisConnectionDetails(supervisor.host(), supervisor.port(),
                supervisor.server().password());
    }

    @Override
    public Standalone getStandalone() {
        return Standalone.of(host, port);
    }

    @Override
    public String getPassword() {
        return password;
    }

    /** Keeps the password out of anything that prints these details. */
    @Override
    public String toString() {
        return "EmbeddedRedisConnectionDetails[host=" + host + ", port=" + port + ", password=(hidden)]";
    }
}
