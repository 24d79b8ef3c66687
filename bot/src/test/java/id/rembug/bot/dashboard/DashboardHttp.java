package id.rembug.bot.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A plain HTTP client against the running app that carries one dashboard session cookie by hand. */
public final class DashboardHttp {

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String session;

    public DashboardHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Signed in with a one-time link's token, as the bot sends it after {@code /masuk}. */
    public static DashboardHttp login(int port, String token) {
        DashboardHttp http = new DashboardHttp(port);
        HttpResponse<byte[]> answer = http.redeem(token);
        if (http.session == null) {
            throw new AssertionError("no session from the login link: HTTP " + answer.statusCode());
        }
        return http;
    }

    static DashboardHttp withSession(int port, String session) {
        DashboardHttp http = new DashboardHttp(port);
        http.session = session;
        return http;
    }

    public HttpResponse<byte[]> get(String path) {
        return send(request(path).GET().build());
    }

    public String text(String path) {
        return new String(get(path).body(), StandardCharsets.UTF_8);
    }

    HttpResponse<byte[]> post(String path, String form) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    HttpResponse<byte[]> adminLogin(String password) {
        return post("/dashboard/masuk", "password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> redeem(String token) {
        return post("/dashboard/masuk/" + token, "");
    }

    Optional<String> session() {
        return Optional.ofNullable(session);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (session != null) {
            builder.header("Cookie", DashboardSessions.COOKIE + "=" + session);
        }
        return builder;
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(DashboardSessions.COOKIE + "="))
                    .map(c -> c.substring(DashboardSessions.COOKIE.length() + 1, c.indexOf(';')))
                    .findFirst().ifPresent(value -> session = value.isEmpty() ? null : value);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
