package id.rembug.bot.redis;

/**
 * The embedded Redis server could not be found, started or stopped. Carries what went wrong
 * and what the operator can do about it, so the start-up failure report can say both.
 */
public final class EmbeddedRedisException extends RuntimeException {

    /** The advice that fits most start failures: give the app a Redis it can use. */
    public static final String INSTALL_OR_CONFIGURE = "Install Redis so that redis-server is on PATH "
            + "(Debian/Ubuntu: sudo apt-get install redis-server), or set rembug.redis.embedded.executable "
            + "(REMBUG_REDIS_EMBEDDED_EXECUTABLE) to a redis-server binary, or point the bot at a running Redis "
            + "with SPRING_DATA_REDIS_URL=redis://host:6379.";

    private final String problem;
    private final String action;

    public EmbeddedRedisException(String problem, String action) {
        this(problem, action, null);
    }

    public EmbeddedRedisException(String problem, String action, Throwable cause) {
        super(problem + System.lineSeparator() + "What to do: " + action, cause);
        this.problem = problem;
        this.action = action;
    }

    /** What failed, without the advice. */
    public String problem() {
        return problem;
    }

    /** What the operator can do about it. */
    public String action() {
        return action;
    }
}
