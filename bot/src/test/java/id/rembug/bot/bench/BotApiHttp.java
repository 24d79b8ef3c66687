package id.rembug.bot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The HTTP plumbing of {@link FakeBotApi}: a loopback JDK server and JSON answers. */
final class BotApiHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    static final byte[] TRUE = "{\"ok\":true,\"result\":true}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_FOUND = "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}"
            .getBytes(StandardCharsets.UTF_8);

    private BotApiHttp() {
    }

    /** A server on 127.0.0.1 and a free port, already answering through {@code handler}. */
    static HttpServer start(ExecutorService handlers, HttpHandler handler) throws IOException {
        // The JDK server writes headers and body separately; without this, Nagle's algorithm and
        // delayed ACKs would add ~40 ms to answers and the fake would measure itself.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(handlers);
        server.createContext("/", handler);
        server.start();
        return server;
    }

    static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A bot's call: the Bot API method in lower case, its JSON body, and when it arrived. */
    record Call(String method, JsonNode body, long arrivedNanos) {
    }

    /**
     * Reads a call to {@code /bot<token>/<method>} ({@code prefix} is {@code /bot<token>/}); a
     * call to any other path is answered 404 here and comes back as null.
     */
    static Call read(HttpExchange exchange, String prefix) throws IOException {
        byte[] request;
        try (InputStream in = exchange.getRequestBody()) {
            request = in.readAllBytes();
        }
        long arrived = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        if (!path.startsWith(prefix)) {
            respond(exchange, 404, NOT_FOUND);
            return null;
        }
        String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
        JsonNode body = request.length == 0 ? JSON.createObjectNode() : JSON.readTree(request);
        return new Call(method, body, arrived);
    }

    /**
     * A long poll's wait on {@code lock}, which the caller holds (so whoever queues an update and
     * notifies it wakes the poll): while {@code nothingYet} and until {@code deadlineNanos}.
     */
    static void waitWhile(Object lock, BooleanSupplier nothingYet, long deadlineNanos) {
        while (nothingYet.getAsBoolean()) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops answering at once and ends the handler threads. */
    static void stop(HttpServer server, ExecutorService handlers) {
        server.stop(0);
        handlers.shutdownNow();
    }

    static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
