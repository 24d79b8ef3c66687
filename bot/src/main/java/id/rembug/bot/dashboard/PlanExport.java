package id.rembug.bot.dashboard;

import id.rembug.dialogues.engine.ActionPlan;
import id.rembug.dialogues.engine.GroupState;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A group's action plan, progress notes and recorded meetings as one flat table ({@code kind}
 * says which a row is), written as CSV or JSON. The columns are documented in the README and only
 * ever added to at the end.
 */
public final class PlanExport {

    public static final List<String> COLUMNS = List.of("group_id", "kind", "number", "stage", "text", "member_id",
            "member_name", "due", "status", "standing", "done_at", "attended", "women", "photo_file_id", "at");

    private PlanExport() {
    }

    /** Every action, note and meeting of the group; standings as of {@code today} in the group's zone. */
    public static List<Map<String, Object>> rows(GroupState state, java.time.Instant now) {
        ActionPlan plan = state.plan();
        LocalDate today = now.atZone(ZoneId.of(state.zoneId())).toLocalDate();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ActionPlan.Action a : plan.actions()) {
            rows.add(row(state.groupId(), "action", a.number(), a.source(), a.what(), a.ownerId(), a.ownerName(),
                    a.due(), a.status().name().toLowerCase(), a.standing(today).name().toLowerCase(),
                    instant(a.doneAt()), null, null, null, instant(a.createdAt())));
        }
        for (ActionPlan.Note n : plan.notes()) {
            rows.add(row(state.groupId(), "note", n.checkIn(), n.stageKey(), n.text(), n.memberId(), n.memberName(),
                    null, null, null, null, null, null, null, instant(n.at())));
        }
        for (ActionPlan.Meeting m : plan.meetings()) {
            rows.add(row(state.groupId(), "meeting", null, m.stageKey(), m.decisions(), m.recordedBy(),
                    state.member(m.recordedBy()).name(), m.date(), null, null, null, m.attended(), m.women(),
                    m.photoFileId(), instant(m.recordedAt())));
        }
        return rows;
    }

    private static Map<String, Object> row(Object... values) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            Object value = values[i];
            row.put(COLUMNS.get(i), value instanceof LocalDate date ? date.toString() : value);
        }
        return row;
    }

    private static String instant(java.time.Instant at) {
        return at == null ? null : DateTimeFormatter.ISO_INSTANT.format(at);
    }

    public static void writeCsv(List<Map<String, Object>> rows, OutputStream out) {
        StringBuilder csv = new StringBuilder("\uFEFF"); // a BOM, so spreadsheet programs read UTF-8
        csv.append(String.join(",", COLUMNS)).append("\r\n");
        for (Map<String, Object> row : rows) {
            csv.append(String.join(",", row.values().stream()
                    .map(v -> AnswerExport.csvCell(v == null ? "" : String.valueOf(v))).toList())).append("\r\n");
        }
        try {
            out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeJson(List<Map<String, Object>> rows, OutputStream out) {
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(out, rows);
    }
}
