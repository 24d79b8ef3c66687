package id.rembug.bot.knowledge;

import java.util.Objects;

/**
 * Why a {@link Signal} was raised, so the facilitator can judge the hint for themselves.
 *
 * @param signal     what was seen
 * @param stageKey   the stage of the answer
 * @param promptKey  the question the answer belongs to
 * @param phrase     the words of the answer that matched, as listed in the signals file; for a
 *                   button answer, the choice key
 * @param choice     true when a chosen button, not typed words, raised the signal
 * @param memberName who gave the answer; null for an answer shown without names (a private question)
 */
public record SignalEvidence(Signal signal, String stageKey, String promptKey, String phrase, boolean choice,
                             String memberName) {

    public SignalEvidence {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(phrase, "phrase");
    }
}
