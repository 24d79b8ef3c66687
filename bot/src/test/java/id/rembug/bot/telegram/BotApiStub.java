package id.rembug.bot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** WireMock standing in for the Bot API at {@code /bot<token>/<method>}. */
final class BotApiStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final WireMockServer server = new WireMockServer(options().dynamicPort());

    BotApiStub() {
        server.start();
    }

    String url() {
        return "http://localhost:" + server.port();
    }

    static String path(String method) {
        return "/bot" + TelegramSamples.TOKEN + "/" + method;
    }

    /** Answers {@code {"ok":true,"result":true}}, as Telegram does for setters. */
    void answerTrue(String method) {
        server.stubFor(post(urlPathEqualTo(path(method))).willReturn(okJson("{\"ok\":true,\"result\":true}")));
    }

    List<LoggedRequest> requests(String method) {
        return server.findAll(postRequestedFor(urlPathEqualTo(path(method))));
    }

    /** The JSON bodies of the calls to one method, oldest first. */
    List<JsonNode> bodies(String method) {
        return requests(method).stream().map(request -> parse(request.getBodyAsString())).toList();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
