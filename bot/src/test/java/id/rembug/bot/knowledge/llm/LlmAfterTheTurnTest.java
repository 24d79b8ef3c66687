package id.rembug.bot.knowledge.llm;

import id.rembug.bot.testsupport.OpenAiStub;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import id.rembug.bot.knowledge.KnowledgeAdvisor;
import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegram.Edit;
import id.rembug.bot.testsupport.FakeTelegram.Sent;
import id.rembug.bot.testsupport.FakeTelegramApp;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.dialogues.flow.Language;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code /tanya} with a language model (WireMock speaking OpenAI's API) in the whole app: the
 * group's turn answers from the knowledge base at once, the model is asked afterwards on its own
 * threads, and its usable answer replaces the deterministic one by one edit. One conversation
 * worker, so a model call inside a turn would hold up every other group.
 */
@FakeTelegramApp(properties = {"rembug.conversation.workers=1", "rembug.llm.timeout=7s",
        "rembug.llm.per-group=2", "rembug.llm.per-group-window=10m"})
class LlmAfterTheTurnTest {

    private static final String QUESTION = "bagaimana menentukan tujuan bersama?";
    private static final String MODEL_ANSWER = "Ajak tiap anggota menulis satu tujuan, lalu uji dengan empat syarat "
            + "[tahap-arah].";
    private static final Duration QUIET = Duration.ofSeconds(1);
    @RegisterExtension
    static final OpenAiStub openAi = new OpenAiStub();

    @DynamicPropertySource
    static void model(DynamicPropertyRegistry registry) {
        openAi.register(registry);
    }

    @Autowired
    FakeTelegram telegram;
    @Autowired
    KnowledgeAdvisor advisor;
    @Autowired
    LlmClient llm;

    private final List<GroupJourney> groups = new ArrayList<>();

    @BeforeEach
    void onlyTheQuestionReachesTheModel() {
        // goal checks and summaries get an error (and their deterministic results) at once
        openAi.respond(aResponse().withStatus(500));
    }

    @AfterEach
    void closeGroups() {
        groups.forEach(GroupJourney::close);
    }

    private GroupJourney startedGroup() {
        GroupJourney group = GroupJourney.started(telegram, 4);
        groups.add(group);
        return group;
    }

    /** The model gives this response to the question (and only to it). */
    private static void modelAnswersTheQuestion(ResponseDefinitionBuilder response) {
        openAi.stub(post(urlEqualTo(OpenAiStub.PATH)).withRequestBody(containing("menentukan tujuan"))
                .willReturn(response));
    }

    private static ResponseDefinitionBuilder answer(String content, int delayMillis) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withFixedDelay(delayMillis)
                .withBody(OpenAiStub.completion(content));
    }

    private static long questionsToTheModel() {
        return openAi.requests().stream().filter(r -> r.getBodyAsString().contains("menentukan tujuan")).count();
    }

    private String deterministicAnswer() {
        return advisor.ask(QUESTION, Language.ID).text();
    }

    private Sent awaitReplyTo(GroupJourney group, long messageId) {
        group.awaitStep("the answer to the question", () -> replyTo(group, messageId) != null);
        return replyTo(group, messageId);
    }

    private Sent replyTo(GroupJourney group, long messageId) {
        return telegram.sentTo(group.chatId()).stream()
                .filter(s -> s.replyTo() != null && s.replyTo() == messageId).findFirst().orElse(null);
    }

    private List<Edit> editsOf(GroupJourney group, Sent message) {
        return telegram.editsIn(group.chatId()).stream().filter(e -> e.messageId() == message.messageId()).toList();
    }

    @Test
    void slowModelOnOneGroupsQuestionHoldsUpNoOtherGroupAndItsAnswerArrivesOnceAsAnEdit() {
        GroupJourney asking = startedGroup();
        GroupJourney answering = startedGroup();
        Sent firstQuestion = answering.awaitQuestion(0, 0);
        modelAnswersTheQuestion(answer(MODEL_ANSWER, 5_000));

        long question = telegram.groupText(asking.chatId(), asking.residents().get(0), "/tanya " + QUESTION, null);
        answering.answer(0, 0, firstQuestion, answering.residents().size());
        answering.awaitQuestion(0, 1);

        // the other group moved on while the model was still writing: the asking group has the
        // knowledge base's answer, and nothing from the model yet
        Sent reply = replyTo(asking, question);
        assertThat(reply).as("the deterministic answer, sent before the other group's next question").isNotNull();
        assertThat(reply.text()).isEqualTo(deterministicAnswer());
        assertThat(telegram.textsSentTo(asking.chatId())).noneMatch(text -> text.contains("[tahap-arah]"));
        assertThat(editsOf(asking, reply)).isEmpty();

        asking.awaitStep("the model's answer in place of the deterministic one", () -> !editsOf(asking, reply).isEmpty());
        int messages = telegram.messageCount(asking.chatId());
        await().during(QUIET).atMost(QUIET.multipliedBy(4)).until(() -> editsOf(asking, reply).size() == 1);
        assertThat(editsOf(asking, reply).get(0).text()).startsWith(MODEL_ANSWER);
        assertThat(telegram.messageCount(asking.chatId())).isEqualTo(messages);
        assertThat(questionsToTheModel()).isEqualTo(1);
    }

    @Test
    void modelTimingOutLeavesTheDeterministicAnswerAndCountsAFallback() {
        GroupJourney group = startedGroup();
        modelAnswersTheQuestion(answer(MODEL_ANSWER, 9_000));
        long fallbacks = llm.fallbacks();

        long question = telegram.groupText(group.chatId(), group.residents().get(0), "/tanya " + QUESTION, null);
        Sent reply = awaitReplyTo(group, question);
        assertThat(llm.fallbacks()).as("the answer came without waiting for the model").isEqualTo(fallbacks);
        assertThat(reply.text()).isEqualTo(deterministicAnswer());

        await().atMost(Duration.ofSeconds(20)).until(() -> llm.fallbacks() > fallbacks);
        await().during(QUIET).atMost(QUIET.multipliedBy(4)).until(() -> editsOf(group, reply).isEmpty());
        assertThat(questionsToTheModel()).isEqualTo(1);
    }

    @Test
    void modelServerErrorLeavesTheDeterministicAnswer() {
        GroupJourney group = startedGroup();
        modelAnswersTheQuestion(aResponse().withStatus(500).withFixedDelay(3_000)
                .withBody("{\"error\":{\"message\":\"boom\"}}"));
        long fallbacks = llm.fallbacks();

        long question = telegram.groupText(group.chatId(), group.residents().get(0), "/tanya " + QUESTION, null);
        Sent reply = awaitReplyTo(group, question);
        assertThat(llm.fallbacks()).as("the answer came without waiting for the model").isEqualTo(fallbacks);

        await().atMost(Duration.ofSeconds(10)).until(() -> llm.fallbacks() > fallbacks);
        assertThat(reply.text()).isEqualTo(deterministicAnswer());
        await().during(QUIET).atMost(QUIET.multipliedBy(4)).until(() -> editsOf(group, reply).isEmpty());
        assertThat(questionsToTheModel()).isEqualTo(1);
    }

    @Test
    void questionsOverTheGroupsRateGetTheDeterministicAnswerWithoutAModelCall() {
        GroupJourney group = startedGroup();
        modelAnswersTheQuestion(answer(MODEL_ANSWER, 0));

        List<Sent> replies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long question = telegram.groupText(group.chatId(), group.residents().get(i), "/tanya " + QUESTION, null);
            replies.add(awaitReplyTo(group, question));
        }

        group.awaitStep("the model's answers for the first two", () ->
                !editsOf(group, replies.get(0)).isEmpty() && !editsOf(group, replies.get(1)).isEmpty());
        await().during(QUIET).atMost(QUIET.multipliedBy(4)).until(() -> editsOf(group, replies.get(2)).isEmpty());
        assertThat(replies).allSatisfy(reply -> assertThat(reply.text()).isEqualTo(deterministicAnswer()));
        assertThat(questionsToTheModel()).isEqualTo(2);
    }

    @Test
    void modelsStageSummaryReplacesTheRuleBasedOneInTheFacilitatorsMessage() {
        GroupJourney group = startedGroup();
        String written = "Warga saling berkenalan dan siap bekerja sama.";
        openAi.stub(post(urlEqualTo(OpenAiStub.PATH)).withRequestBody(containing("untuk kenalan"))
                .willReturn(answer(written, 0)));

        Sent summary = group.completeStage(0);

        assertThat(summary.text()).doesNotContain(written);
        long facilitator = group.facilitator().id();
        group.awaitStep("the model's summary in the facilitator's message", () -> telegram.editsIn(facilitator).stream()
                .anyMatch(edit -> edit.messageId() == summary.messageId()));
        await().during(QUIET).atMost(QUIET.multipliedBy(4)).until(() -> telegram.editsIn(facilitator).stream()
                .filter(edit -> edit.messageId() == summary.messageId()).count() == 1);
        Edit edit = telegram.editsIn(facilitator).stream().filter(e -> e.messageId() == summary.messageId())
                .findFirst().orElseThrow();
        assertThat(edit.text()).contains(written).startsWith(summary.text().substring(0, summary.text().indexOf("\n")));
        assertThat(edit.buttons()).isEqualTo(summary.buttons());
    }
}
