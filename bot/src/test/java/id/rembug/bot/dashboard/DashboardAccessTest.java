package id.rembug.bot.dashboard;

import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.simulator.Persona;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may open what, over real HTTP against the whole app, with groups made through the simulator. */
@DashboardApp
class DashboardAccessTest extends DashboardAppTest {

    private static final String SARI = Persona.named("Fasilitator Sari").id();
    private static final String TONO = Persona.named("Fasilitator Tono").id();
    private static String sariGroup;
    private static String tonoGroup;

    private DashboardGroups groups;

    @BeforeEach
    void seedOnce() {
        groups = dashboardGroups();
        if (sariGroup == null) {
            sariGroup = groups.groupWithAnswers("RT 3 Sukamaju", "Fasilitator Sari",
                    answers("Ani", "Saya Ani, penjahit di RT 3", "Budi", "Saya Budi, tukang ojek, suka berkebun"));
            tonoGroup = groups.groupWithAnswers("RW 7 Cibeureum", "Fasilitator Tono",
                    answers("Citra", "Saya Citra, guru PAUD", "Dedi", "Saya Dedi, pedagang sayur"));
        }
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPageAndDownloadsAreRefused() {
        DashboardHttp anonymous = new DashboardHttp(port);
        HttpResponse<byte[]> overview = anonymous.get("/dashboard");
        assertThat(overview.statusCode()).isEqualTo(302);
        assertThat(overview.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/dashboard/masuk"));
        assertThat(anonymous.get("/dashboard/grup/" + sariGroup).statusCode()).isEqualTo(302);
        assertThat(anonymous.get("/dashboard/grup/" + sariGroup + "/ekspor.csv").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/dashboard/ekspor.json").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/dashboard/masuk").statusCode()).isEqualTo(200);
    }

    @Test
    void theSimulatorStaysOpenWithoutLogin() {
        assertThat(new DashboardHttp(port).get("/simulator").statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongAdminPasswordIsRefusedAndTheRightOneOpensEveryGroup() {
        DashboardHttp http = new DashboardHttp(port);
        assertThat(http.adminLogin("tebakan").statusCode()).isEqualTo(401);
        assertThat(http.session()).isEmpty();
        assertThat(http.adminLogin(DashboardApp.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
        String overview = http.text("/dashboard");
        assertThat(overview).contains(sariGroup).contains(tonoGroup);
        assertThat(http.get("/dashboard/grup/" + tonoGroup).statusCode()).isEqualTo(200);
    }

    @Test
    void aFacilitatorCannotOpenAnotherFacilitatorsGroupByChangingTheUrl() {
        DashboardHttp sari = loggedInAs(SARI);
        assertThat(sari.get("/dashboard/grup/" + sariGroup).statusCode()).isEqualTo(200);
        assertThat(sari.text("/dashboard")).contains(sariGroup).doesNotContain(tonoGroup);
        assertThat(sari.get("/dashboard/grup/" + tonoGroup).statusCode()).isEqualTo(404);
        for (String format : List.of("csv", "xlsx", "json")) {
            assertThat(sari.get("/dashboard/grup/" + tonoGroup + "/ekspor." + format).statusCode()).isEqualTo(404);
        }
        assertThat(sari.text("/dashboard/ekspor.csv")).contains("Saya Ani").doesNotContain("Saya Citra");
        assertThat(sari.text("/dashboard/grup/" + tonoGroup)).doesNotContain("Saya Citra");
    }

    @Test
    void tagsKeptForAGroupShowOnTheOverviewAndItsPage() {
        // Tags have no writer in the app yet (staff broadcasts will add one); the dashboard reads the SET.
        redis.opsForSet().add(ConversationKeys.tags(sariGroup), "Kelurahan Sukamaju");
        DashboardHttp sari = loggedInAs(SARI);
        assertThat(sari.text("/dashboard")).contains("Kelurahan Sukamaju");
        assertThat(sari.text("/dashboard/grup/" + sariGroup)).contains("Kelurahan Sukamaju");
    }

    @Test
    void staffSeeEveryGroup() {
        DashboardHttp staff = loggedInAs(DashboardApp.STAFF_ID);
        assertThat(staff.text("/dashboard")).contains(sariGroup).contains(tonoGroup);
        assertThat(staff.get("/dashboard/grup/" + tonoGroup).statusCode()).isEqualTo(200);
        assertThat(staff.text("/dashboard/ekspor.csv")).contains("Saya Ani").contains("Saya Citra");
    }

    @Test
    void someoneWhoFacilitatesNoGroupSeesNone() {
        DashboardHttp stranger = loggedInAs("12345");
        assertThat(stranger.text("/dashboard")).doesNotContain(sariGroup).doesNotContain(tonoGroup);
        assertThat(stranger.get("/dashboard/grup/" + sariGroup).statusCode()).isEqualTo(404);
    }

    @Test
    void aLoginLinkWorksOnceOnly() {
        String token = links.issue(SARI);
        DashboardHttp first = new DashboardHttp(port);
        assertThat(first.redeem(token).statusCode()).isEqualTo(302);
        DashboardHttp second = new DashboardHttp(port);
        assertThat(second.redeem(token).statusCode()).isEqualTo(410);
        assertThat(second.session()).isEmpty();
        assertThat(second.get("/dashboard").statusCode()).isEqualTo(302);
    }

    @Test
    void theBotAnswersMasukInAPrivateChatWithALinkThatLogsIn() {
        String token = groups.loginToken(SARI);
        DashboardHttp http = new DashboardHttp(port);
        assertThat(http.get("/dashboard/masuk/" + token).statusCode()).isEqualTo(200); // a preview does not use it up
        assertThat(http.redeem(token).statusCode()).isEqualTo(302);
        assertThat(http.text("/dashboard")).contains(sariGroup);
    }

    @Test
    void afterLoggingOutTheSessionOpensNothing() {
        DashboardHttp sari = loggedInAs(SARI);
        String session = sari.session().orElseThrow();
        assertThat(sari.post("/dashboard/keluar", "").statusCode()).isEqualTo(302);
        DashboardHttp replay = DashboardHttp.withSession(port, session);
        assertThat(replay.get("/dashboard/grup/" + sariGroup).statusCode()).isEqualTo(302);
    }

    @Test
    void exportsCarryTheDocumentedColumnsInEveryFormat() throws IOException {
        DashboardHttp sari = loggedInAs(SARI);
        String base = "/dashboard/grup/" + sariGroup + "/ekspor.";

        List<String> csv = sari.text(base + "csv").lines().toList();
        assertThat(csv.get(0)).isEqualTo("\uFEFF" + String.join(",", AnswerExport.COLUMNS));
        assertThat(csv).anySatisfy(line -> assertThat(line).startsWith(sariGroup + ",").contains("Saya Ani, penjahit di RT 3"));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(sari.get(base + "xlsx").body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).isEqualTo(AnswerExport.COLUMNS);
            List<String> answers = new ArrayList<>();
            for (Row row : sheet) {
                answers.add(row.getCell(AnswerExport.COLUMNS.indexOf("answer")).getStringCellValue());
            }
            assertThat(answers).contains("Saya Ani, penjahit di RT 3", "Saya Budi, tukang ojek, suka berkebun");
        }

        JsonNode json = JsonMapper.builder().build().readTree(sari.get(base + "json").body());
        assertThat(json.size()).isEqualTo(2);
        List<String> keys = new ArrayList<>(json.get(0).propertyNames());
        assertThat(keys).isEqualTo(AnswerExport.COLUMNS);
        assertThat(json.get(0).get("group_id").asString()).isEqualTo(sariGroup);
    }

    @Test
    void deletingAMembersDataRemovesItFromPagesAndExports() {
        Map<String, String> answers = answers("Eka", "Saya Eka, pengurus posyandu", "Fajar", "Saya Fajar, nelayan");
        String group = groups.groupWithAnswers("RT 9 Hapus", "Fasilitator Sari", answers);
        DashboardHttp sari = loggedInAs(SARI);
        assertThat(sari.text("/dashboard/grup/" + group)).contains("Saya Eka, pengurus posyandu");

        groups.deleteMyData(group, Persona.named("Eka").id());

        String page = sari.text("/dashboard/grup/" + group);
        assertThat(page).doesNotContain("Saya Eka, pengurus posyandu").contains("Saya Fajar, nelayan");
        for (String format : List.of("csv", "json")) {
            String export = sari.text("/dashboard/grup/" + group + "/ekspor." + format);
            assertThat(export).doesNotContain("pengurus posyandu").contains("Saya Fajar, nelayan");
        }
        assertThat(new String(sari.get("/dashboard/ekspor.csv").body(), StandardCharsets.UTF_8))
                .doesNotContain("pengurus posyandu");
    }

    private DashboardHttp loggedInAs(String userId) {
        DashboardHttp http = new DashboardHttp(port);
        assertThat(http.redeem(links.issue(userId)).statusCode()).isEqualTo(302);
        assertThat(http.session()).isPresent();
        return http;
    }

    private static Map<String, String> answers(String... nameThenAnswer) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < nameThenAnswer.length; i += 2) {
            answers.put(nameThenAnswer[i], nameThenAnswer[i + 1]);
        }
        return answers;
    }
}
