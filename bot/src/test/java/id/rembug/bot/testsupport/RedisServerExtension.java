package id.rembug.bot.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.FileSystemUtils;

import id.rembug.bot.redis.EmbeddedRedisServer;
import id.rembug.bot.redis.RedisBinary;

/**
 * The one real redis-server for the whole test JVM, on a free port with its data in a temporary
 * directory; the binary is chosen as the app chooses it ({@code redis-server} on PATH, else the
 * one bundled in the embedded-redis jar). Stopped and its directory deleted when the JVM exits.
 *
 * <p>Tests take it with {@link TestRedis @TestRedis}, which registers this extension: the server
 * is started before the class and emptied before each test ({@link FlushBeforeEach}), and a Spring test's
 * {@code spring.data.redis.url} points at it. Tests without a Spring context talk to it through
 * {@link #template()} (or {@link #url()}).
 */
public final class RedisServerExtension implements BeforeAllCallback {

    private static EmbeddedRedisServer server;
    private static StringRedisTemplate template;

    /** The shared server, started on first use. */
    public static synchronized EmbeddedRedisServer server() {
        if (server == null) {
            Path dataDir = createTempDir();
            EmbeddedRedisServer started = EmbeddedRedisServer.start(RedisBinary.locate(null),
                    EmbeddedRedisServer.Options.of(dataDir, 0));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                // Leftovers in the temporary directory are harmless.
                FileSystemUtils.deleteRecursively(dataDir.toFile());
            }, "test-redis-cleanup"));
            server = started;
        }
        return server;
    }

    /** E.g. {@code redis://:<password>@127.0.0.1:41234}. */
    public static String url() {
        return server().url();
    }

    public static int port() {
        return server().port();
    }

    /** A template on the shared server, for tests that need no Spring context. */
    public static synchronized StringRedisTemplate template() {
        if (template == null) {
            EmbeddedRedisServer redis = server();
            RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration(redis.host(), redis.port());
            configuration.setPassword(redis.password());
            LettuceConnectionFactory factory = new LettuceConnectionFactory(configuration);
            factory.afterPropertiesSet();
            factory.start();
            template = new StringRedisTemplate(factory);
        }
        return template;
    }

    /** Deletes every key in every database of the shared server. */
    public static void flushAll() {
        EmbeddedRedisServer redis = server();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(redis.host(), redis.port()), 2_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String password = redis.password();
            out.write(("*2\r\n$4\r\nAUTH\r\n$" + password.length() + "\r\n" + password + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write("*1\r\n$8\r\nFLUSHALL\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String authReply = readLine(socket.getInputStream());
            String reply = readLine(socket.getInputStream());
            if (!authReply.equals("+OK") || !reply.equals("+OK")) {
                throw new IllegalStateException("AUTH answered " + authReply + ", FLUSHALL answered " + reply);
            }
        } catch (IOException e) {
            throw new IllegalStateException("FLUSHALL on port " + redis.port() + " failed", e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server();
    }

    /**
     * Every test starts on an empty Redis, whatever the tests before it left. Registered by
     * {@link TestRedis}; whole-application tests that seed data once per class leave it out.
     */
    public static final class FlushBeforeEach implements BeforeEachCallback {
        @Override
        public void beforeEach(ExtensionContext context) {
            flushAll();
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("rembug-test-redis-");
        } catch (IOException e) {
            throw new IllegalStateException("No temporary directory for the test Redis", e);
        }
    }
}
