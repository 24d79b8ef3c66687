package id.rembug.bot.dashboard;

import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.Decision;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.Prompt;
import id.rembug.dialogues.flow.Stage;
import id.rembug.dialogues.goal.GoalCriterion;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A group's (or a program's) answers as one flat table, written as CSV, XLSX or JSON. The column
 * names in {@link #COLUMNS} are a promise to whoever builds spreadsheets on them: documented in the
 * README, only ever added to at the end.
 */
public final class AnswerExport {

    public static final List<String> COLUMNS = List.of("group_id", "stage", "stage_title", "round", "prompt",
            "prompt_text", "member_id", "member_name", "answer", "items", "goal_realistic", "goal_measurable",
            "goal_time_framed", "goal_scoped", "answered_at", "late", "decision_votes", "decision_agreed",
            "media", "media_link", "machine_transcript");

    /** Several items of a list answer share one cell in CSV and XLSX, joined by this. */
    public static final String ITEM_SEPARATOR = " | ";

    private static final List<GoalCriterion> GOAL_COLUMNS = List.of(GoalCriterion.REALISTIC,
            GoalCriterion.MEASURABLE, GoalCriterion.TIME_FRAMED, GoalCriterion.SCOPED);

    /** One answer, ready to write. Goal fields are null for answers that are not goals. */
    public record Row(String groupId, String stage, String stageTitle, int round, String prompt, String promptText,
                      String memberId, String memberName, String answer, List<String> items,
                      Map<GoalCriterion, Boolean> goal, String answeredAt, boolean late, Integer decisionVotes,
                      String decisionAgreed, String media, String mediaLink,
                      String machineTranscript) {

        List<Object> cells() {
            List<Object> cells = new ArrayList<>(List.of(groupId, stage, stageTitle, round, prompt, promptText,
                    memberId, memberName, answer, String.join(ITEM_SEPARATOR, items)));
            for (GoalCriterion criterion : GOAL_COLUMNS) {
                cells.add(goal == null ? "" : goal.get(criterion) ? "yes" : "no");
            }
            cells.add(answeredAt);
            cells.add(late ? "yes" : "no");
            cells.add(decisionVotes == null ? "" : decisionVotes);
            cells.add(nullToEmpty(decisionAgreed));
            cells.add(media);
            cells.add(mediaLink);
            cells.add(machineTranscript);
            return cells;
        }

        Map<String, Object> asJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            List<Object> values = new ArrayList<>(List.of(groupId, stage, stageTitle, round, prompt, promptText,
                    memberId, memberName, answer, items));
            for (GoalCriterion criterion : GOAL_COLUMNS) {
                values.add(goal == null ? null : goal.get(criterion));
            }
            values.add(answeredAt);
            values.add(late);
            values.add(decisionVotes);
            values.add(decisionAgreed);
            values.add(media.isEmpty() ? null : media);
            values.add(mediaLink.isEmpty() ? null : mediaLink);
            values.add(machineTranscript.isEmpty() ? null : machineTranscript);
            for (int i = 0; i < COLUMNS.size(); i++) {
                json.put(COLUMNS.get(i), values.get(i));
            }
            return json;
        }
    }

    private AnswerExport() {
    }

    /**
     * With the group's decisions: an answer to a decision prompt carries the votes its wording got
     * as a candidate and the wording the group agreed on (the same for every answer of the prompt).
     *
     * @param dashboard where the dashboard is reached ({@code https://host}), for the links to media
     *                  answers: a photo or voice note opens there, for whoever may see the group
     * @param withoutName what stands for the member of an answer to a private question shown without
     *                    names ("tanpa nama"); its member id is left empty too
     */
    public static List<Row> rows(String groupId, List<Answer> answers, List<Decision> decisions, Flow flow,
                                 Language language, String dashboard, String withoutName) {
        return answers.stream().map(a -> row(groupId, a, flow, language, dashboard, withoutName, decisions.stream()
                .filter(d -> d.stageKey().equals(a.stageKey()) && d.round() == a.round()
                        && d.promptKey().equals(a.promptKey())).findFirst().orElse(null))).toList();
    }

    static Row row(String groupId, Answer a, Flow flow, Language language, String dashboard, String withoutName,
                   Decision decision) {
        Stage stage = flow.stage(a.stageKey()).orElse(null);
        Prompt prompt = stage == null ? null : stage.prompt(a.promptKey()).orElse(null);
        Map<GoalCriterion, Boolean> goal = null;
        if (a.goal() != null) {
            goal = new LinkedHashMap<>();
            for (GoalCriterion criterion : GOAL_COLUMNS) {
                goal.put(criterion, a.goal().met().contains(criterion));
            }
        }
        return new Row(groupId, a.stageKey(), stage == null ? "" : stage.methodName().in(language), a.round(),
                a.promptKey(), prompt == null ? "" : prompt.text().in(language), a.anonymous() ? "" : a.memberId(),
                nullToEmpty(a.shownName(withoutName)), readableValue(a, prompt, language), a.items(), goal,
                a.answeredAt() == null ? "" : DateTimeFormatter.ISO_INSTANT.format(a.answeredAt()), a.late(),
                decision == null ? null : candidateVotes(decision, a), decision == null ? null : decision.agreed(),
                a.media() == null ? "" : a.media().kind().yamlName(), mediaLink(groupId, a, dashboard),
                a.media() == null || a.media().transcript() == null ? "" : a.media().transcript());
    }

    /** The votes the answer's wording got as a candidate (each of a list answer's items counted). */
    private static int candidateVotes(Decision decision, Answer a) {
        List<String> texts = a.items().isEmpty() ? List.of(nullToEmpty(a.value()).strip()) : a.items();
        List<Integer> tally = decision.tally();
        int votes = 0;
        for (int i = 0; i < decision.candidates().size(); i++) {
            if (texts.stream().anyMatch(decision.candidates().get(i).text()::equalsIgnoreCase)) {
                votes += tally.get(i);
            }
        }
        return votes;
    }

    /** A file opens on the dashboard; a place is shown on the group's map. */
    static String mediaLink(String groupId, Answer a, String dashboard) {
        if (a.media() == null) {
            return "";
        }
        String group = dashboard + "/dashboard/grup/" + groupId;
        return a.media().fileId() != null && a.messageRef() != null ? group + "/media/" + a.messageRef()
                : group + "#places";
    }

    /** A choice answer is stored as the option's key; people read its label. */
    static String readableValue(Answer a, Prompt prompt, Language language) {
        String value = nullToEmpty(a.value());
        if (prompt != null && !prompt.choices().isEmpty()) {
            return prompt.choice(value).map(c -> c.label().in(language)).orElse(value);
        }
        return value;
    }

    public static void writeCsv(List<Row> rows, OutputStream out) {
        StringBuilder csv = new StringBuilder("\uFEFF"); // a BOM, so spreadsheet programs read UTF-8
        csv.append(String.join(",", COLUMNS)).append("\r\n");
        for (Row row : rows) {
            List<String> cells = row.cells().stream().map(String::valueOf).map(AnswerExport::csvCell).toList();
            csv.append(String.join(",", cells)).append("\r\n");
        }
        try {
            out.write(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180 quoting, and a leading quote on cells a spreadsheet would run as a formula. */
    static String csvCell(String value) {
        String cell = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+")
                ? "'" + value : value;
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    /**
     * A workbook of two sheets: {@code answers} (these rows) and {@code plan} (the groups' actions,
     * progress notes and meetings, {@link PlanExport#COLUMNS}), each with its column names on a
     * frozen first row; numbers stay numbers.
     */
    public static void writeXlsx(List<Row> rows, List<Map<String, Object>> planRows, OutputStream out) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            sheet(workbook, "answers", COLUMNS, rows.stream().map(Row::cells).toList());
            sheet(workbook, "plan", PlanExport.COLUMNS, planRows.stream()
                    .map(row -> (List<Object>) new ArrayList<>(row.values())).toList());
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(XSSFWorkbook workbook, String name, List<String> columns, List<List<Object>> rows) {
        Sheet sheet = workbook.createSheet(name);
        org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            header.createCell(i).setCellValue(columns.get(i));
        }
        int r = 1;
        for (List<Object> cells : rows) {
            org.apache.poi.ss.usermodel.Row line = sheet.createRow(r++);
            for (int i = 0; i < cells.size(); i++) {
                Object cell = cells.get(i);
                if (cell instanceof Integer number) {
                    line.createCell(i).setCellValue(number);
                } else {
                    line.createCell(i).setCellValue(cell == null ? "" : String.valueOf(cell));
                }
            }
        }
        sheet.createFreezePane(0, 1);
    }

    public static void writeJson(List<Row> rows, OutputStream out) {
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValue(out, rows.stream().map(Row::asJson).toList());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
