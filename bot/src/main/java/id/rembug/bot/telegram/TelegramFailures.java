package id.rembug.bot.telegram;

import id.rembug.bot.channel.SendResult;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * What a failed Bot API call means for whoever made it.
 *
 * <p>TelegramBots reads Telegram's error body whatever the HTTP status, so a
 * {@link TelegramApiRequestException} carries Telegram's {@code error_code}, description and
 * parameters. When it carries no code, the answer was not Telegram's JSON at all (a proxy's HTML
 * error page, a cut connection): that is treated as passing trouble. Network failures and
 * time-outs arrive as a plain {@code TelegramApiException} around an {@code IOException}.
 */
final class TelegramFailures {

    /** Telegram's 429 without a retry_after: wait this long. */
    static final int DEFAULT_RETRY_AFTER_SECONDS = 5;

    private TelegramFailures() {
    }

    static SendResult classify(Exception failure) {
        if (failure instanceof TelegramApiValidationException invalid) {
            return new SendResult.Rejected("refused before sending: " + invalid.getMessage());
        }
        if (failure instanceof TelegramApiRequestException request) {
            return classify(request);
        }
        if (failure instanceof RuntimeException) {
            // A message the client library cannot even build: sending it again would fail the same way.
            return new SendResult.Rejected("cannot build the request: " + failure);
        }
        return new SendResult.Transient(describe(failure));
    }

    private static SendResult classify(TelegramApiRequestException failure) {
        int code = failure.getErrorCode() == null ? 0 : failure.getErrorCode();
        String description = failure.getApiResponse() != null ? failure.getApiResponse() : describe(failure);
        ResponseParameters parameters = failure.getParameters();
        if (code == 429) {
            Integer retryAfter = parameters == null ? null : parameters.getRetryAfter();
            return new SendResult.RetryAfter(retryAfter == null || retryAfter < 1 ? DEFAULT_RETRY_AFTER_SECONDS : retryAfter);
        }
        if (code == 403) {
            return new SendResult.Forbidden(description);
        }
        if (code == 400 && parameters != null && parameters.getMigrateToChatId() != null) {
            return new SendResult.Migrated(String.valueOf(parameters.getMigrateToChatId()));
        }
        if (code == 0 || code >= 500) {
            return new SendResult.Transient(code == 0 ? description : "[" + code + "] " + description);
        }
        if (code == 401 || code == 404) {
            // The token is wrong or revoked: nothing can be sent, but the messages are fine and
            // should wait for a corrected token rather than be dropped.
            return new SendResult.Transient("[" + code + "] Telegram refused the bot token: " + description);
        }
        return new SendResult.Rejected("[" + code + "] " + description);
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(": ").append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                text.append(' ').append(cause.getMessage());
            }
        }
        return text.toString();
    }
}
