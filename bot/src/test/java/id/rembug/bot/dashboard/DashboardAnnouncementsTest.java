package id.rembug.bot.dashboard;

import id.rembug.bot.broadcast.BroadcastService;
import id.rembug.bot.broadcast.GroupDirectory;
import id.rembug.bot.broadcast.Target;
import id.rembug.bot.simulator.Persona;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The announcements pages over real HTTP: broadcasts made through {@link BroadcastService}, delivered
 * by the app's own fan-out to simulator groups, answered by residents pressing the RSVP buttons.
 */
@DashboardApp
class DashboardAnnouncementsTest extends DashboardAppTest {

    // Facilitators of their own, so groups other test classes make in this shared app are not theirs.
    private static final String WULAN = Persona.named("Fasilitator Wulan").id();
    private static final String YUSUF = Persona.named("Fasilitator Yusuf").id();
    private static String wulanGroup;
    private static String yusufGroup;
    /** Reaches every group: Wulan's resident says she comes, Yusuf's resident says he does not. */
    private static String everyone;
    /** Reaches only Yusuf's group, by its tag. */
    private static String yusufOnly;

    @Autowired
    private BroadcastService broadcasts;
    @Autowired
    private GroupDirectory directory;

    @BeforeEach
    void seedOnce() {
        DashboardGroups groups = dashboardGroups();
        if (wulanGroup == null) {
            wulanGroup = groups.groupWithAnswers("Umumkan Sukamaju", "Fasilitator Wulan", Map.of("Intan", "Saya Intan"));
            yusufGroup = groups.groupWithAnswers("Umumkan Cibeureum", "Fasilitator Yusuf", Map.of("Joko", "Saya Joko"));
            directory.addTag(yusufGroup, "uji-rw-yusuf");
            everyone = groups.announce(broadcasts, "Rapat akbar semua RW", new Target.All(), wulanGroup, yusufGroup);
            yusufOnly = groups.announce(broadcasts, "Kerja bakti khusus Cibeureum", new Target.Tagged("uji-rw-yusuf"),
                    yusufGroup);
            groups.rsvp(broadcasts, everyone, wulanGroup, "Intan", 0);
            groups.rsvp(broadcasts, everyone, yusufGroup, "Joko", 1);
        }
    }

    @Test
    void staffSeeEveryAnnouncementWithEveryGroupsDeliveryAndRsvp() {
        DashboardHttp staff = loggedInAs(DashboardApp.STAFF_ID);
        Document list = page(staff, "/dashboard/pengumuman");
        assertThat(row(list, everyone).text()).contains("Rapat akbar semua RW");
        assertThat(row(list, yusufOnly).text()).contains("Kerja bakti khusus Cibeureum");

        Document report = page(staff, "/dashboard/pengumuman/" + everyone);
        assertThat(groupRows(report)).contains(wulanGroup, yusufGroup);
        assertThat(reportRow(report, wulanGroup)).containsExactly(wulanGroup, "terkirim", "1", "0", "0");
        assertThat(reportRow(report, yusufGroup)).containsExactly(yusufGroup, "terkirim", "0", "1", "0");
    }

    @Test
    void aFacilitatorSeesOnlyAnnouncementsThatReachedTheirGroupsAndOnlyTheirGroupsRows() {
        DashboardHttp wulan = loggedInAs(WULAN);
        Document list = page(wulan, "/dashboard/pengumuman");
        assertThat(list.select("tr.announcement-row").eachAttr("data-announcement")).containsExactly(everyone);
        // Totals count Wulan's group alone: delivered 1, pending 0, failed 0, coming 1, not coming 0, maybe 0.
        assertThat(row(list, everyone).select("td").eachText().subList(4, 10))
                .containsExactly("1", "0", "0", "1", "0", "0");

        Document report = page(wulan, "/dashboard/pengumuman/" + everyone);
        assertThat(groupRows(report)).containsExactly(wulanGroup);
        assertThat(report.text()).doesNotContain(yusufGroup);
        assertThat(report.selectFirst("#rsvp-totals").text()).startsWith("1 Hadir · 0 Tidak hadir");

        // Changing the URL to an announcement that never reached her groups reads as not found.
        assertThat(wulan.get("/dashboard/pengumuman/" + yusufOnly).statusCode()).isEqualTo(404);
        assertThat(wulan.text("/dashboard/pengumuman/" + yusufOnly)).doesNotContain("Kerja bakti");
    }

    @Test
    void theOtherFacilitatorSeesTheirOwnRowsAndTheirOwnAnnouncement() {
        DashboardHttp yusuf = loggedInAs(YUSUF);
        assertThat(page(yusuf, "/dashboard/pengumuman").select("tr.announcement-row").eachAttr("data-announcement"))
                .containsExactlyInAnyOrder(everyone, yusufOnly);
        Document report = page(yusuf, "/dashboard/pengumuman/" + everyone);
        assertThat(groupRows(report)).containsExactly(yusufGroup);
        assertThat(report.text()).doesNotContain(wulanGroup);
    }

    @Test
    void someoneWithNoGroupsSeesNoAnnouncements() {
        DashboardHttp stranger = loggedInAs("98765");
        Document list = page(stranger, "/dashboard/pengumuman");
        assertThat(list.select("tr.announcement-row")).isEmpty();
        assertThat(list.getElementById("no-announcements")).isNotNull();
        assertThat(stranger.get("/dashboard/pengumuman/" + everyone).statusCode()).isEqualTo(404);
    }

    @Test
    void unknownOrMalformedAnnouncementIdsAreNotFoundAndAnonymousVisitorsMustLogIn() {
        DashboardHttp admin = new DashboardHttp(port);
        admin.adminLogin(DashboardApp.ADMIN_PASSWORD);
        assertThat(admin.get("/dashboard/pengumuman/999999999").statusCode()).isEqualTo(404);
        assertThat(admin.get("/dashboard/pengumuman/abc").statusCode()).isEqualTo(404);
        assertThat(new DashboardHttp(port).get("/dashboard/pengumuman").statusCode()).isEqualTo(302);
        assertThat(new DashboardHttp(port).get("/dashboard/pengumuman/" + everyone).statusCode()).isEqualTo(302);
    }

    @Test
    void thePagesSpeakEnglishWhenAsked() {
        DashboardHttp staff = loggedInAs(DashboardApp.STAFF_ID);
        Document report = page(staff, "/dashboard/pengumuman/" + everyone + "?lang=en");
        assertThat(reportRow(report, wulanGroup)).containsExactly(wulanGroup, "delivered", "1", "0", "0");
        assertThat(report.selectFirst("#nav-announcements").text()).isEqualTo("Announcements");
    }

    private DashboardHttp loggedInAs(String userId) {
        DashboardHttp http = new DashboardHttp(port);
        assertThat(http.redeem(links.issue(userId)).statusCode()).isEqualTo(302);
        return http;
    }

    private static Document page(DashboardHttp http, String path) {
        var response = http.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Element row(Document list, String id) {
        Element row = list.selectFirst("tr.announcement-row[data-announcement=" + id + "]");
        assertThat(row).as("announcement " + id).isNotNull();
        return row;
    }

    private static List<String> groupRows(Document report) {
        return report.select("tr.report-row").eachAttr("data-group");
    }

    private static List<String> reportRow(Document report, String groupId) {
        Element row = report.selectFirst("tr.report-row[data-group=\"" + groupId + "\"]");
        assertThat(row).as("row of " + groupId).isNotNull();
        return row.select("td").stream().map(td -> td.ownText().isEmpty() ? td.text() : td.ownText()).toList();
    }
}
