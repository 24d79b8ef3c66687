package id.rembug.bot.redis;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The version a {@code redis-server --version} reports, e.g. {@code 7.0.15}. */
public record RedisVersion(int major, int minor, int patch) {

    private static final Pattern VERSION_FIELD = Pattern.compile("\\bv=(\\d+)\\.(\\d+)\\.(\\d+)");

    /** Reads the {@code v=x.y.z} field of {@code redis-server --version} output. */
    public static Optional<RedisVersion> fromVersionOutput(String output) {
        Matcher matcher = VERSION_FIELD.matcher(output);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new RedisVersion(
                Integer.parseInt(matcher.group(1)),
                Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3))));
    }

    /**
     * Redis 7 keeps its append-only file as several files in {@code appendonlydir/}; older
     * servers read only a single {@code appendonly.aof} and would start empty on such a dir.
     */
    public boolean readsMultiPartAof() {
        return major >= 7;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
