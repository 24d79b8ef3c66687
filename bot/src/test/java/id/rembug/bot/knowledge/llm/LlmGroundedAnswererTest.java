package id.rembug.bot.knowledge.llm;

import id.rembug.bot.knowledge.ShippedKnowledge;
import id.rembug.bot.testsupport.OpenAiStub;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static org.assertj.core.api.Assertions.assertThat;

import id.rembug.bot.knowledge.KnowledgeTexts;
import id.rembug.bot.knowledge.ReplyButton;
import id.rembug.bot.knowledge.llm.GroundedAnswerer.GroundedAnswer;
import id.rembug.dialogues.flow.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /tanya in the model's words, but only from the articles it was given, cited by id. */
class LlmGroundedAnswererTest {

    private static final String QUESTION = "bagaimana menentukan tujuan bersama?";
    @RegisterExtension
    static final OpenAiStub openAi = new OpenAiStub();
    @RegisterExtension
    static final ShippedKnowledge knowledge = new ShippedKnowledge();

    private static GroundedAnswerer answerer(LlmClient llm) {
        return new GroundedAnswerer(llm, knowledge.advisor(), knowledge.search(), KnowledgeTexts.loadDefault(), LlmPrompts.loadDefault());
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
        assertThat(answer.reply()).isEqualTo(knowledge.advisor().ask(QUESTION, Language.ID));
        assertThat(answer.reply().text()).doesNotContain("AI").doesNotContain("tahap-tujuan-rahasia");
    }

    @Test
    void answerCitingARealArticleItWasNotGivenIsRejected() {
        openAi.answer("Tujuan dibuat bersama [tahap-arah], dan pendamping menengahi [peran-mediator].");

        GroundedAnswer answer = answerer(openAi.client()).answer(QUESTION, Language.ID);

        assertThat(knowledge.search().findById("peran-mediator")).isPresent();
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

        assertThat(answer.reply()).isEqualTo(knowledge.advisor().ask(QUESTION, Language.ID));
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
                .isEqualTo(knowledge.advisor().ask(QUESTION, Language.ID));
        assertThat(openAi.requestCount()).isZero();
    }
}
