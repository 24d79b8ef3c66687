package id.rembug.bot.summaries;

import id.rembug.bot.knowledge.llm.Source;
import id.rembug.bot.knowledge.llm.LlmPrompts;
import id.rembug.bot.knowledge.llm.LlmClient;
import id.rembug.bot.testsupport.OpenAiStub;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static id.rembug.bot.knowledge.StageSummaries.answer;
import static org.assertj.core.api.Assertions.assertThat;

import id.rembug.bot.knowledge.KnowledgeTexts;
import id.rembug.bot.knowledge.StageSummaries;
import id.rembug.bot.summaries.StageSummaryWriter.Summary;
import id.rembug.dialogues.engine.StageSummary;
import id.rembug.dialogues.flow.Language;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The facilitator's stage summary: the model's when it answers well, ours on any failure. */
class LlmStageSummaryWriterTest {

    @RegisterExtension
    static final OpenAiStub openAi = new OpenAiStub();
    private static final KnowledgeTexts TEXTS = KnowledgeTexts.loadDefault();
    private static final LlmPrompts PROMPTS = LlmPrompts.loadDefault();

    private static final StageSummary SUMBER = StageSummaries.of("sumber",
            answer("yang-ada", "Sari", "balai warga\nkas RT"),
            answer("yang-ada", "Budi", "Balai warga\nlapangan"),
            answer("hambatan", "Sari", "belum-ada"),
            answer("hambatan", "Budi", "belum-ada"),
            answer("hambatan", "Ani", "rebutan"));

    private static StageSummaryWriter writer(LlmClient llm) {
        return new StageSummaryWriter(llm, StageSummaries.STOCK_FLOW, TEXTS, PROMPTS);
    }

    @Test
    void modelSummaryIsUsedWhenTheModelAnswers() {
        openAi.answer("Warga sudah memetakan balai warga dan kas RT. Hambatan utama: sumber daya belum tersedia.");

        Summary summary = writer(openAi.client()).write(SUMBER, Language.ID);

        assertThat(summary).isEqualTo(new Summary(
                "Warga sudah memetakan balai warga dan kas RT. Hambatan utama: sumber daya belum tersedia.", Source.LLM));
        assertThat(openAi.onlyRequest().get("model").asString()).isEqualTo(OpenAiStub.MODEL);
        assertThat(openAi.onlyRequest().get("max_tokens").asInt()).isEqualTo(300);
        assertThat(openAi.message("system")).contains("in Bahasa Indonesia");
    }

    @Test
    void englishGroupAsksForAnEnglishSummary() {
        openAi.answer("Most people named the hall.");

        writer(openAi.client()).write(SUMBER, Language.EN);

        assertThat(openAi.message("system")).contains("sentences in English");
        assertThat(openAi.message("user")).contains("What do we already have nearby");
    }

    @Test
    void timeOutFallsBackToOurSummaryWithinTheTimeOut() {
        openAi.respond(aResponse().withFixedDelay(3_000).withHeader("Content-Type", "application/json")
                .withBody(OpenAiStub.completion("too late")));
        LlmClient llm = LlmClient.connect(openAi.properties(Duration.ofMillis(300)));

        long started = System.nanoTime();
        Summary summary = writer(llm).write(SUMBER, Language.ID);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(summary.source()).isEqualTo(Source.DETERMINISTIC);
        assertThat(summary.text()).isEqualTo(writer(LlmClient.off()).deterministic(SUMBER, Language.ID).text());
        assertThat(took).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void serverErrorFallsBackWithoutRetrying() {
        openAi.respond(serverError().withBody("{\"error\":{\"message\":\"overloaded\"}}"));

        Summary summary = writer(openAi.client()).write(SUMBER, Language.ID);

        assertThat(summary.source()).isEqualTo(Source.DETERMINISTIC);
        assertThat(openAi.requests()).hasSize(1);
    }

    @Test
    void unreadableResponseFallsBack() {
        openAi.respond(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"choices\": [ {\"message\": "));

        assertThat(writer(openAi.client()).write(SUMBER, Language.ID).source()).isEqualTo(Source.DETERMINISTIC);
    }

    @Test
    void emptyAnswerFallsBack() {
        openAi.answer("   ");

        assertThat(writer(openAi.client()).write(SUMBER, Language.ID).source()).isEqualTo(Source.DETERMINISTIC);
    }

    @Test
    void answerEchoingTheDataBlockIsRefused() {
        openAi.answer("BEGIN UNTRUSTED DATA 123\n[{\"member\":\"Sari\"}]");

        assertThat(writer(openAi.client()).write(SUMBER, Language.ID).source()).isEqualTo(Source.DETERMINISTIC);
    }

    @Test
    void stageWithoutAnswersIsNotSentToTheModel() {
        openAi.answer("Nothing happened.");

        Summary summary = writer(openAi.client()).write(StageSummaries.of("sumber"), Language.EN);

        assertThat(summary.source()).isEqualTo(Source.DETERMINISTIC);
        assertThat(summary.text()).startsWith("No answers in this stage yet.");
        assertThat(openAi.requestCount()).isZero();
    }

    @Test
    void modelOffMakesNoCall() {
        openAi.answer("should not be asked");

        Summary summary = writer(LlmClient.off()).write(SUMBER, Language.ID);

        assertThat(summary.source()).isEqualTo(Source.DETERMINISTIC);
        assertThat(openAi.requestCount()).isZero();
    }

    @Test
    void ourSummaryCountsChoicesAndItemsMostCommonFirst() {
        String text = writer(LlmClient.off()).deterministic(SUMBER, Language.ID).text();

        assertThat(text.lines()).containsExactly(
                "• Apa saja yang sudah ada di sekitar kita dan bisa dipakai? → balai warga (2), kas RT (1), lapangan (1)",
                "• Apa hambatan terbesar dalam memakai sumber daya kita? → Belum tersedia di sini (2), Ada, tapi jadi rebutan (1)",
                "3 orang menjawab, 1 belum.");
    }

    @Test
    void ourSummaryAveragesScalesAndPicksTheMostTypicalTypedAnswer() {
        StageSummary summary = StageSummaries.of("tantangan",
                answer("jadi-tantangan", "Sari", "Bagaimana kita membersihkan selokan tiap bulan?"),
                answer("jadi-tantangan", "Budi", "Selokan mampet, kita bersihkan bersama tiap bulan"),
                answer("jadi-tantangan", "Ani", "Jalan rusak"),
                answer("yakin", "Sari", "4"),
                answer("yakin", "Budi", "5"));

        String text = writer(LlmClient.off()).deterministic(summary, Language.EN).text();

        assertThat(text).contains("3 answers, such as \"Bagaimana kita membersihkan selokan tiap bulan?\"")
                .contains("→ average 4.5 out of 5 (2 answers)");
        assertThat(writer(LlmClient.off()).deterministic(summary, Language.ID).text())
                .contains("rata-rata 4,5 dari 5 (2 jawaban)");
    }

    @Test
    void ourSummaryCountsGoalsMeetingAllFourCriteria() {
        StageSummary summary = StageSummaries.of("arah",
                answer("tujuan", "Sari", "Membersihkan selokan RT 3 bersama 20 keluarga setiap Sabtu selama 3 bulan"),
                answer("tujuan", "Budi", "Desa jadi lebih baik"));

        assertThat(writer(LlmClient.off()).deterministic(summary, Language.EN).text())
                .contains("→ 2 goals, 1 with nothing visibly missing");
    }

    @Test
    void presentedSummaryTellsWhoWroteIt() {
        StageSummaryWriter writer = writer(LlmClient.off());

        assertThat(writer.present(new Summary("Ringkas.", Source.LLM), Language.ID))
                .isEqualTo("🤖 Ringkasan oleh AI (bisa keliru, jawaban lengkap ada di bawah):\nRingkas.");
        assertThat(writer.present(new Summary("Short.", Source.DETERMINISTIC), Language.EN))
                .isEqualTo("📋 In short:\nShort.");
    }
}
