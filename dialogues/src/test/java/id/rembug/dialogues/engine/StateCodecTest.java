package id.rembug.dialogues.engine;

import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.MediaKind;
import id.rembug.dialogues.flow.PromptKind;
import id.rembug.dialogues.flow.Text;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StateCodecTest {

    private final StateCodec codec = new StateCodec();

    /** An answer exactly as versions before the compact encoding stored it (2026-12-06). */
    private static final String STORED_BEFORE = """
            {"stageKey":"interaksi","round":1,"promptKey":"kegiatan","kind":"LIST","memberId":"807217901",\
            "memberName":"Budi","messageRef":"10000480","value":"Budi kegiatan satu, kegiatan dua",\
            "items":["Budi kegiatan satu","kegiatan dua"],"goal":null,"answeredAt":"2026-12-06T23:58:41Z",\
            "late":false,"media":null}""";

    private static Answer typed(String member, String value) {
        return new Answer("semangat", 2, "ganjalan", PromptKind.TEXT, member, "Sari", "10000466", value, List.of(),
                null, Instant.parse("2026-12-06T23:58:39.660063445Z"));
    }

    @Test
    void anAnswerStoredBeforeTheCompactEncodingStillLoads() {
        Answer answer = codec.read(STORED_BEFORE, Answer.class);

        assertThat(answer).isEqualTo(new Answer("interaksi", 1, "kegiatan", PromptKind.LIST, "807217901", "Budi",
                "10000480", "Budi kegiatan satu, kegiatan dua", List.of("Budi kegiatan satu", "kegiatan dua"), null,
                Instant.parse("2026-12-06T23:58:41Z"), false, null));
        assertThat(codec.read(codec.write(answer), Answer.class)).isEqualTo(answer);
    }

    @Test
    void anAnswerIsWrittenWithShortNamesAndWithoutWhatIsEmpty() {
        String json = codec.write(typed("807217908", "Jawaban Sari untuk ganjalan"));

        assertThat(json).isEqualTo("{\"s\":\"semangat\",\"r\":2,\"p\":\"ganjalan\",\"k\":\"TEXT\",\"m\":\"807217908\","
                + "\"n\":\"Sari\",\"ref\":\"10000466\",\"v\":\"Jawaban Sari untuk ganjalan\","
                + "\"t\":\"2026-12-06T23:58:39.660063445Z\"}");
    }

    @Test
    void everyPartOfAnAnswerSurvivesTheCompactEncoding() {
        AnswerMedia voice = new AnswerMedia(MediaKind.VOICE, "AwACAgUAAx0", "AgADVQ0AA", 12, 20480L, null, null, null,
                null, "audio/ogg", "kerja bakti hari Minggu");
        Answer late = new Answer("semangat", 1, "tenaga", PromptKind.LIST, "ani", "Ani", "m7", "", List.of("a", "b"),
                null, Instant.parse("2026-12-06T10:00:00Z"), true, voice);
        Answer minimal = new Answer("semangat", 1, "tenaga", PromptKind.SCALE, "budi", null, null, null, List.of(), null,
                null);

        for (Answer answer : List.of(late, minimal, typed("sari", "Jawaban"))) {
            assertThat(codec.read(codec.write(answer), Answer.class)).isEqualTo(answer);
        }
        assertThat(codec.write(late)).doesNotContain("null").contains("\"l\":true");
    }

    @Test
    void aStateAndASummaryWithAnswersInEitherFormLoadTheSame() {
        Answer before = codec.read(STORED_BEFORE, Answer.class);
        GroupState state = GroupState.fresh("-100", Language.ID, "Asia/Jakarta");
        GroupState withAnswers = new GroupState(state.groupId(), state.language(), state.zoneId(), GroupStatus.ACTIVE,
                null, "fas", Map.of(), null, 0, 1, 0, null, null, List.of(before, typed("s1", "ya")), false,
                java.util.Set.of(), java.util.Set.of(), 0, null, 3, null, List.of(), java.util.Set.of(), List.of(),
                Map.of(), null);
        String oldStateJson = codec.write(withAnswers).replace(codec.write(before), STORED_BEFORE);

        assertThat(oldStateJson).contains("\"memberName\":\"Budi\"");
        assertThat(codec.readState(oldStateJson)).isEqualTo(withAnswers);
        assertThat(codec.readState(codec.write(withAnswers))).isEqualTo(withAnswers);

        StageSummary summary = new StageSummary("-100", "interaksi", "persiapan", 3, 17,
                new Text("Interaksi", "Interaction"), 1, true, StageSummary.ClosedBy.QUORUM,
                List.of(new StageSummary.PromptAnswers("kegiatan", PromptKind.LIST,
                        new Text("Kegiatan apa?", "What activities?"), List.of(before))),
                List.of(new StageSummary.Participation(Member.of("807217901", "Budi"), 1)), List.of(), null,
                Instant.parse("2026-12-06T23:59:00Z"));
        String oldSummaryJson = codec.write(summary).replace(codec.write(before), STORED_BEFORE);
        assertThat(codec.read(oldSummaryJson, StageSummary.class)).isEqualTo(summary);
    }

    @Test
    void aStateStoredOnTheSeventhOfDecemberReadsAndIsWrittenBackUnchanged() throws IOException {
        String stored;
        try (InputStream in = StateCodecTest.class.getResourceAsStream("/stored/state-2026-12-07.json")) {
            stored = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        GroupState state = codec.readState(stored);

        assertThat(state.stageOpenedAt()).isEqualTo(Instant.parse("2026-01-05T02:18:00.123Z"));
        assertThat(state.lastActivityAt()).isEqualTo(Instant.parse("2026-01-05T02:21:00.123456789Z"));
        assertThat(state.answers()).extracting(Answer::answeredAt)
                .contains(Instant.parse("2026-01-05T02:18:30Z"), Instant.parse("2026-01-05T02:19:00.123456Z"));
        assertThat(codec.write(state)).isEqualTo(stored);
        assertThat(codec.readState(codec.writeDeflated(state))).isEqualTo(state);
    }

    @Test
    void deflatedJsonReadsLikeTheJsonItHolds() {
        GroupState state = GroupState.fresh("-100", Language.ID, "Asia/Jakarta");

        String deflated = codec.writeDeflated(state);

        assertThat(deflated).startsWith(StateCodec.DEFLATED);
        assertThat(StateCodec.json(deflated)).isEqualTo(codec.write(state));
        assertThat(codec.readState(deflated)).isEqualTo(state);
        assertThat(StateCodec.json(codec.write(state))).isEqualTo(codec.write(state));
    }
}
