package id.rembug.bot.channel;

import java.util.Optional;

/**
 * Where a text for a chat may be cut when it is too long: where a reader would pause, never
 * inside a word and never between the two halves of a surrogate pair (an emoji). Lengths are
 * counted in UTF-16 units, as Java's {@link String#length()} and Telegram count them.
 *
 * <p>Two uses: {@link #splitPoint} for a long message sent in parts (nothing is lost), and
 * {@link #shorten}/{@link #sentencesWithin} for a text that must fit a small space (a callback
 * answer of 200 characters, a quote in the simulator), where the rest is left out.
 */
public final class TextCuts {

    /** Marks a text that was cut inside a sentence. */
    public static final String ELLIPSIS = "…";
    private static final String SENTENCE_END = ".!?…";
    /** Quotes and brackets that may close a sentence after its full stop: {@code "Ayo."} ends there. */
    private static final String CLOSERS = "\"')]»”’";
    /** Left dangling before an ellipsis, these read as a mistake: "air, jalan,…". */
    private static final String DANGLING = ",;:-–—(/";

    private TextCuts() {
    }

    /**
     * Where the first part of a text longer than {@code limit} ends (exclusive); the text itself
     * if it fits. In this order of preference, each only in the part's second half so that no
     * part comes out needlessly short: the last paragraph break, the last line break, the last
     * sentence end; then the last space anywhere; then a hard cut that keeps emoji whole. The
     * whitespace at a cut belongs to neither part ({@link #skipBreak}).
     */
    public static int splitPoint(String text, int limit) {
        if (text.length() <= limit) {
            return text.length();
        }
        int floor = Math.max(1, limit / 2);
        int cut = lastParagraphBreak(text, limit, floor);
        if (cut < 0) {
            cut = lastLineBreak(text, limit, floor);
        }
        if (cut < 0) {
            cut = lastSentenceEnd(text, limit, floor);
        }
        if (cut < 0) {
            cut = lastSpace(text, limit, 1);
        }
        return cut > 0 ? cut : hardCut(text, limit);
    }

    /** The rest of a text after a cut, without the whitespace the cut was made at. */
    public static String skipBreak(String rest) {
        int start = 0;
        while (start < rest.length() && Character.isWhitespace(rest.charAt(start))) {
            start++;
        }
        return rest.substring(start);
    }

    /**
     * The text if it fits in {@code max}; otherwise its beginning up to the last whole sentence
     * (or line) that fits, when that keeps at least a third of the room; otherwise up to the last
     * whole word, with "…". Only a single word longer than the room is cut inside, and then
     * between characters, never inside an emoji.
     */
    public static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        Optional<String> sentences = sentencesWithin(text, max);
        if (sentences.isPresent()) {
            return sentences.get();
        }
        int room = max - ELLIPSIS.length();
        int space = lastSpace(text, room, 1);
        String head = text.substring(0, space > 0 ? space : hardCut(text, room)).stripTrailing();
        int end = head.length();
        while (end > 1 && (DANGLING.indexOf(head.charAt(end - 1)) >= 0 || Character.isWhitespace(head.charAt(end - 1)))) {
            end--;
        }
        return head.substring(0, end) + ELLIPSIS;
    }

    /**
     * The text if it fits in {@code max}, else its longest beginning that ends with a sentence or
     * a line and keeps at least a third of {@code max}; empty when there is none (then only a cut
     * inside a sentence would fit).
     */
    public static Optional<String> sentencesWithin(String text, int max) {
        if (text.length() <= max) {
            return Optional.of(text);
        }
        int floor = Math.max(1, max / 3);
        int cut = Math.max(lastLineBreak(text, max, floor), lastSentenceEnd(text, max, floor));
        if (cut < 0) {
            return Optional.empty();
        }
        String head = text.substring(0, cut).stripTrailing();
        return head.length() >= floor ? Optional.of(head) : Optional.empty();
    }

    // ---- boundaries: each returns where the part before it ends, or -1 ----------------------

    /** A blank line: a line break, maybe spaces, and another line break. */
    private static int lastParagraphBreak(String text, int limit, int floor) {
        for (int i = Math.min(limit, text.length() - 1); i >= floor; i--) {
            if (text.charAt(i) == '\n') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != '\n' && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                if (j < text.length() && text.charAt(j) == '\n') {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int lastLineBreak(String text, int limit, int floor) {
        for (int i = Math.min(limit, text.length() - 1); i >= floor; i--) {
            if (text.charAt(i) == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Whitespace right after a full stop, question or exclamation mark (maybe inside quotes). */
    private static int lastSentenceEnd(String text, int limit, int floor) {
        for (int i = Math.min(limit, text.length() - 1); i >= floor; i--) {
            if (Character.isWhitespace(text.charAt(i)) && endsSentence(text, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean endsSentence(String text, int end) {
        int k = end - 1;
        while (k >= 0 && CLOSERS.indexOf(text.charAt(k)) >= 0) {
            k--;
        }
        return k >= 0 && SENTENCE_END.indexOf(text.charAt(k)) >= 0;
    }

    private static int lastSpace(String text, int limit, int floor) {
        for (int i = Math.min(limit, text.length() - 1); i >= floor; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * At most {@code limit} units, moved back so that it splits no surrogate pair, does not part
     * a character from the combining mark, variation selector or zero-width joiner after it, and
     * is never zero (a limit under 2 cannot keep an emoji whole; no caller has one).
     */
    private static int hardCut(String text, int limit) {
        int cut = Math.min(limit, text.length());
        while (cut > 1 && cut < text.length() && holdsTogether(text, cut)) {
            cut--;
        }
        return Math.max(1, cut);
    }

    private static boolean holdsTogether(String text, int cut) {
        char next = text.charAt(cut);
        char previous = text.charAt(cut - 1);
        int type = Character.getType(next);
        return Character.isLowSurrogate(next) && Character.isHighSurrogate(previous)
                || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || next == '\u200D' || previous == '\u200D' || next >= '\uFE00' && next <= '\uFE0F';
    }
}
