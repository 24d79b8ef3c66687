package id.rembug.bot.dispatch;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import redis.embedded.RedisServer;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis server for one test class, on a free port: {@code redis-server} from the PATH when
 * there is one, else the binary inside embedded-redis. Emptied before each test. Use as
 * {@code @RegisterExtension static final DispatchRedis redis = new DispatchRedis();}.
 */
final class DispatchRedis implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private int port;
    private Process process;
    private RedisServer embedded;
    private LettuceConnectionFactory connectionFactory;
    private StringRedisTemplate template;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        port = freePort();
        String onPath = findOnPath("redis-server");
        if (onPath != null) {
            process = new ProcessBuilder(onPath, "--port", Integer.toString(port), "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } else {
            embedded = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            embedded.start();
        }
        connectionFactory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
        connectionFactory.afterPropertiesSet();
        connectionFactory.start();
        template = new StringRedisTemplate(connectionFactory);
        awaitPing();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        template.execute((org.springframework.data.redis.core.RedisCallback<Object>) connection -> {
            connection.serverCommands().flushAll();
            return null;
        });
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (connectionFactory != null) {
            connectionFactory.destroy();
        }
        if (embedded != null) {
            embedded.stop();
        }
        if (process != null) {
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    StringRedisTemplate template() {
        return template;
    }

    LettuceConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    private void awaitPing() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try {
                template.execute((org.springframework.data.redis.core.RedisCallback<String>) c -> c.ping());
                return;
            } catch (RuntimeException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
