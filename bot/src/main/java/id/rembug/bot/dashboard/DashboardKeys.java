package id.rembug.bot.dashboard;

/** Where the dashboard keeps its sessions, login links and login throttle in Redis (all expiring). */
final class DashboardKeys {

    private DashboardKeys() {
    }

    /** HASH {@code user}, {@code role}: a signed-in browser; expires after the idle timeout. */
    static String session(String id) {
        return "rembug:dashboard:session:" + id;
    }

    /** STRING: a one-time login link's token, holding the user id; expires after ten minutes. */
    static String loginLink(String token) {
        return "rembug:dashboard:login:" + token;
    }

    /** STRING counter: failed logins from one address in the throttle's window. */
    static String loginFailures(String address) {
        return "rembug:dashboard:login-failures:" + address;
    }
}
