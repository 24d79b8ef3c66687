package id.rembug.bot.simulator;

import id.rembug.bot.channel.Inbound;
import id.rembug.bot.channel.Outgoing.OutButton;
import id.rembug.bot.channel.SendResult;
import id.rembug.bot.testsupport.Browser;
import id.rembug.bot.testsupport.TestRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator page in a real headless Chromium, with the gateway standing in for the
 * dispatcher (the engine behind the inbox is not wired here yet).
 */
@Tag("browser")
@TestRedis
@SpringBootTest(classes = SimulatorTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SimulatorPageBrowserTest {

    @LocalServerPort
    private int port;
    @Autowired
    private CollectingInboxWriter inbox;
    @Autowired
    private SimulatorGateway gateway;

    /** One browser for the class: starting Chromium is the slow part. */
    @RegisterExtension
    static final Browser browser = Browser.perTestClass();

    @BeforeEach
    void freshState() {
        inbox.clear();
        browser.consoleErrors();
    }

    @Test
    void newcomerCreatesAGroupAddsTheBotAnswersAQuestionAndPressesAButton() {
        browser.open("http://localhost:" + port + "/simulator");
        browser.clickAndAwaitReload(By.id("create-first-group"));
        assertThat(browser.driver().getCurrentUrl()).contains("group=sim-group-1");
        browser.clickAndAwaitReload(By.id("add-bot"));
        browser.await(d -> d.findElement(By.id("group-log")).getText().contains("menambahkan bot ke grup"));
        assertThat(inbox.received(Inbound.MembersJoined.class)).first()
                .satisfies(joined -> assertThat(joined.botAdded()).isTrue());

        // The dispatcher delivers a question; the page's poll picks it up and opens a reply to it.
        String question = sentId(gateway.send(Outgoings.question("sim-group-1", "Masalah apa yang paling terasa?")));
        browser.await(d -> d.findElement(By.id("group-log")).getText().contains("Masalah apa yang paling terasa?"));
        browser.await(d -> d.findElement(By.cssSelector("#group-composer .reply-bar")).isDisplayed());

        new Select(browser.find(By.id("persona"))).selectByValue("sim-user-ani");
        browser.find(By.id("group-text")).sendKeys("Sampah menumpuk di selokan", Keys.ENTER);

        browser.await(d -> d.findElement(By.id("group-log")).getText().contains("Sampah menumpuk di selokan"));
        browser.await(d -> !inbox.received(Inbound.Message.class).isEmpty());
        Inbound.Message answer = inbox.received(Inbound.Message.class).get(0);
        assertThat(answer.from().id()).isEqualTo("sim-user-ani");
        assertThat(answer.replyToMessageId()).isEqualTo(question);
        assertThat(browser.find(By.id("group-text")).getAttribute("value")).isEmpty();

        // Editing goes through the browser's prompt and reaches the bot as an edit of the same message.
        browser.find(By.xpath("//article[@data-from='sim-user-ani']//button[@data-edit]")).click();
        org.openqa.selenium.Alert prompt = browser.await(ExpectedConditions.alertIsPresent());
        prompt.sendKeys("Sampah menumpuk di selokan gang 3");
        prompt.accept();
        browser.await(d -> d.findElement(By.id("group-log")).getText().contains("gang 3"));
        browser.await(d -> inbox.received(Inbound.Message.class).size() == 2);
        Inbound.Message edit = inbox.received(Inbound.Message.class).get(1);
        assertThat(edit.edited()).isTrue();
        assertThat(edit.messageId()).isEqualTo(answer.messageId());

        gateway.send(Outgoings.text("sim-group-1", "Siap lanjut?",
                List.of(List.of(new OutButton("Siap", "go"), new OutButton("Nanti", "later"))), false, null));
        browser.await(d -> d.findElements(By.xpath("//button[text()='Siap']")).size() == 1);
        browser.find(By.xpath("//button[text()='Siap']")).click();

        browser.await(d -> !inbox.received(Inbound.ButtonPressed.class).isEmpty());
        Inbound.ButtonPressed pressed = inbox.received(Inbound.ButtonPressed.class).get(0);
        assertThat(pressed.data()).isEqualTo("go");
        assertThat(pressed.from().id()).isEqualTo("sim-user-ani");

        String screenshots = System.getProperty("rembug.screenshots");
        if (screenshots != null) {
            browser.screenshot(Path.of(screenshots, "simulator.png"));
            browser.resize(390, 844);
            browser.screenshot(Path.of(screenshots, "simulator-phone.png"));
            browser.resize(1280, 900);
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void englishPageAndPrivateChatRefusalShowWithoutConsoleErrors() {
        browser.open("http://localhost:" + port + "/simulator?lang=en");
        browser.clickAndAwaitReload(By.id("create-first-group"));
        assertThat(browser.driver().getCurrentUrl()).contains("group=sim-group-1");
        assertThat(browser.driver().getCurrentUrl()).contains("lang=en");
        assertThat(browser.find(By.tagName("body")).getText())
                .contains("Add the bot to the group", "Private chat with the bot");

        browser.clickAndAwaitReload(By.id("stop-private"));
        assertThat(browser.find(By.cssSelector(".private-chat .status")).getText())
                .contains("cannot write to them privately");
        assertThat(gateway.send(Outgoings.text("sim-user-fasilitator-sari", "Ringkasan")))
                .isInstanceOf(SendResult.Forbidden.class);

        browser.clickAndAwaitReload(By.id("start-private"));
        browser.await(d -> d.findElement(By.id("private-log")).getText().contains("/start"));
        gateway.send(Outgoings.text("sim-user-fasilitator-sari", "Ringkasan tahap 1"));
        browser.await(d -> d.findElement(By.id("private-log")).getText().contains("Ringkasan tahap 1"));

        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void anAlertShowsAsABoxThatStaysClosedOnceClosed() {
        browser.open("http://localhost:" + port + "/simulator");
        browser.clickAndAwaitReload(By.id("create-first-group"));
        browser.clickAndAwaitReload(By.id("add-bot"));

        gateway.send(Outgoings.callbackAlert("sim-group-1", "sim-cb-1", "❔ Menentukan arah\nTujuan bersama jadi pegangan."));

        browser.await(d -> d.findElements(By.cssSelector("#group-log .alert")).size() == 1
                && d.findElement(By.cssSelector("#group-log .alert")).isDisplayed());
        assertThat(browser.find(By.cssSelector("#group-log .alert-text")).getText())
                .isEqualTo("❔ Menentukan arah\nTujuan bersama jadi pegangan.");
        browser.find(By.cssSelector("#group-log .alert-close")).click();
        browser.await(d -> !d.findElement(By.cssSelector("#group-log .alert")).isDisplayed());

        // the log is drawn again when the chat changes: the closed alert does not come back
        gateway.send(Outgoings.text("sim-group-1", "Pertanyaan berikutnya"));
        browser.await(d -> d.findElement(By.id("group-log")).getText().contains("Pertanyaan berikutnya"));
        assertThat(browser.driver().findElements(By.cssSelector("#group-log .alert")))
                .allSatisfy(alert -> assertThat(alert.isDisplayed()).isFalse());
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private static String sentId(SendResult result) {
        assertThat(result).isInstanceOf(SendResult.Sent.class);
        return ((SendResult.Sent) result).messageId();
    }
}
