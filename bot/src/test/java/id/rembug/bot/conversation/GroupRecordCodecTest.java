package id.rembug.bot.conversation;

import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.TestRedis;
import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.GroupStatus;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.StageSummary;
import id.rembug.dialogues.engine.StateCodec;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.PromptKind;
import id.rembug.dialogues.flow.Stage;
import id.rembug.dialogues.flow.Text;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestRedis
class GroupRecordCodecTest {

    private static final String GROUP = "-100777";
    private static final Flow FLOW = GroupJourney.flow();

    /** A summary and an answer exactly as versions before the compact encoding stored them (2026-12-06). */
    private static final String SUMMARY_STORED_BEFORE = """
            {"groupId":"-100777","stageKey":"semangat","phaseKey":"persiapan","stageNumber":2,"stageCount":17,\
            "title":{"id":"Semangat","en":"Spirit"},"round":1,"complete":true,"closedBy":"QUORUM","prompts":[\
            {"promptKey":"ganjalan","kind":"TEXT","text":{"id":"Apa ganjalannya?","en":"What holds us back?"},\
            "answers":[{"stageKey":"semangat","round":1,"promptKey":"ganjalan","kind":"TEXT","memberId":"807217908",\
            "memberName":"Budi","messageRef":"10000466","value":"Jalan rusak","items":[],"goal":null,\
            "answeredAt":"2026-12-06T23:58:40Z","late":false,"media":null}]}],"participants":[{"member":\
            {"id":"807217908","name":"Budi","present":true},"answers":1}],"quiet":[],"next":null,\
            "at":"2026-12-06T23:59:00Z","residents":2,"decisions":[]}""";
    private static final String ANSWER_STORED_BEFORE = """
            {"stageKey":"tim","round":1,"promptKey":"siapa","kind":"TEXT","memberId":"807217909","memberName":"Sari",\
            "messageRef":"10000500","value":"Saya ikut","items":[],"goal":null,"answeredAt":"2026-12-06T23:59:30Z",\
            "late":false,"media":null}""";

    private final GroupRecordCodec codec = new GroupRecordCodec();
    private final StringRedisTemplate redis = RedisServerExtension.template();

    private static Answer answer(String stage, String prompt, String member, String value) {
        return new Answer(stage, 1, prompt, PromptKind.TEXT, member, "Warga " + member, "m-" + member, value, List.of(),
                null, Instant.parse("2026-12-06T23:58:40Z"));
    }

    /** A summary of the stock flow's first stage, with its texts, as the engine makes it. */
    private static StageSummary summary(List<Answer> answers) {
        Stage stage = FLOW.stage(0);
        Stage next = FLOW.stage(1);
        return new StageSummary(GROUP, stage.key(), stage.phaseKey(), 1, FLOW.stageCount(), stage.title(), 1, true,
                StageSummary.ClosedBy.QUORUM,
                stage.prompts().stream().map(p -> new StageSummary.PromptAnswers(p.key(), p.kind(), p.text(),
                        answers.stream().filter(a -> a.promptKey().equals(p.key())).toList())).toList(),
                answers.stream().map(a -> new StageSummary.Participation(Member.of(a.memberId(), a.memberName()), 1))
                        .toList(), List.of(), new StageSummary.NextStage(next.key(), next.title(), next.purpose()),
                Instant.parse("2026-12-06T23:59:00Z"), 2, List.of());
    }

    private static Answer firstStageAnswer(String member, String value) {
        Stage stage = FLOW.stage(0);
        return answer(stage.key(), stage.prompts().get(0).key(), member, value);
    }

    @Test
    void aSummaryIsStoredDeflatedAndReadsBackTheSame() {
        List<Answer> answers = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> firstStageAnswer("80721790" + i, "Jalan di RT " + i + " rusak sejak hujan"))
                .toList();
        StageSummary summary = summary(answers);

        String stored = codec.writeSummary(summary);

        assertThat(stored).startsWith(StateCodec.DEFLATED).doesNotContain("Jalan");
        assertThat(stored.length()).isLessThan(new StateCodec().write(summary).length() / 3);
        assertThat(StateCodec.json(stored)).as("the flow's texts are not stored")
                .doesNotContain(FLOW.stage(0).title().in(Language.ID))
                .doesNotContain(FLOW.stage(0).prompts().get(0).text().in(Language.EN));
        assertThat(codec.readSummary(stored, FLOW)).isEqualTo(summary);
    }

    @Test
    void aSummaryAndAnAnswerStoredInTodaysPlainFormStillRead() {
        StageSummary summary = codec.readSummary(SUMMARY_STORED_BEFORE, FLOW);

        assertThat(summary.prompts().get(0).answers()).singleElement().satisfies(a -> {
            assertThat(a.memberName()).isEqualTo("Budi");
            assertThat(a.value()).isEqualTo("Jalan rusak");
            assertThat(a.items()).isEmpty();
        });
        assertThat(summary.residents()).isEqualTo(2);
        assertThat(summary.title()).as("the texts it was stored with").isEqualTo(new Text("Semangat", "Spirit"));
        assertThat(codec.readAnswer(ANSWER_STORED_BEFORE).value()).isEqualTo("Saya ikut");
    }

    @Test
    void aStoredSummaryThatIsCutShortSaysSo() {
        String stored = codec.writeSummary(summary(List.of(firstStageAnswer("1", "Jalan rusak"))));

        assertThatThrownBy(() -> codec.readSummary(stored.substring(0, stored.length() / 2), FLOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut short or damaged");
    }

    @Test
    void theGroupsAnswersAreThoseItsSummariesHoldAndThoseStillInTheAnswersHashInEitherForm() {
        Answer inSummary = firstStageAnswer("807217901", "Jalan rusak");
        Answer corrected = firstStageAnswer("807217902", "Dulu begini");
        Answer correction = new Answer(corrected.stageKey(), 1, corrected.promptKey(), PromptKind.TEXT, "807217902",
                "Warga 807217902", "m-late", "Sekarang begitu", List.of(), null, Instant.parse("2026-12-07T08:00:00Z"),
                true);
        Answer open = answer("tim", "siapa", "807217901", "Saya");
        redis.opsForHash().putAll(ConversationKeys.milestones(GROUP), Map.of(
                inSummary.stageKey() + ":1", codec.writeSummary(summary(List.of(inSummary, corrected))),
                "kepercayaan:1", SUMMARY_STORED_BEFORE.replace("\"semangat\"", "\"kepercayaan\"")));
        redis.opsForHash().putAll(ConversationKeys.answers(GROUP), Map.of(
                open.key(), codec.writeAnswer(open),
                correction.key(), codec.writeAnswer(correction),
                "tim:1:siapa:807217909", ANSWER_STORED_BEFORE));

        List<Answer> answers = new GroupRecords(redis).answers(GROUP);

        assertThat(answers).extracting(Answer::value).containsExactlyInAnyOrder(
                "Jalan rusak", "Sekarang begitu", "Saya", "Saya ikut", "Jalan rusak");
        assertThat(answers).filteredOn(a -> a.stageKey().equals("kepercayaan")).singleElement()
                .extracting(Answer::memberName).isEqualTo("Budi");
    }

    @Test
    void aFinishedGroupsStateIsStoredDeflatedAndAnOpenOnesAsJson() {
        GroupState open = GroupState.fresh(GROUP, Language.ID, "Asia/Jakarta").toBuilder().build();
        GroupState.Builder finishing = open.toBuilder();
        finishing.status = GroupStatus.FINISHED;
        GroupState finished = finishing.build();

        assertThat(codec.writeState(open)).startsWith("{");
        assertThat(codec.writeState(finished)).startsWith(StateCodec.DEFLATED);
        assertThat(new StateCodec().readState(codec.writeState(finished))).isEqualTo(finished);
    }
}
