package id.rembug.bot.broadcast;

import java.util.Optional;

/** An RSVP choice, as the button's callback data carries it ({@code v|<jobId>|<code>}). */
public enum Vote {
    YES("y", BroadcastText.VOTE_YES), NO("n", BroadcastText.VOTE_NO), MAYBE("m", BroadcastText.VOTE_MAYBE);

    static final String CALLBACK_PREFIX = "v|";

    final String code;
    final BroadcastText textKey;

    Vote(String code, BroadcastText textKey) {
        this.code = code;
        this.textKey = textKey;
    }

    String callbackData(String jobId) {
        return CALLBACK_PREFIX + jobId + "|" + code;
    }

    static Optional<Vote> ofCode(String code) {
        for (Vote vote : values()) {
            if (vote.code.equals(code)) {
                return Optional.of(vote);
            }
        }
        return Optional.empty();
    }

    /** RSVP counts. */
    public record Counts(int yes, int no, int maybe) {
        static final Counts NONE = new Counts(0, 0, 0);

        Counts plus(Vote vote) {
            return new Counts(yes + (vote == YES ? 1 : 0), no + (vote == NO ? 1 : 0), maybe + (vote == MAYBE ? 1 : 0));
        }

        /** A group that answered, and only "not coming": it gets no reminders. */
        boolean cancelled() {
            return no > 0 && yes == 0 && maybe == 0;
        }
    }
}
