package id.rembug.bot.dashboard;

import id.rembug.bot.RembugApplication;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.TestRedis;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextCustomizerFactories;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application in simulator mode on a random port, with one known admin password and one
 * staff id, and no broadcast API token. Shared by the dashboard's test classes (and others that
 * need the app as a fresh checkout runs it) so Spring starts it once for all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// The shared test Redis, not emptied between tests: the dashboard tests seed their groups once.
@ExtendWith(RedisServerExtension.class)
@ContextCustomizerFactories(TestRedis.UrlCustomizerFactory.class)
@SpringBootTest(classes = RembugApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rembug.dispatch.limits.chat-interval=10ms", "rembug.dispatch.limits.chat-burst=100",
                "rembug.dispatch.limits.group=1000", "rembug.dashboard.admin-password=" + DashboardApp.ADMIN_PASSWORD,
                "rembug.staff-ids=" + DashboardApp.STAFF_ID})
public @interface DashboardApp {
    String ADMIN_PASSWORD = "kata-sandi-uji";
    String STAFF_ID = "staf-program-1";
}
