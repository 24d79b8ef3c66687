package id.rembug.bot.telegram;

/** Where the Telegram channel keeps its own state in Redis. */
public final class TelegramKeys {

    /** STRING (expiring): the id of the instance that runs getUpdates now ({@link PollerLease}). */
    public static final String POLLER_LEASE = "rembug:telegram:poller";

    private TelegramKeys() {
    }
}
