package id.rembug.bot.redis;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an embedded Redis start failure into Spring Boot's "Description / Action" report. */
public class EmbeddedRedisFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedRedisException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedRedisException cause) {
        return new FailureAnalysis("The embedded Redis could not be started. " + cause.problem(), cause.action(),
                cause);
    }
}
