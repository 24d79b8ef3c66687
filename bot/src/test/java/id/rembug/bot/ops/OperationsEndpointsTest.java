package id.rembug.bot.ops;

import id.rembug.bot.RembugApplication;
import id.rembug.bot.channel.ChatUser;
import id.rembug.bot.channel.Inbound;
import id.rembug.bot.channel.InboxWriter;
import id.rembug.bot.testsupport.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health and metrics are served on the management port (127.0.0.1 by default), never on the
 * public one, where they would tell anyone how the bot is doing. Simulator mode: no Telegram to
 * reach, so readiness is the app and Redis.
 */
@SpringBootTest(classes = RembugApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rembug.dispatch.enabled=false", "rembug.simulator.enabled=true", "management.server.port=0"})
@TestRedis
class OperationsEndpointsTest {

    @LocalServerPort
    int publicPort;
    @LocalManagementPort
    int managementPort;
    @Autowired
    InboxWriter inbox;
    @Autowired
    RembugMetrics metrics;
    @Autowired
    LettuceConnectionFactory redisConnections;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thePublicPortServesNoActuatorEndpoint() throws Exception {
        assertThat(managementPort).isNotEqualTo(publicPort);
        for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/metrics", "/actuator")) {
            assertThat(get(publicPort, path).statusCode()).as(path).isIn(401, 403, 404);
        }
    }

    @Test
    void livenessAndReadinessAnswerOnTheManagementPort() throws Exception {
        assertThat(get(managementPort, "/actuator/health/liveness").body()).contains("\"UP\"");
        HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"");
    }

    @Test
    void rembugMetricsCountUpdatesTakenInAndCarryEveryDocumentedName() {
        // Spring Boot leaves metrics export off in tests, so the app's binder is read through a
        // registry of our own; in production the same binder feeds the Prometheus registry.
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        metrics.bindTo(registry);
        double before = registry.get("rembug.updates.received").functionCounter().count();
        inbox.append(List.of(new Inbound.Message("sim:ops-1", "-9001", false, Instant.now(),
                new ChatUser("9001", "Sari", false), "1", "halo", null, false, false)));
        assertThat(registry.get("rembug.updates.received").functionCounter().count()).isEqualTo(before + 1);
        for (String name : List.of("rembug.updates.redelivered", "rembug.events.applied", "rembug.messages.sent",
                "rembug.messages.rate.limited", "rembug.messages.forbidden", "rembug.messages.retried",
                "rembug.messages.failed", "rembug.send", "rembug.outbox.chats", "rembug.llm.calls",
                "rembug.llm.fallbacks")) {
            assertThat(registry.find(name).meters()).as(name).isNotEmpty();
        }
        assertThat(registry.get("rembug.outbox.chats").tag("lane", "conversation").gauge().value()).isZero();
    }

    @Test
    void redisCommandsAreNotTimedOneByOne() {
        // a Micrometer observation per command cost about a tenth of the CPU per update (README: Operations)
        assertThat(redisConnections.getClientConfiguration().getClientResources())
                .hasValueSatisfying(resources -> assertThat(resources.tracing().isEnabled()).isFalse());
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
