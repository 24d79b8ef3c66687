package id.rembug.bot.simulator;

/**
 * {@code rembug.telegram.token} is present but empty. Reported by
 * {@link BlankTelegramTokenFailureAnalyzer} as what was wrong and the two ways to mend it.
 */
public final class BlankTelegramTokenException extends RuntimeException {

    static final String PROBLEM = "rembug.telegram.token (REMBUG_TELEGRAM_TOKEN) is set but empty, so Rembug cannot "
            + "tell whether it should run the Telegram bot or the local simulator.";
    static final String ACTION = "To run the bot, set REMBUG_TELEGRAM_TOKEN to the token BotFather gave you "
            + "(123456:ABC...). To run the local simulator, remove the variable (or the property) entirely.";

    public BlankTelegramTokenException() {
        super(PROBLEM + " " + ACTION);
    }
}
