package id.rembug.bot.media;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import id.rembug.dialogues.engine.AnswerMedia;
import id.rembug.dialogues.flow.MediaKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.util.unit.DataSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Speech to text against a WireMock OpenAI-compatible {@code /v1/audio/transcriptions}: the words
 * when it answers, and when it does not (time-out, 5xx, malformed JSON, a refusal, a file too big
 * or too long) no words, a bounded number of tries, and the answer left as it was.
 */
class SpeechToTextTest {

    static final byte[] OGG = "OggS\u0000\u0002voice-of-budi".getBytes(StandardCharsets.ISO_8859_1);
    static final String PATH = "/v1/audio/transcriptions";

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    /** Telegram as the files' source: every getFile-and-download asked of it. */
    private final List<String> fetched = new ArrayList<>();
    private MediaFiles.Fetched platformAnswer = new MediaFiles.Bytes(OGG);
    private final AtomicInteger pauses = new AtomicInteger();

    @BeforeEach
    void start() {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private SpeechToText speech(Duration timeout) {
        SttProperties properties = new SttProperties("http://localhost:" + server.port() + "/v1", "sk-test", "whisper-1",
                "id", timeout, Duration.ofMinutes(5), 3, Duration.ofMillis(10), 1, 10);
        MediaProperties media = new MediaProperties("./target/unused", DataSize.ofMegabytes(500),
                DataSize.ofMegabytes(20), "");
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("files", (MediaFiles) (fileId, maxBytes) -> {
            fetched.add(fileId);
            return platformAnswer;
        });
        return new SpeechToText(properties, media, beans.getBeanProvider(MediaFiles.class),
                millis -> pauses.incrementAndGet());
    }

    static AnswerMedia voice(int seconds, long size) {
        return new AnswerMedia(MediaKind.VOICE, "AwACAgUAAx0", "AgADVQ0AA", seconds, size, null, null, null, null,
                "audio/ogg", null);
    }

    @Test
    void aVoiceNoteIsPostedAsMultipartAndItsWordsComeBack() {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"text\": \" ada sumur tua di belakang balai \"}")));
        SpeechToText speech = speech(Duration.ofSeconds(5));

        assertThat(speech.transcribe("peta:1:sumber:budi", voice(42, OGG.length)))
                .hasValue("ada sumur tua di belakang balai");

        server.verify(1, postRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer sk-test"))
                .withRequestBodyPart(aMultipart("model").withBody(equalTo("whisper-1")).build())
                .withRequestBodyPart(aMultipart("language").withBody(equalTo("id")).build())
                .withRequestBodyPart(aMultipart("file").withBody(binaryEqualTo(OGG)).build()));
        assertThat(fetched).containsExactly("AwACAgUAAx0");
        assertThat(speech.transcribed()).isEqualTo(1);
        assertThat(speech.notTranscribed()).isZero();
    }

    @Test
    void aServerThatTimesOutIsTriedThreeTimesThenTheAnswerStaysAVoiceNote() {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"text\": \"terlambat\"}").withFixedDelay(1500)));
        SpeechToText speech = speech(Duration.ofMillis(300));

        assertThat(speech.transcribe("peta:1:sumber:budi", voice(42, OGG.length))).isEmpty();

        server.verify(3, postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(pauses).hasValue(2);
        // the file is fetched once for all tries
        assertThat(fetched).hasSize(1);
        assertThat(speech.notTranscribed()).isEqualTo(1);
    }

    @Test
    void aServerErrorIsTriedAgainAndTheSecondTryCounts() {
        server.stubFor(post(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("busy")).willSetStateTo("up"));
        server.stubFor(post(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson("{\"text\": \"ada lapangan\"}")));
        SpeechToText speech = speech(Duration.ofSeconds(5));

        assertThat(speech.transcribe("peta:1:sumber:budi", voice(42, OGG.length))).hasValue("ada lapangan");

        server.verify(2, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aServerThatKeepsFailingOrAnswersNonsenseIsTriedAtMostThreeTimes() {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500).withBody("oops")));
        SpeechToText speech = speech(Duration.ofSeconds(5));
        assertThat(speech.transcribe("a", voice(42, OGG.length))).isEmpty();
        server.verify(3, postRequestedFor(urlPathEqualTo(PATH)));

        server.resetAll();
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"text\": ")));
        assertThat(speech.transcribe("b", voice(42, OGG.length))).isEmpty();
        server.verify(3, postRequestedFor(urlPathEqualTo(PATH)));

        server.resetAll();
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(speech.transcribe("c", voice(42, OGG.length))).isEmpty();
        server.verify(3, postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(speech.notTranscribed()).isEqualTo(3);
    }

    @Test
    void aRefusalIsNotTriedAgain() {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"Invalid file format.\"}}")));
        SpeechToText speech = speech(Duration.ofSeconds(5));

        assertThat(speech.transcribe("peta:1:sumber:budi", voice(42, OGG.length))).isEmpty();

        server.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(pauses).hasValue(0);
    }

    @Test
    void aVoiceNoteTooBigForTheBotApiOrTooLongIsNotFetchedNorSent() {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"text\": \"x\"}")));
        SpeechToText speech = speech(Duration.ofSeconds(5));

        assertThat(speech.transcribe("big", voice(42, 25L * 1024 * 1024))).isEmpty();
        assertThat(speech.transcribe("long", voice(6 * 60, OGG.length))).isEmpty();
        // no size said, and the platform finds it too big (getFile: 400 "file is too big")
        platformAnswer = new MediaFiles.TooBig();
        assertThat(speech.transcribe("unsized", voice(42, 0).withCaption(null))).isEmpty();

        server.verify(0, postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(fetched).hasSize(1);
        assertThat(speech.notTranscribed()).isEqualTo(3);
    }

    @Test
    void aPlatformThatCannotServeTheFileNowIsAskedAgain() {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"text\": \"x\"}")));
        platformAnswer = new MediaFiles.Unavailable("getFile: 502 Bad Gateway");
        SpeechToText speech = speech(Duration.ofSeconds(5));

        assertThat(speech.transcribe("a", voice(42, OGG.length))).isEmpty();

        assertThat(fetched).hasSize(3);
        server.verify(0, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void offByDefaultAndOnlyForSpokenAnswers() {
        SpeechToText off = new SpeechToText(new SttProperties("", "", "whisper-1", "", Duration.ofSeconds(60),
                Duration.ofMinutes(5), 3, Duration.ofSeconds(10), 1, 100),
                new MediaProperties("./target/unused", DataSize.ofMegabytes(500), DataSize.ofMegabytes(20), ""),
                new DefaultListableBeanFactory().getBeanProvider(MediaFiles.class));
        assertThat(off.enabled()).isFalse();
        assertThat(off.wanted(voice(42, 10))).isFalse();

        SpeechToText on = speech(Duration.ofSeconds(5));
        assertThat(on.wanted(voice(42, 10))).isTrue();
        assertThat(on.wanted(voice(42, 10).withTranscript("sudah"))).isFalse();
        assertThat(on.wanted(new AnswerMedia(MediaKind.PHOTO, "f", "u", null, 10L, null, null, null, null, null, null)))
                .isFalse();
    }
}
