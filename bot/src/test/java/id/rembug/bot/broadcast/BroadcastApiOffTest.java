package id.rembug.bot.broadcast;

import id.rembug.bot.dashboard.DashboardApp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** With no {@code rembug.broadcast.api-token} the API is not there, whatever is sent to it. */
@DashboardApp
class BroadcastApiOffTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withoutATokenConfiguredEveryRequestAnswers404EvenOneThatIsNotJson() throws Exception {
        assertThat(post("not json at all {").statusCode()).isEqualTo(404);
        assertThat(post("{\"title\": \"Musyawarah\"}").statusCode()).isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/broadcasts/1"))
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/broadcasts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
