package id.rembug.bot.telegram;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.telegram.telegrambots.meta.TelegramUrl;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Telegram channel's settings ({@code rembug.telegram.*}). With no token the channel is off
 * and nothing here is checked; with a token, every setting is checked at start-up so a mistake
 * stops the app with a message that names the property, rather than surfacing later as a silent
 * bot.
 *
 * @param token              the bot token from BotFather ({@code 123456:ABC...}); unset = Telegram off
 * @param apiUrl             base URL of the Bot API, used for every call (polling, sending,
 *                           setWebhook, setMyCommands); a local Bot API server or a test double
 * @param mode               how updates arrive: long polling (default) or a webhook
 * @param webhookUrl         webhook mode: the public https URL Telegram should POST updates to
 * @param webhookPath        webhook mode: the path this app serves updates on
 * @param webhookSecret      webhook mode: the secret Telegram sends in
 *                           {@code X-Telegram-Bot-Api-Secret-Token}; required there
 * @param pollTimeoutSeconds polling mode: how long one getUpdates call waits for news
 * @param requestTimeout     the limit for one ordinary Bot API call (sending, setWebhook...);
 *                           a getUpdates call may take {@code pollTimeoutSeconds} longer
 * @param webhookMaxBody     webhook mode: the largest update body accepted (default 1 MiB; an
 *                           update is a few kilobytes); a larger one is answered 413 unread
 */
@ConfigurationProperties("rembug.telegram")
public record TelegramProperties(String token, String apiUrl, Mode mode, String webhookUrl, String webhookPath,
                                 String webhookSecret, Integer pollTimeoutSeconds, Duration requestTimeout,
                                 DataSize webhookMaxBody) {

    public static final String DEFAULT_API_URL = "https://api.telegram.org";
    public static final String DEFAULT_WEBHOOK_PATH = "/telegram/webhook";
    public static final int DEFAULT_POLL_TIMEOUT_SECONDS = 50;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final DataSize DEFAULT_WEBHOOK_MAX_BODY = DataSize.ofMegabytes(1);

    private static final Pattern TOKEN = Pattern.compile("(\\d+):[A-Za-z0-9_-]+");
    // What setWebhook accepts as secret_token.
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    public enum Mode { POLLING, WEBHOOK }

    public TelegramProperties {
        token = token == null || token.isBlank() ? null : token.strip();
        apiUrl = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl.strip();
        mode = mode == null ? Mode.POLLING : mode;
        webhookPath = webhookPath == null || webhookPath.isBlank() ? DEFAULT_WEBHOOK_PATH : webhookPath.strip();
        pollTimeoutSeconds = pollTimeoutSeconds == null ? DEFAULT_POLL_TIMEOUT_SECONDS : pollTimeoutSeconds;
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        webhookMaxBody = webhookMaxBody == null ? DEFAULT_WEBHOOK_MAX_BODY : webhookMaxBody;
        if (token != null) {
            check(TOKEN.matcher(token).matches(),
                    "rembug.telegram.token does not look like a bot token (digits, a colon, then letters, e.g. 123456:ABC-def)");
            telegramUrl(apiUrl);
            check(pollTimeoutSeconds >= 0 && pollTimeoutSeconds <= 600,
                    "rembug.telegram.poll-timeout-seconds must be between 0 and 600, was " + pollTimeoutSeconds);
            check(!requestTimeout.isNegative() && !requestTimeout.isZero(),
                    "rembug.telegram.request-timeout must be positive, was " + requestTimeout);
            check(webhookMaxBody.toBytes() > 0 && webhookMaxBody.toBytes() <= Integer.MAX_VALUE,
                    "rembug.telegram.webhook-max-body must be between 1B and 2GB, was " + webhookMaxBody);
            check(webhookPath.startsWith("/"), "rembug.telegram.webhook-path must start with '/', was " + webhookPath);
            if (mode == Mode.WEBHOOK) {
                check(webhookSecret != null && !webhookSecret.isBlank(),
                        "rembug.telegram.webhook-secret is required in webhook mode: Telegram sends it with every update"
                                + " so forged updates can be refused (1-256 characters: A-Z, a-z, 0-9, _ and -)");
                check(SECRET.matcher(webhookSecret).matches(),
                        "rembug.telegram.webhook-secret may only hold 1-256 characters A-Z, a-z, 0-9, _ and -");
                check(webhookUrl != null && webhookUrl.strip().toLowerCase(Locale.ROOT).startsWith("https://"),
                        "rembug.telegram.webhook-url is required in webhook mode and must be the public https URL"
                                + " Telegram posts updates to, was " + webhookUrl);
            }
        }
    }

    public boolean enabled() {
        return token != null;
    }

    /** The bot's own user id: the digits before the colon in its token. */
    public long botUserId() {
        var matcher = TOKEN.matcher(token == null ? "" : token);
        if (!matcher.matches()) {
            throw new IllegalStateException("No valid rembug.telegram.token");
        }
        return Long.parseLong(matcher.group(1));
    }

    /** The time one getUpdates call may take: the long-poll wait plus an ordinary call's limit. */
    public Duration pollRequestTimeout() {
        return Duration.ofSeconds(pollTimeoutSeconds).plus(requestTimeout);
    }

    public TelegramUrl telegramUrl() {
        return telegramUrl(apiUrl);
    }

    // TelegramBots builds every request URL from scheme, host and port alone, so a base URL with a
    // path (a reverse proxy under /tg) cannot work; say so now instead of failing every call later.
    private static TelegramUrl telegramUrl(String apiUrl) {
        URI uri;
        try {
            uri = URI.create(apiUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rembug.telegram.api-url is not a URL: " + apiUrl, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        check(scheme.equals("http") || scheme.equals("https"),
                "rembug.telegram.api-url must start with http:// or https://, was " + apiUrl);
        check(uri.getHost() != null, "rembug.telegram.api-url has no host: " + apiUrl);
        check(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"),
                "rembug.telegram.api-url must be scheme, host and port only (TelegramBots cannot add a path), was "
                        + apiUrl);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new TelegramUrl(scheme, uri.getHost(), port, false);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Settings for a bot that talks to the given Bot API, polling; the rest at their defaults. */
    public static TelegramProperties polling(String token, String apiUrl) {
        return new TelegramProperties(token, apiUrl, Mode.POLLING, null, null, null, null, null, null);
    }
}
