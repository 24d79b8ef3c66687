package id.rembug.bot.dashboard;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The admin login from configuration. In simulator mode (no Telegram token) there is no bot to ask
 * for a link, so when no password is configured one is generated and printed once at start-up;
 * it lives only in memory and changes on every restart. With Telegram and no password, the admin
 * login is off: people log in through /masuk.
 */
@Component
public class AdminLogin {

    public static final String ADMIN_ID = "admin";

    private static final Logger log = LoggerFactory.getLogger(AdminLogin.class);

    private final String password;

    public AdminLogin(@Value("${rembug.dashboard.admin-password:}") String configured,
                      @Value("${rembug.telegram.token:}") String telegramToken) {
        if (StringUtils.hasText(configured)) {
            password = configured;
        } else if (!StringUtils.hasText(telegramToken)) {
            password = LoginLinks.randomToken().substring(0, 16);
            log.warn("Dashboard admin password for this run (set rembug.dashboard.admin-password to choose one): {}",
                    password);
        } else {
            password = null;
        }
    }

    public boolean enabled() {
        return password != null;
    }

    public Optional<Viewer> login(String offered) {
        if (password == null || offered == null) {
            return Optional.empty();
        }
        // Constant-time comparison: the time taken says nothing about how much of a guess was right.
        boolean same = MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                offered.getBytes(StandardCharsets.UTF_8));
        return same ? Optional.of(new Viewer(ADMIN_ID, Viewer.Role.ADMIN)) : Optional.empty();
    }

    /** For tests that log in as the admin without reading the log. */
    String password() {
        return password;
    }
}
