package id.rembug.bot.redis;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;

/** Whether Rembug talks to a Redis Cluster ({@code spring.data.redis.cluster.nodes}) rather than one server. */
public final class RedisCluster {

    private RedisCluster() {
    }

    public static boolean isCluster(RedisTemplate<?, ?> redis) {
        return redis.getConnectionFactory() instanceof LettuceConnectionFactory lettuce && lettuce.isClusterAware();
    }
}
