package id.rembug.bot.dashboard;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardAdminLoginTest {

    @Test
    void simulatorModeWithoutAPasswordGeneratesOneThatWorks() {
        AdminLogin first = new AdminLogin("", "");
        AdminLogin second = new AdminLogin("", "");
        assertThat(first.enabled()).isTrue();
        assertThat(first.password()).hasSizeGreaterThanOrEqualTo(16).isNotEqualTo(second.password());
        assertThat(first.login(first.password())).hasValue(new Viewer(AdminLogin.ADMIN_ID, Viewer.Role.ADMIN));
        assertThat(first.login(second.password())).isEmpty();
    }

    @Test
    void aConfiguredPasswordIsUsedAsGiven() {
        AdminLogin login = new AdminLogin("rahasia", "123:token");
        assertThat(login.login("rahasia")).isPresent();
        assertThat(login.login("Rahasia")).isEmpty();
        assertThat(login.login(null)).isEmpty();
    }

    @Test
    void withTelegramAndNoPasswordThereIsNoAdminLogin() {
        AdminLogin login = new AdminLogin("", "123:token");
        assertThat(login.enabled()).isFalse();
        assertThat(login.login("")).isEmpty();
    }
}
