package id.rembug.bot.simulator;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * One real Redis server for the simulator tests in this JVM: Debian's {@code redis-server} when it
 * is on the PATH, else the binary inside embedded-redis. Nothing is saved to disk.
 *
 * <p>Stop-gap until the shared Redis test support is merged.
 */
final class TestRedisServer {

    private static RedisServer server;
    private static int port;
    private static StringRedisTemplate template;

    private TestRedisServer() {
    }

    static synchronized String url() {
        start();
        return "redis://127.0.0.1:" + port;
    }

    /** A template on the test server, for tests that need no Spring context. */
    static synchronized StringRedisTemplate template() {
        start();
        if (template == null) {
            LettuceConnectionFactory factory = new LettuceConnectionFactory(
                    new RedisStandaloneConfiguration("127.0.0.1", port));
            factory.afterPropertiesSet();
            factory.start();
            template = new StringRedisTemplate(factory);
        }
        return template;
    }

    static void flush() {
        template().execute(connection -> {
            connection.serverCommands().flushDb();
            return null;
        }, true);
    }

    private static void start() {
        if (server != null) {
            return;
        }
        try {
            port = freePort();
            server = RedisServer.newRedisServer()
                    .executableProvider(executable())
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a Redis server for the tests", e);
        }
        RedisServer started = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.stop();
            } catch (IOException ignored) {
                // the JVM is going away; the process dies with it
            }
        }));
    }

    private static ExecutableProvider executable() throws IOException {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                File candidate = new File(dir, "redis-server");
                if (candidate.canExecute()) {
                    return () -> candidate;
                }
            }
        }
        return ExecutableProvider.newJarResourceProvider();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
