package id.rembug.bot.dashboard;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the dashboard and simulator do to keep browsers, sessions and residents' answers safe. */
@DashboardApp
class DashboardSecurityTest {

    /** Client addresses from the documentation range, given through the proxy header the app trusts. */
    private static final String GUESSER = "203.0.113.7";
    private static final String NEIGHBOUR = "203.0.113.8";

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    Environment environment;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void forgetFailures() {
        redis.delete(List.of(LoginThrottle.key(GUESSER), LoginThrottle.key(NEIGHBOUR), LoginThrottle.key("127.0.0.1")));
    }

    @Test
    void everyPageCarriesSecurityHeadersAndDashboardPagesAndExportsAreNeverCached() throws Exception {
        for (String path : List.of("/dashboard/masuk", "/simulator", "/dashboard/dashboard.css")) {
            HttpHeaders headers = send(get(path)).headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("frame-ancestors 'none'", "script-src 'self'", "default-src 'self'"));
            assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
        assertThat(send(get("/dashboard/masuk")).headers().firstValue("Cache-Control")).hasValue("no-store");

        String session = sessionOf(send(login(DashboardApp.ADMIN_PASSWORD)));
        for (String path : List.of("/dashboard", "/dashboard/ekspor.csv", "/dashboard/ekspor.json")) {
            HttpResponse<String> page = send(get(path).header("Cookie", DashboardSessions.COOKIE + "=" + session));
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
        }
    }

    @Test
    void aLoginPostedFromAnotherSiteIsRefusedAndStartsNoSession() throws Exception {
        HttpResponse<String> fromOrigin = send(login(DashboardApp.ADMIN_PASSWORD).header("Origin", "https://evil.example"));
        assertThat(fromOrigin.statusCode()).isEqualTo(403);
        assertThat(fromOrigin.body()).contains("another web site");
        assertThat(fromOrigin.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(DashboardSessions.COOKIE));

        assertThat(send(login(DashboardApp.ADMIN_PASSWORD).header("Sec-Fetch-Site", "cross-site")).statusCode())
                .isEqualTo(403);
        assertThat(send(form("/dashboard/masuk/some-link-token", "").header("Sec-Fetch-Site", "same-site"))
                .statusCode()).isEqualTo(403);
        assertThat(send(form("/simulator/groups", "").header("Origin", "http://localhost.evil.example:" + port))
                .statusCode()).isEqualTo(403);

        HttpResponse<String> sameOrigin = send(login(DashboardApp.ADMIN_PASSWORD)
                .header("Origin", "http://localhost:" + port).header("Sec-Fetch-Site", "same-origin"));
        assertThat(sameOrigin.statusCode()).isEqualTo(302);
        assertThat(sessionOf(sameOrigin)).isNotEmpty();
    }

    @Test
    void afterFiveWrongPasswordsAnAddressMustWaitEvenWithTheRightOne() throws Exception {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(send(login("tebakan-" + i).header("X-Forwarded-For", GUESSER)).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = send(login(DashboardApp.ADMIN_PASSWORD).header("X-Forwarded-For", GUESSER));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("900");
        assertThat(refused.body()).contains("Terlalu banyak percobaan masuk");
        assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(DashboardSessions.COOKIE));
        assertThat(send(form("/dashboard/masuk/any-token", "").header("X-Forwarded-For", GUESSER)).statusCode())
                .isEqualTo(429);

        assertThat(send(login(DashboardApp.ADMIN_PASSWORD).header("X-Forwarded-For", NEIGHBOUR)).statusCode())
                .isEqualTo(302);
    }

    @Test
    void behindATlsProxyTheSessionCookieIsSecure() throws Exception {
        String behindProxy = send(login(DashboardApp.ADMIN_PASSWORD).header("X-Forwarded-Proto", "https"))
                .headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(DashboardSessions.COOKIE)).findFirst().orElseThrow();
        assertThat(behindProxy).contains("Secure", "HttpOnly", "SameSite=Lax");

        String plain = send(login(DashboardApp.ADMIN_PASSWORD)).headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(DashboardSessions.COOKIE)).findFirst().orElseThrow();
        assertThat(plain).doesNotContain("Secure");
    }

    @Test
    void inSimulatorModeTheServerListensOnLoopbackOnly() {
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    }

    private HttpRequest.Builder form(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder login(String password) {
        return form("/dashboard/masuk", "password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionOf(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(DashboardSessions.COOKIE + "="))
                .map(c -> c.substring(DashboardSessions.COOKIE.length() + 1, c.indexOf(';')))
                .findFirst().orElse("");
    }
}
