package id.rembug.bot.simulator;

import id.rembug.bot.channel.Inbound;
import id.rembug.bot.channel.InboxWriter;
import id.rembug.bot.channel.Outgoing.OutButton;
import id.rembug.bot.channel.SendResult;
import id.rembug.bot.testsupport.TestRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TestRedis
@SpringBootTest(classes = SimulatorTestApplication.class)
class SimulatorControllerTest {

    private static final String SARI = "sim-user-fasilitator-sari";
    private static final String ANI = "sim-user-ani";

    @Autowired
    private WebApplicationContext context;
    @Autowired
    private CollectingInboxWriter inbox;
    @Autowired
    private SimulatorGateway gateway;
    @Autowired
    private SimulatorStore store;

    private MockMvc mvc;

    @BeforeEach
    void freshState() {
        inbox.clear();
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
    }

    @Test
    void withoutAGroupThePageOffersToCreateOne() throws Exception {
        mvc.perform(get("/simulator"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Belum ada grup simulasi")))
                .andExpect(content().string(containsString("id=\"create-first-group\"")));
    }

    @Test
    void creatingAGroupAnswersWithItsCastAndSendsThePageThere() throws Exception {
        mvc.perform(post("/simulator/groups").header("HX-Request", "true").param("lang", "en"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/simulator/groups/sim-group-1"))
                .andExpect(header().string("HX-Redirect", "/simulator?group=sim-group-1&lang=en"))
                .andExpect(jsonPath("$.chatId").value("sim-group-1"))
                .andExpect(jsonPath("$.cast[0].name").value("Fasilitator Sari"))
                .andExpect(jsonPath("$.cast.length()").value(6));

        mvc.perform(post("/simulator/groups").param("facilitator", "Pak Joko").param("residents", "Wati, Rudi"))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("HX-Redirect"))
                .andExpect(jsonPath("$.cast[*].id").value(
                        org.hamcrest.Matchers.contains("sim-user-pak-joko", "sim-user-wati", "sim-user-rudi")));
    }

    @Test
    void pageShowsHintsInIndonesianFirstAndInEnglishOnRequest() throws Exception {
        service().createDefaultGroup();

        mvc.perform(get("/simulator"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"id\"")))
                .andExpect(content().string(containsString("Tambahkan bot ke grup")))
                .andExpect(content().string(containsString("Fasilitator Sari ketik /fasilitator")))
                .andExpect(content().string(containsString("ketik /mulai")))
                .andExpect(content().string(containsString("Chat pribadi dengan bot")))
                .andExpect(content().string(containsString(
                        "href=\"/simulator?group=sim-group-1&amp;private=sim-user-fasilitator-sari&amp;lang=en\"")));

        mvc.perform(get("/simulator/")).andExpect(status().isOk());
        mvc.perform(get("/simulator").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"en\"")))
                .andExpect(content().string(containsString("Add the bot to the group")))
                .andExpect(content().string(containsString("Fasilitator Sari types /fasilitator")))
                .andExpect(content().string(not(containsString("Tambahkan bot ke grup"))));
    }

    @Test
    void typedMessageReachesTheInboxAsAReplyToTheBotsQuestion() throws Exception {
        String groupId = service().createDefaultGroup().chatId();
        mvc.perform(post("/simulator/groups/{id}/bot", groupId)).andExpect(status().isOk());
        String question = ((SendResult.Sent) gateway.send(Outgoings.question(groupId, "Masalah apa?"))).messageId();

        mvc.perform(post("/simulator/groups/{id}/messages", groupId).param("persona", ANI).param("text", "Sampah"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.chatId").value(groupId))
                .andExpect(jsonPath("$.messageId").value("3"))
                .andExpect(jsonPath("$.updateIds.length()").value(1));

        Inbound.Message message = inbox.received(Inbound.Message.class).get(0);
        assertThat(message.text()).isEqualTo("Sampah");
        assertThat(message.replyToMessageId()).isEqualTo(question);

        mvc.perform(post("/simulator/groups/{id}/messages", groupId)
                        .param("persona", ANI).param("text", "/status").param("replyTo", "none"))
                .andExpect(status().isOk());
        assertThat(inbox.received(Inbound.Message.class).get(1).replyToMessageId()).isNull();
    }

    @Test
    void buttonsEditsAndPrivateChatGoThroughTheirEndpoints() throws Exception {
        String groupId = service().createDefaultGroup().chatId();
        service().addBot(groupId, null);
        String choice = ((SendResult.Sent) gateway.send(Outgoings.text(groupId, "Siap?",
                List.of(List.of(new OutButton("Siap", "go"))), false, null))).messageId();

        mvc.perform(post("/simulator/groups/{id}/buttons", groupId)
                        .param("persona", ANI).param("messageId", choice).param("data", "go"))
                .andExpect(status().isOk());
        String typed = service().postInGroup(groupId, ANI, "Jalan rusak", ReplyChoice.NONE).messageId();
        mvc.perform(post("/simulator/groups/{id}/messages/{m}/edit", groupId, typed)
                        .param("persona", ANI).param("text", "Jalan rusak di gang 3"))
                .andExpect(status().isOk());
        mvc.perform(post("/simulator/personas/{id}/stop", SARI)).andExpect(status().isOk());
        assertThat(gateway.send(Outgoings.text(SARI, "Ringkasan"))).isInstanceOf(SendResult.Forbidden.class);
        mvc.perform(post("/simulator/personas/{id}/start", SARI).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Refresh", "true"));
        String summary = ((SendResult.Sent) gateway.send(Outgoings.text(SARI, "Ringkasan",
                List.of(List.of(new OutButton("Lanjut", "f:next"))), false, null))).messageId();
        mvc.perform(post("/simulator/personas/{id}/buttons", SARI).param("messageId", summary).param("data", "f:next"))
                .andExpect(status().isOk());
        mvc.perform(post("/simulator/personas/{id}/messages", SARI).param("text", "terima kasih"))
                .andExpect(status().isOk());

        assertThat(inbox.received()).extracting(u -> u.getClass().getSimpleName()).containsExactly(
                "MembersJoined", "MembersJoined", "ButtonPressed", "Message", "Message", "Message", "ButtonPressed",
                "Message");
        assertThat(inbox.received(Inbound.Message.class)).extracting(Inbound.Message::text)
                .containsExactly("Jalan rusak", "Jalan rusak di gang 3", "/start", "terima kasih");

        mvc.perform(get("/simulator/personas/{id}/messages", SARI))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.messages[*].text").value(
                        org.hamcrest.Matchers.contains("/start", "Ringkasan", "terima kasih")));
    }

    @Test
    void logFragmentAnswersNoContentUntilTheChatChanges() throws Exception {
        String groupId = service().createDefaultGroup().chatId();
        long version = store.version(groupId);

        mvc.perform(get("/simulator/groups/{id}/log", groupId).param("since", String.valueOf(version)))
                .andExpect(status().isNoContent());

        service().postInGroup(groupId, ANI, "Halo semua", ReplyChoice.AUTO);

        mvc.perform(get("/simulator/groups/{id}/log", groupId).param("since", String.valueOf(version)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Halo semua")))
                .andExpect(content().string(containsString("since=" + store.version(groupId))));
    }

    @Test
    void peoplesTextIsEscapedOnThePage() throws Exception {
        String groupId = service().createDefaultGroup().chatId();
        service().postInGroup(groupId, ANI, "<script>alert('x')</script>", ReplyChoice.AUTO);
        service().addResident(groupId, "<b>Fajar</b>");

        mvc.perform(get("/simulator").param("group", groupId))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(not(containsString("<b>Fajar</b>"))));
    }

    @Test
    void reactionsAndToastsShowOnTheLog() throws Exception {
        String groupId = service().createDefaultGroup().chatId();
        service().addBot(groupId, null);
        String typed = service().postInGroup(groupId, ANI, "Sampah", ReplyChoice.AUTO).messageId();
        gateway.send(Outgoings.reaction(groupId, typed, "🙏"));
        gateway.send(Outgoings.callbackAnswer(groupId, "sim-cb-1", "Pilihan dicatat"));

        mvc.perform(get("/simulator/groups/{id}/log", groupId))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("🙏")))
                .andExpect(content().string(containsString("Pilihan dicatat")))
                .andExpect(content().string(containsString("Fasilitator Sari menambahkan bot ke grup")));
    }

    @Test
    void anAlertShowsOnTheLogAsABoxToCloseNotAToast() throws Exception {
        String groupId = service().createDefaultGroup().chatId();
        gateway.send(Outgoings.callbackAlert(groupId, "sim-cb-2", "❔ Menentukan arah\nTujuan bersama jadi pegangan."));

        mvc.perform(get("/simulator/groups/{id}/log", groupId))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("role=\"alertdialog\"")))
                .andExpect(content().string(containsString("Tujuan bersama jadi pegangan.")))
                .andExpect(content().string(containsString("class=\"alert-close\"")))
                .andExpect(content().string(not(containsString("class=\"toast\""))));
        mvc.perform(get("/simulator/groups/{id}/messages", groupId))
                .andExpect(jsonPath("$.alert").value(true))
                .andExpect(jsonPath("$.toast").value("❔ Menentukan arah\nTujuan bersama jadi pegangan."));
    }

    @Test
    void refusalsAreProblemsWithTheRightStatus() throws Exception {
        String groupId = service().createDefaultGroup().chatId();

        mvc.perform(post("/simulator/groups/sim-group-404/messages").param("persona", ANI).param("text", "x"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/simulator/groups/{id}/messages", groupId).param("persona", "sim-user-nobody")
                        .param("text", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("sim-user-nobody is not a member of " + groupId));
        mvc.perform(post("/simulator/personas/sim-user-nobody/start")).andExpect(status().isNotFound());
        mvc.perform(delete("/simulator/groups/{id}/bot", groupId)).andExpect(status().isBadRequest());
    }

    @Test
    void htmxComesFromItsWebjarAtAVersionlessPath() throws Exception {
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("htmx")));
        mvc.perform(get("/simulator/simulator.js")).andExpect(status().isOk());
        mvc.perform(get("/simulator/simulator.css")).andExpect(status().isOk());
    }

    @Test
    void simulatorIsOnWithoutATelegramTokenAndOffWithOneUnlessAskedFor() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration.class))
                .withBean(InboxWriter.class, CollectingInboxWriter::new)
                .withUserConfiguration(SimulatorConfiguration.class);

        runner.run(context -> assertThat(context).hasSingleBean(SimulatorGateway.class));
        runner.withPropertyValues("rembug.telegram.token=123:abc")
                .run(context -> assertThat(context).doesNotHaveBean(SimulatorGateway.class));
        runner.withPropertyValues("rembug.telegram.token=123:abc", "rembug.simulator.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(SimulatorGateway.class));
        runner.withPropertyValues("rembug.simulator.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(SimulatorService.class));
    }

    private SimulatorService service() {
        return context.getBean(SimulatorService.class);
    }
}
