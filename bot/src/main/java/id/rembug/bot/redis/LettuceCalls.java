package id.rembug.bot.redis;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceExceptionConverter;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waiting for commands sent together on the app's shared Lettuce connection ({@link ScriptBatch},
 * {@link StreamRanges}): each answer awaited until one deadline, failures translated as Spring
 * Data Redis translates them.
 */
final class LettuceCalls {

    private static final LettuceExceptionConverter EXCEPTIONS = new LettuceExceptionConverter();

    private LettuceCalls() {
    }

    /** When the answers of calls sent now are due: the command timeout the app's Redis connection uses. */
    static long deadline(StringRedisTemplate redis) {
        Duration timeout = redis.getConnectionFactory() instanceof LettuceConnectionFactory lettuce
                ? lettuce.getClientConfiguration().getCommandTimeout()
                : RedisResilienceConfiguration.DEFAULT_COMMAND_TIMEOUT;
        return System.nanoTime() + timeout.toNanos();
    }

    static <T> T await(RedisFuture<T> future, long deadline) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new RedisSystemException(e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new RedisCommandTimeoutException("Redis did not answer a batch of commands in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisSystemException("Interrupted while waiting for Redis", e);
        }
    }

    /** The first failure, the later ones suppressed in it. */
    static RuntimeException first(RuntimeException earlier, RuntimeException now) {
        if (earlier == null) {
            return now;
        }
        earlier.addSuppressed(now);
        return earlier;
    }

    /** A failure of a batch of {@code what}, as Spring Data Redis would have thrown it. */
    static DataAccessException translated(RuntimeException failure, String what) {
        DataAccessException translated = EXCEPTIONS.convert(failure);
        return translated != null ? translated : new RedisSystemException("A batch of " + what + " failed", failure);
    }
}
