package id.rembug.bot.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rembug.bot.conversation.GroupRecords;
import id.rembug.bot.dashboard.DashboardHttp;
import id.rembug.bot.pipeline.WakeUpScheduler;
import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegram.Person;
import id.rembug.bot.testsupport.FakeTelegram.Sent;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.bot.testsupport.RembugApp;
import id.rembug.bot.testsupport.TelegramAppProperties;
import id.rembug.bot.testsupport.TestRedis;
import id.rembug.dialogues.engine.ActionPlan;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.MessageKey;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole method, once, through the whole app: a group of three walks all 17 stages of the stock
 * flow on the fake Bot API, with a real Redis and the dashboard served over HTTP. On the way the
 * residents write candidate goals and vote, the facilitator confirms one and it is pinned; answers
 * of {@code plan: true} prompts become proposed actions the facilitator confirms; the owner is
 * reminded the day before (the wake-up delivered at that moment) and presses "done", another
 * action is finished with {@code /selesai}; two weeks into the development phase the bot checks in
 * and the residents' replies reach the facilitator; the facilitator records a face-to-face meeting
 * with a flipchart photo. Then all of it must show in the facilitator's summaries, on the
 * dashboard (the overview and the group's page) and in the exports (answers and plan, CSV, JSON
 * and XLSX), and the group must not have been sent more than the journey needs.
 */
@TestRedis
class SeventeenStageJourneyTest {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final Flow FLOW = GroupJourney.flow();
    private static final int KEMITRAAN = FLOW.indexOf("kemitraan");
    private static final int ARAH = FLOW.indexOf("arah");
    private static final int INTERAKSI = FLOW.indexOf("interaksi");
    private static final int MOBILISASI = FLOW.indexOf("mobilisasi");
    private static final Pattern NUMBERED = Pattern.compile("#(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] FLIPCHART = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F',
            'I', 'F', 0};
    private static final String MEETING = "/catat kemarin hadir 15 perempuan 8 keputusan: kerja bakti tiap Sabtu";

    private final FakeTelegram telegram = new FakeTelegram();

    @Test
    void aGroupAgreesPlansIsRemindedFinishesChecksInAndMeetsAndItAllShowsInSummariesDashboardAndExports()
            throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>(TelegramAppProperties.of(telegram));
        properties.put("spring.main.web-application-type", "servlet");
        properties.put("server.port", "0");
        // the wake-ups this test delivers weeks ahead would otherwise also bring the quiet-member nudge
        properties.put("rembug.conversation.nudge-after", "P60D");
        try (telegram; ConfigurableApplicationContext app = RembugApp.start(properties);
             GroupJourney group = new GroupJourney(telegram, 3)) {
            WakeUpScheduler wakeUps = app.getBean(WakeUpScheduler.class);
            GroupRecords records = app.getBean(GroupRecords.class);
            long chat = group.chatId();
            Person sari = group.residents().get(0);
            Person budi = group.residents().get(1);
            Person ani = group.residents().get(2);
            group.facilitatorStartsThePrivateChat();
            group.botJoinsAndTheGroupStarts();
            LocalDate due = LocalDate.now(JAKARTA).plusDays(5);
            String agreedGoal = null;
            int budiTask = 0;
            int kerjaBakti = 0;

            for (int stage = 0; stage < FLOW.stageCount(); stage++) {
                if (stage == INTERAKSI) {
                    // Budi's answer names who does it and by when, as an answer of a plan prompt may
                    group.answerAs(sari, stage, 0, group.awaitQuestion(stage, 0));
                    telegram.groupText(chat, budi, "kerja bakti selokan - Budi - " + due.getDayOfMonth() + "/"
                            + due.getMonthValue() + "/" + due.getYear(), group.awaitQuestion(stage, 0).messageId());
                    group.answerAs(ani, stage, 0, group.awaitQuestion(stage, 0));
                    for (int p = 1; p < FLOW.stage(stage).prompts().size(); p++) {
                        group.answer(stage, p, group.awaitQuestion(stage, p), 3);
                    }
                } else if (stage == MOBILISASI) {
                    weeksPass(group, wakeUps, records, budi, due, budiTask, kerjaBakti);
                    group.answerEveryQuestion(stage);
                } else {
                    group.answerEveryQuestion(stage);
                }
                Sent summary = group.awaitSummary(stage);
                if (stage == ARAH) {
                    agreedGoal = records.state(group.groupId()).orElseThrow().decisions().get(0).agreed();
                    assertThat(summary.text()).contains("🤝 Disepakati: " + agreedGoal);
                }
                if (stage == KEMITRAAN) {
                    budiTask = confirmProposal(group, "Jawaban Budi untuk tugas");
                    // the answer named no day: the plan says so, and reminds of nothing
                    assertThat(telegram.textsSentTo(chat)).contains(GroupJourney.text(MessageKey.PLAN_ADDED_NO_DATE,
                            Map.of("number", budiTask, "what", "Jawaban Budi untuk tugas", "owner", budi.firstName())));
                }
                if (stage == INTERAKSI) {
                    kerjaBakti = confirmProposal(group, "kerja bakti selokan");
                }
                if (stage == MOBILISASI) {
                    // the stage's summary carries the meeting recorded during it and the plan's standing
                    assertThat(summary.text()).contains(GroupJourney.text(MessageKey.MEETING_LINE, Map.of(
                            "date", LocalDate.now(JAKARTA).minusDays(1).toString(), "attended", 15, "women", 8,
                            "decisions", "kerja bakti tiap Sabtu")));
                    assertThat(summary.text()).contains("📋 Rencana aksi: 2 selesai");
                }
                if (stage < FLOW.stageCount() - 1) {
                    group.advanceFrom(summary);
                }
            }
            group.awaitFinished();

            // ---- the group: one agreed goal pinned, one reminder, each action's thanks once ----
            String pinned = GroupJourney.text(MessageKey.AGREED_GOAL, Map.of("text", agreedGoal));
            List<Long> pins = telegram.pinsIn(chat).stream().map(FakeTelegram.Pin::messageId).toList();
            assertThat(telegram.sentTo(chat)).filteredOn(s -> s.text().startsWith(pinned)).singleElement()
                    .satisfies(goal -> assertThat(pins).contains(goal.messageId()));
            assertThat(telegram.sentTo(chat)).filteredOn(s -> s.text().startsWith("⏰")).hasSize(1);
            for (Map.Entry<Integer, String> done : Map.of(kerjaBakti, "kerja bakti selokan", budiTask,
                    "Jawaban Budi untuk tugas").entrySet()) {
                String thanks = GroupJourney.text(MessageKey.PLAN_DONE, Map.of("number", done.getKey(),
                        "what", done.getValue(), "name", budi.firstName()));
                assertThat(telegram.textsSentTo(chat)).filteredOn(thanks::equals).hasSize(1);
            }

            GroupState state = records.state(group.groupId()).orElseThrow();
            ActionPlan plan = state.plan();
            assertThat(plan.action(kerjaBakti)).get().satisfies(a -> {
                assertThat(a.status()).isEqualTo(ActionPlan.Status.DONE);
                assertThat(a.reminded()).isTrue();
                assertThat(a.ownerName()).isEqualTo(budi.firstName());
                assertThat(a.due()).isEqualTo(due);
            });
            assertThat(plan.action(budiTask).orElseThrow().status()).isEqualTo(ActionPlan.Status.DONE);
            assertThat(plan.notes()).extracting(ActionPlan.Note::memberName)
                    .containsExactly(sari.firstName(), ani.firstName());
            assertThat(plan.meetings()).singleElement().satisfies(m -> {
                assertThat(m.stageKey()).isEqualTo("mobilisasi");
                assertThat(m.women()).isEqualTo(8);
                assertThat(m.photoFileId()).isNotBlank();
            });

            // ---- the facilitator's summaries: the check-in's notes, the plan at the end ----
            List<String> toFacilitator = telegram.textsSentTo(group.facilitator().id());
            assertThat(toFacilitator).anySatisfy(t -> assertThat(t).startsWith("📬")
                    .contains(sari.firstName() + ": selokan RT 07 sudah bersih separuh")
                    .contains(ani.firstName() + ": minggu depan kami lanjutkan"));
            group.assertCompleteJourney(List.of(chat));
            List<Sent> summaries = telegram.summaries(group.facilitator().id());
            assertThat(summaries.get(FLOW.stageCount() - 1).text()).contains("📋 Rencana aksi: 2 selesai");

            // ---- the dashboard, as the facilitator sees it after /masuk ----
            DashboardHttp dashboard = DashboardHttp.login(port(app), loginToken(group));
            String overview = dashboard.text("/dashboard");
            Matcher row = Pattern.compile("data-group=\"" + Pattern.quote(group.groupId()) + "\"(.*?)</li>",
                    Pattern.DOTALL).matcher(overview);
            assertThat(row.find()).as("the group on the overview").isTrue();
            assertThat(row.group(1)).contains("data-plan-done=\"2\"").contains("data-plan-meetings=\"1\"")
                    .contains("data-plan-check-in=\"1\"");
            assertThat(row.group(1)).contains("2 selesai · 0 segera · 0 terlambat").contains("#1 · 2 balasan");
            String page = dashboard.text("/dashboard/grup/" + group.groupId());
            assertThat(page).contains(agreedGoal).contains("kerja bakti selokan").contains("kerja bakti tiap Sabtu")
                    .contains("selokan RT 07 sudah bersih separuh");

            // ---- the exports ----
            String goal = agreedGoal;
            String kerjaBaktiRow = "action\t" + kerjaBakti + "\t";
            String answers = dashboard.text("/dashboard/grup/" + group.groupId() + "/ekspor.csv");
            assertThat(answers.lines().filter(l -> l.contains(",arah,") && l.contains(",tujuan,")))
                    .hasSize(3).allSatisfy(l -> assertThat(l).contains(goal));
            String planCsv = dashboard.text("/dashboard/grup/" + group.groupId() + "/rencana.csv");
            assertThat(planCsv.lines().filter(l -> l.contains(kerjaBaktiRow.replace('\t', ','))).findFirst()
                    .orElseThrow())
                    .contains("kerja bakti selokan", budi.firstName(), due.toString(), ",done,");
            assertThat(planCsv.lines().filter(l -> l.contains(",note,"))).hasSize(2);
            JsonNode planJson = JSON.readTree(dashboard.get("/dashboard/grup/" + group.groupId() + "/rencana.json")
                    .body());
            assertThat(planJson.findValues("kind")).extracting(JsonNode::asText).contains("meeting");
            Map<String, List<String>> sheets = xlsx(dashboard.get("/dashboard/grup/" + group.groupId()
                    + "/ekspor.xlsx"));
            assertThat(sheets).containsKeys("answers", "plan");
            assertThat(sheets.get("plan").get(0)).startsWith("group_id\tkind\tnumber");
            assertThat(sheets.get("plan")).anySatisfy(l -> assertThat(l).contains(kerjaBaktiRow)
                    .contains("kerja bakti selokan").contains("\tdone\t"));
            assertThat(sheets.get("plan")).filteredOn(l -> l.contains("\tnote\t")).hasSize(2);
            assertThat(sheets.get("plan")).anySatisfy(l -> assertThat(l).contains("\tmeeting\t")
                    .contains("kerja bakti tiap Sabtu").contains("\t15\t8\t"));

            // the program's workbook: every group the facilitator may see, plan sheet included
            assertThat(xlsx(dashboard.get("/dashboard/ekspor.xlsx")).get("plan"))
                    .anySatisfy(l -> assertThat(l).startsWith(group.groupId() + "\t" + kerjaBaktiRow));
            assertThat(dashboard.text("/dashboard?lang=en")).contains("Last plan check-in")
                    .contains("2 done · 0 due soon · 0 late").contains("#1 · 2 replies");

            // ---- what it cost the group ----
            long groupMessages = java.util.stream.Stream.of("sendMessage", "sendPoll")
                    .flatMap(method -> telegram.calls(method, chat).stream()).filter(FakeTelegram.Call::succeeded)
                    .count();
            System.out.printf("The 17-stage journey cost the group %d messages (bound %d)%n", groupMessages, bound());
            assertThat(groupMessages).isLessThanOrEqualTo(bound());
        }
    }

    /**
     * Between interaksi and mobilisasi, weeks pass: the reminder the day before the day, the owner
     * presses done; Budi finishes his other task with /selesai; two weeks into the phase the check-in
     * comes and two residents reply, two days later the facilitator gets their notes; the facilitator
     * records the face-to-face meeting of yesterday, with the flipchart photo.
     */
    private void weeksPass(GroupJourney group, WakeUpScheduler wakeUps, GroupRecords records, Person budi,
                        LocalDate due, int budiTask, int kerjaBakti) {
        long chat = group.chatId();
        Instant remindAt = due.minusDays(1).atTime(LocalTime.of(9, 1)).atZone(JAKARTA).toInstant();
        wakeUps.deliverDueAt(remindAt);
        group.awaitStep("the reminder", () -> telegram.sentTo(chat).stream().anyMatch(s -> s.text().startsWith("⏰")));
        Sent reminder = telegram.sentTo(chat).stream().filter(s -> s.text().startsWith("⏰")).findFirst()
                .orElseThrow();
        assertThat(reminder.text()).contains("#" + kerjaBakti + " kerja bakti selokan");
        String doneButton = reminder.allButtons().stream().filter(b -> b.label().contains("#" + kerjaBakti))
                .findFirst().orElseThrow().data();
        telegram.press(budi, reminder, doneButton);
        telegram.groupText(chat, budi, "/selesai " + budiTask, null);
        group.awaitStep("both done", () -> records.state(group.groupId()).orElseThrow().plan().openActions().isEmpty());

        // two weeks into the phase, in the morning
        Instant checkInAt = records.state(group.groupId()).orElseThrow().plan().nextCheckInAt();
        assertThat(checkInAt).as("the development phase schedules check-ins").isNotNull();
        Instant morning = checkInAt.atZone(JAKARTA).toLocalDate().plusDays(1).atTime(LocalTime.of(10, 0))
                .atZone(JAKARTA).toInstant();
        wakeUps.deliverDueAt(morning);
        String asked = GroupJourney.text(MessageKey.CHECK_IN, Map.of("actions", "")).lines().findFirst().orElseThrow();
        group.awaitStep("the check-in", () -> telegram.sentTo(chat).stream().anyMatch(s -> s.text().startsWith(asked)));
        Sent checkIn = telegram.sentTo(chat).stream().filter(s -> s.text().startsWith(asked)).findFirst().orElseThrow();
        assertThat(checkIn.text()).as("every agreed action is done by now")
                .contains(GroupJourney.text(MessageKey.CHECK_IN_ALL_DONE, Map.of()));
        group.awaitStep("the check-in's message id recorded", () ->
                group.redis().hexists(group.sentMessages(), Long.toString(checkIn.messageId())));
        telegram.groupText(chat, group.residents().get(0), "selokan RT 07 sudah bersih separuh", checkIn.messageId());
        telegram.groupText(chat, group.residents().get(2), "minggu depan kami lanjutkan", checkIn.messageId());
        group.awaitStep("two progress notes", () ->
                records.state(group.groupId()).orElseThrow().plan().notes().size() == 2);
        wakeUps.deliverDueAt(morning.plusSeconds(2 * 24 * 3600 + 60));
        group.awaitStep("the check-in's summary", () -> telegram.textsSentTo(group.facilitator().id()).stream()
                .anyMatch(t -> t.startsWith("📬")));

        telegram.photo(group.facilitator().id(), group.facilitator(), null, MEETING, FLIPCHART);
        group.awaitStep("the meeting recorded", () ->
                records.state(group.groupId()).orElseThrow().plan().meetings().size() == 1);
    }

    /** The facilitator presses "confirm" under the proposal whose line names {@code what}; returns its number. */
    private int confirmProposal(GroupJourney group, String what) {
        Sent[] proposals = new Sent[1];
        group.awaitStep("the proposals naming " + what, () -> {
            proposals[0] = telegram.sentTo(group.facilitator().id()).stream()
                    .filter(s -> s.text().contains(what))
                    .filter(s -> s.allButtons().stream().anyMatch(b -> b.data().contains("CONFIRM_ACTION")))
                    .reduce((a, b) -> b).orElse(null);
            return proposals[0] != null;
        });
        String line = proposals[0].text().lines().filter(l -> l.contains(what)).findFirst().orElseThrow();
        Matcher number = NUMBERED.matcher(line);
        assertThat(number.find()).as("a numbered line: %s", line).isTrue();
        int n = Integer.parseInt(number.group(1));
        String data = proposals[0].allButtons().stream().filter(b -> b.label().contains("#" + n)).findFirst()
                .orElseThrow().data();
        telegram.press(group.facilitator(), proposals[0], data);
        String added = "📌 Rencana #" + n + ": " + what;
        group.awaitStep("#" + n + " in the plan", () -> telegram.textsSentTo(group.chatId()).stream()
                .anyMatch(t -> t.startsWith(added)));
        return n;
    }

    /**
     * What the journey may cost the group: each question once (a stage's first together with its
     * opening) and each stage's closing; a poll per decision (the agreed text carries the next
     * question); per confirmed action its confirmation and the thanks when done, and the one
     * reminder the day before; the check-in and one thank-you for its replies; the greeting when
     * the bot joins and the facilitator's claim. Everything else went to the facilitator's private
     * chat, or was a toast or an edit.
     */
    private static long bound() {
        long questions = FLOW.stages().stream().mapToLong(s -> s.prompts().size()).sum();
        long decisions = FLOW.stages().stream().flatMap(s -> s.prompts().stream()).filter(p -> p.decision()).count();
        long confirmedActions = 2;
        return questions + FLOW.stageCount() + decisions + confirmedActions * 2 + 1 + 2 + 2;
    }

    private String loginToken(GroupJourney group) {
        int before = telegram.textsSentTo(group.facilitator().id()).size();
        telegram.privateText(group.facilitator(), "/masuk");
        Pattern link = Pattern.compile("/dashboard/masuk/([A-Za-z0-9_-]+)");
        String[] token = new String[1];
        group.awaitStep("the login link", () -> {
            token[0] = telegram.textsSentTo(group.facilitator().id()).stream().skip(before)
                    .map(link::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst().orElse(null);
            return token[0] != null;
        });
        return token[0];
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    /** Each sheet of the workbook as lines of tab-separated cells, as a spreadsheet shows them. */
    private static Map<String, List<String>> xlsx(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, List<String>> sheets = new LinkedHashMap<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            for (Sheet sheet : workbook) {
                List<String> lines = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.getLastCellNum(); i++) {
                        cells.add(row.getCell(i) == null ? "" : format.formatCellValue(row.getCell(i)));
                    }
                    lines.add(String.join("\t", cells));
                }
                sheets.put(sheet.getSheetName(), lines);
            }
        }
        return sheets;
    }
}
