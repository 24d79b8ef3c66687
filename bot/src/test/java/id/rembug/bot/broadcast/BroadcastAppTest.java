package id.rembug.bot.broadcast;

import id.rembug.bot.testsupport.TestRedis;

import id.rembug.bot.RembugApplication;
import id.rembug.bot.channel.ChannelCodec;
import id.rembug.bot.channel.ChatUser;
import id.rembug.bot.channel.Inbound;
import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.pipeline.RedisInbox;
import id.rembug.bot.dashboard.StaffIds;
import id.rembug.bot.dashboard.Viewer;
import id.rembug.bot.testsupport.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The whole app: the REST API, staff commands in a private chat, /tag and RSVP buttons in a group. */
@SpringBootTest(classes = RembugApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rembug.dispatch.enabled=false", "rembug.simulator.enabled=false",
                "rembug.broadcast.api-token=s3cret-token", "rembug.staff-ids=900, 901"})
@TestRedis
@ExtendWith(OutputCaptureExtension.class)
class BroadcastAppTest {

    @LocalServerPort
    int port;
    @Autowired
    RedisInbox inbox;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    BroadcastService service;
    @Autowired
    StaffIds dashboardStaff;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String group = "-100" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
    private final AtomicInteger updates = new AtomicInteger();
    private final ChatUser staff = ChatUser.person("900", "Bu Rina");
    private final ChatUser resident = ChatUser.person("501", "Sari");

    private static final String BODY = """
            {"title": "Musyawarah dusun", "startsAt": "2026-12-12T14:00:00+07:00", "place": "Balai desa",
             "agenda": "Air bersih", "target": "tag:desa:sukamaju"}
            """;

    @Test
    void theApiRefusesRequestsWithoutTheBearerToken() throws Exception {
        assertThat(post(null).statusCode()).isEqualTo(401);
        assertThat(post("Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(get("/api/broadcasts/1", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedForTheMissingTokenFirstAndNeverLogged(CapturedOutput output) throws Exception {
        String garbage = "{\"title\": \"Rahasia warga Kampung Melati\", startsAt";
        assertThat(post(null, garbage).statusCode()).isEqualTo(401);
        assertThat(post("Bearer wrong", garbage).statusCode()).isEqualTo(401);

        HttpResponse<String> withToken = post("Bearer s3cret-token", garbage);
        assertThat(withToken.statusCode()).isEqualTo(400);
        assertThat(withToken.body()).contains("not a broadcast in JSON");
        assertThat(output.getAll()).doesNotContain("Rahasia warga", "Kampung Melati");
    }

    @Test
    void aBodyOverTheCapIsRefusedWithoutBeingParsed() throws Exception {
        String huge = "{\"title\": \"" + "a".repeat(BroadcastController.MAX_BODY_BYTES) + "\"}";
        assertThat(post("Bearer s3cret-token", huge).statusCode()).isEqualTo(413);
    }

    @Test
    void theApiCreatesABroadcastThatReachesTheTaggedGroupAndReportsOnIt() throws Exception {
        say(group, false, staff, "/tag desa:sukamaju");
        awaitOutbox(Outgoing.Lane.CONVERSATION, group, 1);

        HttpResponse<String> created = post("Bearer s3cret-token");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"id\":\"1\"", "\"target\":\"tag:desa:sukamaju\"");

        List<Outgoing> announcement = awaitOutbox(Outgoing.Lane.BROADCAST, group, 1);
        assertThat(announcement.get(0).id()).isEqualTo("bc:1:" + group);

        HttpResponse<String> report = get("/api/broadcasts/1", "Bearer s3cret-token");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("\"targets\":1", "\"pending\":1");
        assertThat(get("/api/broadcasts/99", "Bearer s3cret-token").statusCode()).isEqualTo(404);
    }

    @Test
    void aRsvpButtonInTheGroupCountsTheVoteAndAPressAgainChangesIt() {
        BroadcastJob job = service.create(new Announcement("Rapat", Instant.now().plus(Duration.ofDays(3))
                .atZone(BroadcastWorld.JAKARTA), "Masjid", ""), new Target.All(), Instant.now().plus(Duration.ofDays(1)), "900");

        press(group, resident, "v|" + job.id() + "|y");
        List<Outgoing> toast = awaitOutbox(Outgoing.Lane.CONVERSATION, group, 1);
        assertThat(toast.get(0).kind()).isEqualTo(Outgoing.Kind.CALLBACK_ANSWER);
        assertThat(toast.get(0).text()).contains("Hadir");

        press(group, resident, "v|" + job.id() + "|m");
        awaitOutbox(Outgoing.Lane.CONVERSATION, group, 2);
        assertThat(service.report(job.id()).orElseThrow().rsvp()).isEqualTo(new Vote.Counts(0, 0, 1));
    }

    @Test
    void staffAddColleaguesAndReadReportsInPrivateWhileOthersArePolitelyRefused() {
        say("501", true, resident, "/laporan 1");
        assertThat(awaitOutbox(Outgoing.Lane.CONVERSATION, "501", 1).get(0).text()).contains("khusus untuk petugas");

        say("900", true, staff, "/staf tambah 501");
        assertThat(awaitOutbox(Outgoing.Lane.CONVERSATION, "900", 1).get(0).text()).contains("501");

        BroadcastJob job = service.create(new Announcement("Rapat", Instant.now().plus(Duration.ofDays(3))
                .atZone(BroadcastWorld.JAKARTA), "Masjid", ""), new Target.All(), Instant.now().plus(Duration.ofDays(1)), "900");
        say("501", true, resident, "/laporan " + job.id());
        assertThat(awaitOutbox(Outgoing.Lane.CONVERSATION, "501", 2).get(1).text())
                .contains("Laporan pengumuman " + job.id(), "Rapat");
    }

    @Test
    void aReportAskedForInAGroupIsPointedToThePrivateChatAndShowsNothing() {
        BroadcastJob job = service.create(new Announcement("Rapat rahasia", Instant.now().plus(Duration.ofDays(3))
                .atZone(BroadcastWorld.JAKARTA), "Masjid", ""), new Target.All(), Instant.now().plus(Duration.ofDays(1)), "900");

        say(group, false, staff, "/laporan " + job.id());

        String reply = awaitOutbox(Outgoing.Lane.CONVERSATION, group, 1).get(0).text();
        assertThat(reply).contains("chat pribadi").doesNotContain("Rapat rahasia", "Laporan pengumuman " + job.id());
    }

    @Test
    void staffAddedInTheChatCanBeRemovedThereButConfiguredStaffStay() {
        say("900", true, staff, "/staf tambah 501");
        awaitOutbox(Outgoing.Lane.CONVERSATION, "900", 1);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> dashboardStaff.viewerFor("501").role() == Viewer.Role.STAFF);

        say("900", true, staff, "/staf hapus 501");
        assertThat(awaitOutbox(Outgoing.Lane.CONVERSATION, "900", 2).get(1).text()).contains("501", "dihapus");
        say("501", true, resident, "/laporan 1");
        assertThat(awaitOutbox(Outgoing.Lane.CONVERSATION, "501", 1).get(0).text()).contains("khusus untuk petugas");
        assertThat(dashboardStaff.viewerFor("501").role()).isEqualTo(Viewer.Role.FACILITATOR);

        say("900", true, staff, "/staf hapus 901");
        assertThat(awaitOutbox(Outgoing.Lane.CONVERSATION, "900", 3).get(2).text()).contains("901", "konfigurasi");
        assertThat(dashboardStaff.viewerFor("901").role()).isEqualTo(Viewer.Role.STAFF);
    }

    @Test
    void onlyTheFacilitatorOrStaffChangeAGroupsTagsAndTheStageIsATagOfItsOwn() {
        say(group, false, resident, "/tag desa:sukamaju");
        assertThat(awaitOutbox(Outgoing.Lane.CONVERSATION, group, 1).get(0).text()).contains("hanya pendamping");

        say(group, false, staff, "/tag Desa:Sukamaju");
        say(group, false, resident, "/tag");
        List<Outgoing> replies = awaitOutbox(Outgoing.Lane.CONVERSATION, group, 3);
        assertThat(replies.get(2).text()).contains("desa:sukamaju", "tahap:");
    }

    // ---- helpers ----------------------------------------------------------------------------

    private void say(String chat, boolean privateChat, ChatUser from, String text) {
        int n = updates.incrementAndGet();
        inbox.append(List.of(new Inbound.Message("test:" + chat + ":" + n, chat, privateChat, Instant.now(), from,
                Integer.toString(n), text, null, false, false)));
    }

    private void press(String chat, ChatUser from, String data) {
        int n = updates.incrementAndGet();
        inbox.append(List.of(new Inbound.ButtonPressed("test:" + chat + ":" + n, chat, false, Instant.now(), from,
                "cb" + n, "77", data)));
    }

    private List<Outgoing> awaitOutbox(Outgoing.Lane lane, String chatId, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox(lane, chatId).size() >= count);
        return outbox(lane, chatId);
    }

    private List<Outgoing> outbox(Outgoing.Lane lane, String chatId) {
        List<String> raw = redis.opsForList().range(OutboxKeys.queue(lane, chatId), 0, -1);
        return raw == null ? List.of() : raw.stream().map(ChannelCodec::readOutgoing).toList();
    }

    private HttpResponse<String> post(String authorization) throws Exception {
        return post(authorization, BODY);
    }

    private HttpResponse<String> post(String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/broadcasts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
