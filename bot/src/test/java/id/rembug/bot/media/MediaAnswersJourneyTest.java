package id.rembug.bot.media;

import id.rembug.bot.channel.ChannelCodec;
import id.rembug.bot.channel.InboxWriter;
import id.rembug.bot.channel.Inbound;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.dashboard.DashboardSessions;
import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegram.Person;
import id.rembug.bot.testsupport.FakeTelegram.Sent;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.RembugApp;
import id.rembug.bot.testsupport.TelegramAppProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import com.github.tomakehurst.wiremock.WireMockServer;
import id.rembug.bot.testsupport.Browser;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Residents answer a question with a voice note, a photo and a place: the answers count, the
 * facilitator gets the summary and a copy of each, once.
 */
@ExtendWith(RedisServerExtension.class)
class MediaAnswersJourneyTest {

    static final byte[] OGG = "OggS\u0000\u0002voice-of-budi".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};

    @RegisterExtension
    static final Browser browser = Browser.perTestClass();
    /** Map tiles, as a tile server serves them (any tile: one small PNG). */
    static final WireMockServer tiles = new WireMockServer(options().dynamicPort());
    /** Speech to text, as an OpenAI-compatible server answers: every voice note says the same. */
    static final WireMockServer stt = new WireMockServer(options().dynamicPort());
    static final String HEARD = "ada sumur tua di belakang balai";
    static FakeTelegram telegram;
    static ConfigurableApplicationContext app;
    static Path cache;

    @BeforeAll
    static void start() throws Exception {
        telegram = new FakeTelegram();
        cache = Files.createTempDirectory("rembug-media-cache");
        Map<String, Object> properties = new LinkedHashMap<>(TelegramAppProperties.of(telegram));
        properties.put("rembug.conversation.flow", "src/test/resources/flows/media-journey.yaml");
        properties.put("spring.main.web-application-type", "servlet");
        properties.put("server.port", "0");
        properties.put("rembug.media.cache-dir", cache.toString());
        tiles.start();
        serveTiles(true);
        properties.put("rembug.media.map-tiles", "http://localhost:" + tiles.port() + "/tiles/{z}/{x}/{y}.png");
        stt.start();
        stt.stubFor(post(urlPathEqualTo("/v1/audio/transcriptions"))
                .willReturn(okJson("{\"text\": \"" + HEARD + "\"}")));
        properties.put("rembug.stt.base-url", "http://localhost:" + stt.port() + "/v1");
        properties.put("rembug.stt.retry-delay", "10ms");
        app = RembugApp.start(properties);
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }

    static String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterAll
    static void stop() {
        app.close();
        telegram.close();
        tiles.stop();
        stt.stop();
    }

    private final long chat = -4_170_000_000L - System.nanoTime() % 100_000;
    private final Person facilitator = new Person(710_000_000L + chat % 1000, "Rahmat");
    private final Person budi = new Person(810_000_001L, "Budi");
    private final Person ani = new Person(810_000_002L, "Ani");
    private final Person sari = new Person(810_000_003L, "Sari");

    private Sent started() {
        telegram.groupHas(chat, 5);
        telegram.memberStatus(chat, facilitator, "creator");
        telegram.privateText(facilitator, "/start");
        telegram.botAddedToGroup(chat, facilitator);
        telegram.groupText(chat, facilitator, "/fasilitator", null);
        telegram.groupText(chat, budi, "/mulai", null);
        Sent[] question = new Sent[1];
        GroupJourney.awaitStep(telegram, "the question", () -> {
            question[0] = telegram.sentTo(chat).stream().filter(Sent::isQuestion).findFirst().orElse(null);
            return question[0] != null;
        });
        return question[0];
    }

    @Test
    void aVoiceNoteAPhotoAndAPlaceAnswerAndReachTheFacilitatorTheDashboardAndTheExportsOnce() throws Exception {
        Sent question = started();
        assertThat(question.text()).contains("Apa saja yang sudah ada di sekitar kita?")
                .contains("foto, pesan suara atau lokasi");
        awaitRecorded(question);

        int heard = stt.findAll(postRequestedFor(urlPathEqualTo("/v1/audio/transcriptions"))).size();
        long voice = telegram.voiceNote(chat, budi, question.messageId(), 42, OGG).messageId();
        // speech to text after the commit: the words join Budi's answer before the stage closes
        GroupJourney.awaitStep(telegram, "the voice note written down", () -> storedAnswers().anyMatch(a -> heard(a, HEARD)));
        long photo = telegram.photo(chat, ani, question.messageId(), "sumur tua", JPEG).messageId();
        long place = telegram.location(chat, sari, question.messageId(), -7.801194, 110.364917).messageId();

        GroupJourney.awaitStep(telegram, "the summary", () -> !telegram.summaries(facilitator.id()).isEmpty());
        String summary = telegram.summaries(facilitator.id()).get(0).text();
        assertThat(summary).contains("🎤 Budi, pesan suara 0:42\n  📝 ditulis mesin: “" + HEARD + "”")
                .contains("📷 Ani, foto: sumur tua").contains("📍 Sari, lokasi (-7.80119, 110.36492)");
        assertThat(summary.split(HEARD, -1)).hasSize(2);
        // the audio went to the server once, as the upload's file
        assertThat(stt.findAll(postRequestedFor(urlPathEqualTo("/v1/audio/transcriptions"))
                .withRequestBodyPart(aMultipart("file").withBody(binaryEqualTo(OGG)).build()))).hasSize(heard + 1);
        // the words delivered a second time (the job run again elsewhere): the answer keeps the first, once
        id.rembug.dialogues.engine.Answer budis = storedAnswers().filter(a -> heard(a, HEARD)).findFirst().orElseThrow();
        app.getBean(InboxWriter.class).append(List.of(new Inbound.Transcribed("stt:again", Long.toString(chat),
                java.time.Instant.now(), budis.key(), budis.media().fileUniqueId(), "kata lain")));
        GroupJourney.awaitStep(telegram, "three copies", () -> telegram.copiesIn(facilitator.id()).size() == 3);
        assertThat(telegram.copiesIn(facilitator.id())).extracting(FakeTelegram.Copy::fromMessageId)
                .containsExactly(voice, photo, place);
        assertThat(telegram.copiesIn(facilitator.id())).extracting(FakeTelegram.Copy::caption)
                .containsExactly("🎤 Budi, pesan suara 0:42", "📷 Ani, foto: sumur tua", null);
        // the copies come after the summary, and no second time
        long summaryId = telegram.summaries(facilitator.id()).get(0).messageId();
        assertThat(telegram.copiesIn(facilitator.id())).allSatisfy(c -> assertThat(c.messageId()).isGreaterThan(summaryId));
        telegram.groupText(chat, budi, "/status", null);
        GroupJourney.awaitStep(telegram, "the status", () -> telegram.textsSentTo(chat).stream()
                .anyMatch(t -> t.contains("sudah selesai. Menunggu pendamping")));
        assertThat(telegram.copiesIn(facilitator.id())).hasSize(3);

        // the dashboard: the photo shown, the voice note played, the place on the map's list
        String session = login(facilitator);
        String page = page("/dashboard/grup/" + chat, session).body();
        String photoUrl = "/dashboard/grup/" + chat + "/media/" + photo;
        String voiceUrl = "/dashboard/grup/" + chat + "/media/" + voice;
        assertThat(page).contains(HEARD).contains("(ditulis mesin)").doesNotContain("kata lain");
        assertThat(page).contains("<img src=\"" + photoUrl + "\"").contains("<audio src=\"" + voiceUrl + "\"")
                .contains("id=\"place-list\"").contains("data-lat=\"-7.801194\"");
        HttpResponse<byte[]> image = bytes(photoUrl, session);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(image.body()).isEqualTo(JPEG);
        HttpResponse<byte[]> audio = bytes(voiceUrl, session);
        assertThat(audio.headers().firstValue("Content-Type")).hasValue("audio/ogg");
        assertThat(audio.body()).isEqualTo(OGG);
        // fetched once through getFile, then from the cache
        int getFiles = telegram.calls("getFile").size();
        assertThat(bytes(photoUrl, session).body()).isEqualTo(JPEG);
        assertThat(telegram.calls("getFile")).hasSize(getFiles);
        // someone who may not see the group gets nothing, as for a group that does not exist
        assertThat(bytes(photoUrl, login(budi)).statusCode()).isEqualTo(404);
        assertThat(bytes(photoUrl, null).statusCode()).isNotEqualTo(200);

        // the exports: the kind and a link to the dashboard
        String csv = page("/dashboard/grup/" + chat + "/ekspor.csv", session).body();
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",media,media_link,machine_transcript");
        assertThat(csv).contains(",voice," + base + voiceUrl + "," + HEARD).contains(",photo," + base + photoUrl)
                .contains(",location," + base + "/dashboard/grup/" + chat + "#places");
        assertThat(csv.lines().filter(line -> line.contains(",voice,") || line.contains(",photo,")
                || line.contains(",location,"))).hasSize(3);

        // Ani deletes her data: her photo goes from the answers, the summary's places and the cache
        assertThat(Files.list(cache).toList()).isNotEmpty();
        deleteTheirData(ani);
        GroupJourney.awaitStep(telegram, "the photo's file deleted", () -> {
            try (var files = Files.list(cache)) {
                return files.noneMatch(f -> f.getFileName().toString().startsWith("Up"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(bytes(photoUrl, session).statusCode()).isEqualTo(404);
        assertThat(bytes(voiceUrl, session).statusCode()).isEqualTo(200);
    }

    @Test
    void anExpiredFileLinkIsFetchedAgainThroughGetFile() throws Exception {
        Sent question = started();
        awaitRecorded(question);
        long voice = telegram.voiceNote(chat, budi, question.messageId(), 7, OGG).messageId();
        String url = "/dashboard/grup/" + chat + "/media/" + voice;
        String session = login(facilitator);
        GroupJourney.awaitStep(telegram, "the answer stored", () -> bytes(url, session).statusCode() == 200);
        try (var files = Files.list(cache)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        telegram.expireFileLinks();
        int getFiles = telegram.calls("getFile").size();

        HttpResponse<byte[]> audio = bytes(url, session);

        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.body()).isEqualTo(OGG);
        assertThat(telegram.calls("getFile")).hasSize(getFiles + 1);
    }

    @Test
    void theBrowserShowsThePhotoOffersTheVoiceNoteAndPutsThePlaceOnTheMapOrInAListWithoutTiles() throws Exception {
        Sent question = started();
        awaitRecorded(question);
        byte[] jpeg = image("jpg");
        long photo = telegram.photo(chat, ani, question.messageId(), "sumur tua", jpeg).messageId();
        long voice = telegram.voiceNote(chat, budi, question.messageId(), 42, OGG).messageId();
        telegram.location(chat, sari, question.messageId(), -7.801194, 110.364917);
        GroupJourney.awaitStep(telegram, "the summary", () -> !telegram.summaries(facilitator.id()).isEmpty());

        browser.driver().manage().deleteAllCookies();
        browser.consoleErrors();
        browser.open(base + "/dashboard/masuk/" + loginToken(facilitator));
        browser.clickAndAwaitReload(By.id("redeem"));
        browser.open(base + "/dashboard/grup/" + chat);

        WebElement image = browser.find(By.cssSelector("img.media-photo"));
        Boolean shown = browser.await(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : 0;", image)).intValue() > 0 ? true : null);
        assertThat(shown).isTrue();
        WebElement audio = browser.find(By.cssSelector("audio.media-audio"));
        assertThat(audio.getAttribute("src")).endsWith("/media/" + voice);
        Object served = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0].src).then(r => done(r.status + ' ' + r.headers.get('content-type')));",
                audio);
        assertThat(served).isEqualTo("200 audio/ogg");
        WebElement map = browser.find(By.id("resource-map"));
        browser.await(d -> "yes".equals(map.getAttribute("data-tiles-loaded")) ? true : null);
        assertThat(map.getAttribute("data-markers")).isEqualTo("1");
        assertThat(browser.driver().findElements(By.cssSelector("#resource-map .leaflet-marker-icon"))).hasSize(1);
        assertThat(browser.find(By.id("place-list")).getText()).contains("Sari").contains("lokasi");
        assertThat(browser.consoleErrors()).isEmpty();

        // no tiles (an offline laptop, a blocked server): the list is what shows, with a word why
        serveTiles(false);
        browser.open(base + "/dashboard/grup/" + chat + "?tiles=none");
        WebElement note = browser.find(By.id("map-note"));
        browser.await(d -> note.isDisplayed() ? true : null);
        assertThat(note.getText()).contains("Peta tidak dapat dimuat");
        assertThat(browser.find(By.id("resource-map")).isDisplayed()).isFalse();
        assertThat(browser.find(By.id("place-list")).isDisplayed()).isTrue();
        assertThat(photo).isPositive();
        serveTiles(true);
    }

    private static void serveTiles(boolean on) {
        tiles.resetAll();
        tiles.stubFor(get(urlPathMatching("/tiles/.*")).willReturn(on
                ? aResponse().withHeader("Content-Type", "image/png").withBody(image("png"))
                : aResponse().withStatus(404)));
    }

    /** A real little picture, which a browser decodes. */
    private static byte[] image(String format) {
        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(16, 16,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        picture.setRGB(3, 3, 0x2E7D32);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(picture, format, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String login(Person person) {
        String token = loginToken(person);
        HttpResponse<String> redeemed = send(HttpRequest.newBuilder(URI.create(base + "/dashboard/masuk/" + token))
                .header("Origin", base).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofString());
        return redeemed.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(COOKIE + "="))
                .map(c -> c.substring(COOKIE.length() + 1, c.indexOf(';'))).findFirst().orElseThrow();
    }

    /** The facilitator's one-time link from the bot (/masuk in the private chat), redeemed: a dashboard session. */
    private String loginToken(Person person) {
        int before = telegram.textsSentTo(person.id()).size();
        telegram.privateText(person, "/masuk");
        String[] link = new String[1];
        GroupJourney.awaitStep(telegram, "the login link", () -> {
            link[0] = telegram.textsSentTo(person.id()).stream().skip(before)
                    .map(t -> LINK.matcher(t)).filter(java.util.regex.Matcher::find).map(m -> m.group(1))
                    .findFirst().orElse(null);
            return link[0] != null;
        });
        return link[0];
    }

    private HttpResponse<String> page(String path, String session) {
        return send(request(path, session), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> bytes(String path, String session) {
        return send(request(path, session), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder request(String path, String session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        return session == null ? request : request.header("Cookie", COOKIE + "=" + session);
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("/dashboard/masuk/([A-Za-z0-9_-]+)");
    private static final String COOKIE = DashboardSessions.COOKIE;

    @Test
    void aPhotoWhereOnlyWordsAnswerGetsOneLineSayingSo() {
        Sent first = started();
        awaitRecorded(first);
        for (Person resident : List.of(budi, ani, sari)) {
            telegram.groupText(chat, resident, "balai warga", first.messageId());
        }
        GroupJourney.awaitStep(telegram, "the summary", () -> !telegram.summaries(facilitator.id()).isEmpty());
        Sent summary = telegram.summaries(facilitator.id()).get(0);
        telegram.press(facilitator, summary, summary.allButtons().stream().map(FakeTelegram.Button::data)
                .filter(d -> d.startsWith("f|" + chat + "|ADVANCE|")).findFirst().orElseThrow());
        Sent[] second = new Sent[1];
        GroupJourney.awaitStep(telegram, "the next stage's question", () -> {
            second[0] = telegram.sentTo(chat).stream().filter(s -> s.isQuestion() && s.text().contains("Ada pesan"))
                    .findFirst().orElse(null);
            return second[0] != null;
        });
        awaitRecorded(second[0]);

        telegram.photo(chat, ani, second[0].messageId(), null, JPEG);
        telegram.photo(chat, ani, second[0].messageId(), null, JPEG);

        String needed = "Ani, pertanyaan ini perlu dijawab dengan tulisan";
        GroupJourney.awaitStep(telegram, "the line", () -> telegram.textsSentTo(chat).stream().anyMatch(t -> t.contains(needed)));
        telegram.groupText(chat, ani, "/status", null);
        GroupJourney.awaitStep(telegram, "the status", () -> telegram.textsSentTo(chat).stream()
                .anyMatch(t -> t.contains("Sudah menjawab: 0/")));
        assertThat(telegram.textsSentTo(chat).stream().filter(t -> t.contains(needed))).hasSize(1);
    }

    @Test
    void copiesOfAMembersMediaHeldForTheDailyDigestAreNotSentAfterTheyDeleteTheirData() {
        Sent question = started();
        awaitRecorded(question);
        int said = telegram.textsSentTo(chat).size();
        telegram.groupText(chat, facilitator, "/ringkasan harian", null);
        GroupJourney.awaitStep(telegram, "the digest chosen", () -> telegram.textsSentTo(chat).size() > said);
        long voice = telegram.voiceNote(chat, budi, question.messageId(), 42, OGG).messageId();
        long photo = telegram.photo(chat, ani, question.messageId(), "sumur tua", JPEG).messageId();
        telegram.location(chat, sari, question.messageId(), -7.801194, 110.364917);
        String digest = ConversationKeys.digest(Long.toString(facilitator.id()));
        GroupJourney.awaitStep(telegram, "the summary and copies held for the digest",
                () -> heldCopies(digest).size() == 3);
        assertThat(telegram.copiesIn(facilitator.id())).isEmpty();

        deleteTheirData(budi);

        GroupJourney.awaitStep(telegram, "Budi's copy out of the digest", () -> heldCopies(digest).size() == 2);
        assertThat(heldCopies(digest)).extracting(c -> c.copyOf().messageId())
                .doesNotContain(Long.toString(voice)).contains(Long.toString(photo));
        assertThat(held(digest)).noneMatch(json -> json.contains("Budi"));
    }

    @Test
    void aVoiceNoteOverTwentyMegabytesStillReachesTheFacilitatorAndIsOtherwiseSaidToBeTooBig() throws Exception {
        Sent question = started();
        awaitRecorded(question);
        int getFiles = telegram.calls("getFile").size();
        int heard = stt.findAll(postRequestedFor(urlPathEqualTo("/v1/audio/transcriptions"))).size();
        long notTranscribed = app.getBean(SpeechToText.class).notTranscribed();
        long voice = telegram.voiceNote(chat, budi, question.messageId(), 1500, OGG, 25L * 1024 * 1024).messageId();
        telegram.photo(chat, ani, question.messageId(), "sumur tua", JPEG);
        telegram.location(chat, sari, question.messageId(), -7.801194, 110.364917);

        // copyMessage has no size limit: the facilitator gets the big voice note like any other
        GroupJourney.awaitStep(telegram, "three copies", () -> telegram.copiesIn(facilitator.id()).size() == 3);
        assertThat(telegram.copiesIn(facilitator.id())).extracting(FakeTelegram.Copy::fromMessageId).contains(voice);
        // speech to text says it is too big, fetching nothing and sending nothing
        GroupJourney.awaitStep(telegram, "speech to text done with it",
                () -> app.getBean(SpeechToText.class).notTranscribed() > notTranscribed);
        assertThat(stt.findAll(postRequestedFor(urlPathEqualTo("/v1/audio/transcriptions")))).hasSize(heard);
        // the dashboard answers 413 for the file and fetches nothing; the answer stays, in the summary too
        String session = login(facilitator);
        HttpResponse<byte[]> audio = bytes("/dashboard/grup/" + chat + "/media/" + voice, session);
        assertThat(audio.statusCode()).isEqualTo(413);
        // the page says why instead of offering a player that cannot play
        String page = page("/dashboard/grup/" + chat, session).body();
        assertThat(page).contains("Berkas ini lebih dari 20 MB")
                .doesNotContain("<audio src=\"/dashboard/grup/" + chat + "/media/" + voice + "\"");
        assertThat(telegram.calls("getFile")).hasSize(getFiles);
        // the stage's summary names it (found by its line: the facilitator may have had others' summaries first)
        GroupJourney.awaitStep(telegram, "the summary naming the voice note", () -> telegram.summaries(facilitator.id())
                .stream().anyMatch(summary -> summary.text().contains("🎤 Budi, pesan suara 25:00")));
        assertThat(storedAnswers()).anyMatch(a -> a.media() != null && a.media().sizeBytes() == 25L * 1024 * 1024);
    }

    @Test
    void aSpeechToTextServerThatFailsLeavesTheVoiceAnswerAsItWasAfterThreeTries() {
        Sent question = started();
        awaitRecorded(question);
        SpeechToText speech = app.getBean(SpeechToText.class);
        long failedBefore = speech.notTranscribed();
        int heard = stt.findAll(postRequestedFor(urlPathEqualTo("/v1/audio/transcriptions"))).size();
        stt.stubFor(post(urlPathEqualTo("/v1/audio/transcriptions")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("model crashed")));
        try {
            telegram.voiceNote(chat, budi, question.messageId(), 42, OGG);
            GroupJourney.awaitStep(telegram, "speech to text given up", () -> speech.notTranscribed() > failedBefore);
            // tried three times (rembug.stt.attempts), no more
            assertThat(stt.findAll(postRequestedFor(urlPathEqualTo("/v1/audio/transcriptions")))).hasSize(heard + 3);
        } finally {
            stt.resetAll();
            stt.stubFor(post(urlPathEqualTo("/v1/audio/transcriptions"))
                    .willReturn(okJson("{\"text\": \"" + HEARD + "\"}")));
        }
        telegram.photo(chat, ani, question.messageId(), "sumur tua", JPEG);
        telegram.location(chat, sari, question.messageId(), -7.801194, 110.364917);

        GroupJourney.awaitStep(telegram, "the summary", () -> !telegram.summaries(facilitator.id()).isEmpty());
        assertThat(telegram.summaries(facilitator.id()).get(0).text()).contains("🎤 Budi, pesan suara 0:42")
                .doesNotContain("ditulis mesin");
        // the answer is kept as it came, without words
        assertThat(storedAnswers()).hasSize(3).noneMatch(a -> heard(a, HEARD));
    }

    /** {@code /hapusdata} in the group, confirmed with the question's yes. */
    private void deleteTheirData(Person member) {
        telegram.groupText(chat, member, "/hapusdata", null);
        java.util.function.Predicate<Sent> question = m -> m.text().contains(member.firstName()) && m.allButtons().size() == 2;
        GroupJourney.awaitStep(telegram, "the confirmation", () -> telegram.sentTo(chat).stream().anyMatch(question));
        Sent confirm = telegram.sentTo(chat).stream().filter(question).reduce((a, b) -> b).orElseThrow();
        telegram.press(member, confirm, confirm.allButtons().get(0).data());
    }

    private static List<String> held(String list) {
        try (var redis = io.lettuce.core.RedisClient.create(RedisServerExtension.url()).connect()) {
            return redis.sync().lrange(list, 0, -1);
        }
    }

    private static List<Outgoing> heldCopies(String list) {
        return held(list).stream().map(ChannelCodec::readOutgoing).filter(m -> m.copyOf() != null).toList();
    }

    /** Every answer the group keeps, read as the dashboard reads them (answers hash and stage summaries). */
    private java.util.stream.Stream<id.rembug.dialogues.engine.Answer> storedAnswers() {
        String group = Long.toString(chat);
        try (var redis = io.lettuce.core.RedisClient.create(RedisServerExtension.url()).connect()) {
            return new id.rembug.bot.conversation.GroupRecordCodec().answers(
                    redis.sync().hgetall(ConversationKeys.answers(group)),
                    redis.sync().hvals(ConversationKeys.milestones(group))).stream();
        }
    }

    private static boolean heard(id.rembug.dialogues.engine.Answer answer, String words) {
        return answer.media() != null && words.equals(answer.media().transcript());
    }

    private void awaitRecorded(Sent question) {
        GroupJourney.awaitStep(telegram, "the question's id recorded", () -> {
            try (var redis = io.lettuce.core.RedisClient.create(RedisServerExtension.url()).connect()) {
                return redis.sync().hexists(id.rembug.bot.dispatch.DispatchKeys.sentMessages(Long.toString(chat)),
                        Long.toString(question.messageId()));
            }
        });
    }
}
