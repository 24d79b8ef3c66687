package id.rembug.bot.knowledge.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static org.assertj.core.api.Assertions.assertThat;

import id.rembug.bot.knowledge.AnswerSignals;
import id.rembug.bot.knowledge.KnowledgeAdvisor;
import id.rembug.bot.knowledge.KnowledgeTexts;
import id.rembug.bot.knowledge.ReplyButton;
import id.rembug.bot.knowledge.StageSummaries;
import com.github.tomakehurst.wiremock.client.WireMock;
import id.rembug.bot.dispatch.MutableClock;
import id.rembug.bot.knowledge.llm.GroundedAnswerer.GroundedAnswer;
import id.rembug.dialogues.flow.Language;
import id.rembug.knowledge.search.ArticleVectors;
import id.rembug.knowledge.search.KnowledgeSearch;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** /tanya in the model's words, but only from the articles it was given, cited by id. */
class LlmGroundedAnswererTest {

    private static final String QUESTION = "bagaimana menentukan tujuan bersama?";
    private static final OpenAiStub openAi = new OpenAiStub();
    private static KnowledgeSearch search;
    private static KnowledgeAdvisor advisor;

    @BeforeAll
    static void load() {
        search = KnowledgeSearch.createDefault();
        advisor = new KnowledgeAdvisor(search, StageSummaries.STOCK_FLOW, KnowledgeTexts.loadDefault(),
                AnswerSignals.loadDefault());
    }

    @BeforeEach
    void reset() {
        openAi.reset();
    }

    @AfterAll
    static void stop() {
        openAi.close();
        search.close();
    }

    private static GroundedAnswerer answerer(LlmClient llm) {
        return new GroundedAnswerer(llm, advisor, search, ArticleEmbeddings.off(search), KnowledgeTexts.loadDefault(),
                LlmPrompts.loadDefault());
    }

    private static GroundedAnswerer answererWithEmbeddings(Clock clock) {
        LlmClient llm = openAi.clientWithEmbeddings();
        return new GroundedAnswerer(llm, advisor, search, new ArticleEmbeddings(llm, search.knowledgeBase(), 0.6, clock),
                KnowledgeTexts.loadDefault(), LlmPrompts.loadDefault());
    }

    /**
     * A stand-in embeddings model with three dimensions: water, quarrels, and a small constant so
     * that no text is a zero vector. Served over HTTP by {@link OpenAiStub#embedWith}.
     */
    private static float[] waterAndQuarrels(String text) {
        Set<String> words = new HashSet<>(Arrays.asList(text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")));
        float water = words.stream().filter(Set.of("air", "sumur", "pancuran", "water", "well")::contains).count();
        float quarrel = words.stream().filter(Set.of("konflik", "berselisih", "perseteruan", "cekcok", "bertengkar",
                "conflict", "dispute", "quarrel")::contains).count();
        return new float[] {water, quarrel, 0.3f};
    }

    /** Shares no word with any article, so the words alone find nothing worth answering with. */
    private static final String QUARREL_OVER_THE_TAP = "perseteruan gara-gara pancuran";

    @Test
    void aQuestionTheWordsMissIsAnsweredFromTheArticleFoundByMeaning() {
        assertThat(search.search(QUARREL_OVER_THE_TAP, 3)).extracting(hit -> hit.article().id())
                .doesNotContain("praktis-konflik-sumber-daya");
        openAi.embedWith(LlmGroundedAnswererTest::waterAndQuarrels);
        openAi.answer("Kumpulkan fakta bersama dan sepakati giliran [praktis-konflik-sumber-daya].");

        GroundedAnswer answer = answererWithEmbeddings(Clock.systemUTC()).answer(QUARREL_OVER_THE_TAP, Language.ID);

        assertThat(answer.source()).isEqualTo(Source.LLM);
        assertThat(answer.articleIds()).containsExactly("praktis-konflik-sumber-daya");
        assertThat(openAi.message("user")).contains("praktis-konflik-sumber-daya");
        List<JsonNode> embeddingCalls = openAi.embeddingRequests();
        assertThat(embeddingCalls).hasSize(2);
        assertThat(embeddingCalls).allSatisfy(call ->
                assertThat(call.get("model").asString()).isEqualTo(OpenAiStub.EMBEDDINGS_MODEL));
        assertThat(embeddingCalls.get(1).get("input").get(0).asString()).isEqualTo(QUARREL_OVER_THE_TAP);
    }

    @Test
    void theArticlesAreEmbeddedOnceAndEachQuestionOnce() {
        openAi.embedWith(LlmGroundedAnswererTest::waterAndQuarrels);
        openAi.answer("Kumpulkan fakta bersama [praktis-konflik-sumber-daya].");
        GroundedAnswerer answerer = answererWithEmbeddings(Clock.systemUTC());

        answerer.answer(QUARREL_OVER_THE_TAP, Language.ID);
        answerer.answer("warga cekcok soal sumur", Language.ID);

        assertThat(openAi.embeddingRequests()).extracting(call -> call.get("input").size())
                .containsExactly(ArticleVectors.textsOf(search.knowledgeBase()).size(), 1, 1);
    }

    @Test
    void withTheEmbeddingsServerFailingTheWordsAloneChooseAndTheArticlesAreNotAskedForAgainAtOnce() {
        openAi.stub(WireMock.post(WireMock.urlEqualTo(OpenAiStub.EMBEDDINGS_PATH)).willReturn(serverError()));
        openAi.answer("Ajak tiap anggota menulis satu tujuan [tahap-arah].");
        MutableClock clock = new MutableClock(Instant.parse("2026-12-06T08:00:00Z"));
        GroundedAnswerer answerer = answererWithEmbeddings(clock);

        GroundedAnswer first = answerer.answer(QUESTION, Language.ID);
        answerer.answer(QUESTION, Language.ID);

        assertThat(first.source()).isEqualTo(Source.LLM);
        assertThat(first.articleIds()).containsExactly("tahap-arah");
        assertThat(openAi.embeddingRequests()).as("one failed attempt, then a pause").hasSize(1);

        clock.advance(ArticleEmbeddings.RETRY_AFTER);
        answerer.answer(QUESTION, Language.ID);
        assertThat(openAi.embeddingRequests()).as("tried again after the pause").hasSize(2);
    }

    @Test
    void answerCitingGivenArticlesIsSentWithAFooterNamingThem() {
        openAi.answer("Ajak tiap anggota menulis satu tujuan, lalu uji dengan empat syarat [tahap-arah].");

        GroundedAnswer answer = answerer(openAi.client()).answer(QUESTION, Language.ID);

        assertThat(answer.source()).isEqualTo(Source.LLM);
        assertThat(answer.articleIds()).containsExactly("tahap-arah");
        assertThat(answer.reply().text()).isEqualTo(
                "Ajak tiap anggota menulis satu tujuan, lalu uji dengan empat syarat [tahap-arah].\n\n"
                        + "(dijawab dengan bantuan AI dari artikel: tahap-arah)\n"
                        + "Baca selengkapnya: /baca tahap-arah");
        assertThat(answer.reply().buttons()).containsExactly(new ReplyButton("📖 Menentukan arah", "tahap-arah"));
        assertThat(openAi.message("user")).contains("\"id\":\"tahap-arah\"");
    }

    @Test
    void englishAnswerHasAnEnglishFooter() {
        openAi.answer("Agree on one to three goals [tahap-arah, praktis-tujuan-yang-baik].");

        GroundedAnswer answer = answerer(openAi.client()).answer("how do we set a good goal?", Language.EN);

        assertThat(answer.source()).isEqualTo(Source.LLM);
        assertThat(answer.articleIds()).containsExactly("tahap-arah", "praktis-tujuan-yang-baik");
        assertThat(answer.reply().text())
                .contains("(answered with AI help from the articles: tahap-arah, praktis-tujuan-yang-baik)");
        assertThat(openAi.message("system")).contains("Answer in English");
    }

    @Test
    void answerCitingAnArticleThatDoesNotExistIsRejected() {
        openAi.answer("Buat tujuan bersama [tahap-tujuan-rahasia].");

        GroundedAnswer answer = answerer(openAi.client()).answer(QUESTION, Language.ID);

        assertThat(answer.source()).isEqualTo(Source.DETERMINISTIC);
        assertThat(answer.reply()).isEqualTo(advisor.ask(QUESTION, Language.ID));
        assertThat(answer.reply().text()).doesNotContain("AI").doesNotContain("tahap-tujuan-rahasia");
    }

    @Test
    void answerCitingARealArticleItWasNotGivenIsRejected() {
        openAi.answer("Tujuan dibuat bersama [tahap-arah], dan pendamping menengahi [peran-mediator].");

        GroundedAnswer answer = answerer(openAi.client()).answer(QUESTION, Language.ID);

        assertThat(search.findById("peran-mediator")).isPresent();
        assertThat(openAi.message("user")).doesNotContain("\"id\":\"peran-mediator\"");
        assertThat(answer.source()).isEqualTo(Source.DETERMINISTIC);
    }

    @Test
    void answerWithoutCitationIsRejected() {
        openAi.answer("Buat tujuan yang realistis dan terukur.");

        assertThat(answerer(openAi.client()).answer(QUESTION, Language.ID).source()).isEqualTo(Source.DETERMINISTIC);
    }

    @Test
    void modelSayingTheArticlesDoNotAnswerGivesOurReply() {
        openAi.answer("NO_ANSWER");

        GroundedAnswer answer = answerer(openAi.client()).answer(QUESTION, Language.ID);

        assertThat(answer.reply()).isEqualTo(advisor.ask(QUESTION, Language.ID));
    }

    @Test
    void serverErrorGivesOurReply() {
        openAi.respond(serverError());

        assertThat(answerer(openAi.client()).answer(QUESTION, Language.ID).source()).isEqualTo(Source.DETERMINISTIC);
    }

    @Test
    void questionNoArticleAnswersIsNotSentToTheModel() {
        openAi.answer("Harga cabai naik [tahap-arah].");

        GroundedAnswer answer = answerer(openAi.client()).answer("harga cabai hari ini", Language.ID);

        assertThat(answer.source()).isEqualTo(Source.DETERMINISTIC);
        assertThat(answer.reply().text()).startsWith("Maaf, saya belum menemukan jawabannya");
        assertThat(openAi.requestCount()).isZero();
    }

    @Test
    void emptyQuestionOrModelOffMakesNoCall() {
        openAi.answer("[tahap-arah]");

        assertThat(answerer(openAi.client()).answer(" ", Language.ID).reply().text()).contains("/tanya bagaimana");
        assertThat(answerer(LlmClient.off()).answer(QUESTION, Language.ID).reply())
                .isEqualTo(advisor.ask(QUESTION, Language.ID));
        assertThat(openAi.requestCount()).isZero();
    }
}
