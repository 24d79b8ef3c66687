package id.rembug.bot.dashboard;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * One-time login links for people who ask the bot {@code /masuk}. The token is random, lives in
 * Redis for ten minutes, and is deleted by the first redeem (GETDEL), so a forwarded or replayed
 * link is worthless.
 */
@Service
public class LoginLinks {

    public static final Duration LIFETIME = Duration.ofMinutes(10);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final StringRedisTemplate redis;

    public LoginLinks(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Stores a fresh token for the person and returns it. */
    public String issue(String userId) {
        String token = randomToken();
        redis.opsForValue().set(key(token), userId, LIFETIME);
        return token;
    }

    /** The person the token was issued to, once; empty when unknown, used or expired. */
    public Optional<String> redeem(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return Optional.ofNullable(redis.opsForValue().getAndDelete(key(token)));
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String key(String token) {
        return DashboardKeys.loginLink(token);
    }
}
