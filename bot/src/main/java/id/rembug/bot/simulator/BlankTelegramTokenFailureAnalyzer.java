package id.rembug.bot.simulator;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an empty Telegram token into Spring Boot's "Description / Action" start-up report. */
public class BlankTelegramTokenFailureAnalyzer extends AbstractFailureAnalyzer<BlankTelegramTokenException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BlankTelegramTokenException cause) {
        return new FailureAnalysis(BlankTelegramTokenException.PROBLEM, BlankTelegramTokenException.ACTION, cause);
    }
}
