package id.rembug.bot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The HTTP plumbing the benchmarks' fake Bot APIs share: a loopback JDK server and JSON answers. */
final class BotApiHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    static final byte[] TRUE = "{\"ok\":true,\"result\":true}".getBytes(StandardCharsets.UTF_8);
    static final byte[] NOT_FOUND = "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}"
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

    /** A request's JSON body; an empty body reads as an empty object. */
    static JsonNode body(byte[] request) throws IOException {
        return request.length == 0 ? JSON.createObjectNode() : JSON.readTree(request);
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

    static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
