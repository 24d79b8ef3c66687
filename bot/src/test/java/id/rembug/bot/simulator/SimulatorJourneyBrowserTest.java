package id.rembug.bot.simulator;

import id.rembug.bot.RembugApplication;
import id.rembug.bot.testsupport.Browser;
import id.rembug.bot.testsupport.TestRedis;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a newcomer does first, in a real headless Chromium against the whole application: start a
 * group, claim it, start the flow, answer, move on, and read the facilitator's summary.
 */
@Tag("browser")
@TestRedis
@SpringBootTest(classes = RembugApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rembug.dispatch.limits.chat-interval=10ms", "rembug.dispatch.limits.chat-burst=100",
                "rembug.dispatch.limits.group=1000"})
class SimulatorJourneyBrowserTest {

    @LocalServerPort
    private int port;

    /** One browser for the class: starting Chromium is the slow part. */
    @RegisterExtension
    static final Browser browser = Browser.perTestClass();

    @Test
    void aPersonStartsAGroupAnswersAndSeesTheFacilitatorSummary() {
        browser.open("http://localhost:" + port + "/");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/simulator");
        browser.clickAndAwaitReload(By.id("create-first-group"));
        browser.clickAndAwaitReload(By.id("add-bot"));
        browser.await(d -> groupLog().contains("/fasilitator"));

        say("sim-user-fasilitator-sari", "/fasilitator");
        browser.await(d -> groupLog().contains("pendamping grup ini"));
        say("sim-user-ani", "/mulai");
        browser.await(d -> groupLog().contains("Langkah 1 ·"));
        browser.await(d -> d.findElement(By.cssSelector("#group-composer .reply-bar")).isDisplayed());

        say("sim-user-ani", "Saya Ani, penjahit di RT 3");
        browser.await(d -> groupLog().contains("Saya Ani, penjahit di RT 3"));
        // no message per answer: the question's own message shows how many have answered
        browser.await(d -> groupLog().contains("✅ 1 dari"));

        say("sim-user-fasilitator-sari", "/lanjut");
        browser.await(d -> groupLog().contains("Langkah 2 ·"));
        browser.await(d -> d.findElement(By.id("private-log")).getText().contains("Tahap 1/17"));
        String summary = browser.find(By.id("private-log")).getText();
        assertThat(summary).contains("Saya Ani, penjahit di RT 3").contains("Ani");

        assertThat(browser.consoleErrors()).isEmpty();
    }

    private void say(String persona, String text) {
        new Select(browser.find(By.id("persona"))).selectByValue(persona);
        browser.find(By.id("group-text")).sendKeys(text, Keys.ENTER);
    }

    private static String groupLog() {
        return browser.find(By.id("group-log")).getText();
    }
}
