package id.rembug.dialogues.goal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tiny, precompiled phrase language over tokens, so the word patterns stay readable data
 * instead of nested regular expressions.
 *
 * <p>A pattern is a space-separated list of slots. A slot lists alternatives separated by
 * {@code |}; an alternative is a normalised word ({@code sebelum}) or an upper-case class name
 * ({@code NUM}, {@code MONTH}) looked up in the class table given at compile time. A slot
 * ending in {@code ?} may be skipped. A pattern starting with {@code ~} is <em>marked</em>;
 * callers use the mark to tell two kinds of match apart (for time: a clock time that frames
 * nothing). Matching is leftmost-longest and never overlaps.
 */
final class PhrasePatterns {

    /** Decides whether the token at {@code index} belongs to a class. */
    @FunctionalInterface
    interface TokenClass {
        boolean test(Analysis analysis, int index);
    }

    /** The tokens of one goal plus anything earlier passes have worked out about them. */
    interface Analysis {
        List<GoalToken> tokens();

        /** True when an earlier pass has claimed the token for a time expression. */
        boolean inTimeExpression(int index);
    }

    /** Tokens {@code from} (inclusive) to {@code to} (exclusive). */
    record Match(int from, int to, boolean marked) {
    }

    private record Slot(Set<String> words, TokenClass[] classes, boolean optional) {
        boolean accepts(Analysis analysis, int index) {
            if (words.contains(analysis.tokens().get(index).norm())) {
                return true;
            }
            for (TokenClass tokenClass : classes) {
                if (tokenClass.test(analysis, index)) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Pattern(Slot[] slots, boolean marked) {
    }

    private final List<Pattern> patterns;

    private PhrasePatterns(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    static PhrasePatterns compile(Map<String, TokenClass> classes, String... specs) {
        return compile(classes, Arrays.asList(specs));
    }

    static PhrasePatterns compile(Map<String, TokenClass> classes, List<String> specs) {
        List<Pattern> compiled = new ArrayList<>();
        for (String spec : specs) {
            String text = spec.trim();
            boolean marked = text.startsWith("~");
            if (marked) {
                text = text.substring(1).trim();
            }
            List<Slot> slots = new ArrayList<>();
            for (String slotText : text.split("\\s+")) {
                boolean optional = slotText.endsWith("?");
                String body = optional ? slotText.substring(0, slotText.length() - 1) : slotText;
                Set<String> words = new HashSet<>();
                List<TokenClass> slotClasses = new ArrayList<>();
                for (String alternative : body.split("\\|")) {
                    if (isClassName(alternative)) {
                        TokenClass tokenClass = classes.get(alternative);
                        if (tokenClass == null) {
                            throw new IllegalArgumentException("unknown class " + alternative + " in: " + spec);
                        }
                        slotClasses.add(tokenClass);
                    } else if (!alternative.isEmpty()) {
                        words.add(alternative);
                    }
                }
                slots.add(new Slot(Set.copyOf(words), slotClasses.toArray(TokenClass[]::new), optional));
            }
            if (slots.stream().allMatch(Slot::optional)) {
                throw new IllegalArgumentException("pattern can match nothing: " + spec);
            }
            compiled.add(new Pattern(slots.toArray(Slot[]::new), marked));
        }
        return new PhrasePatterns(compiled);
    }

    private static boolean isClassName(String alternative) {
        if (alternative.isEmpty()) {
            return false;
        }
        for (int i = 0; i < alternative.length(); i++) {
            char c = alternative.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** All non-overlapping matches, leftmost first, each the longest available there. */
    List<Match> findAll(Analysis analysis) {
        int size = analysis.tokens().size();
        List<Match> found = new ArrayList<>();
        int index = 0;
        while (index < size) {
            int bestEnd = -1;
            boolean bestMarked = false;
            for (Pattern pattern : patterns) {
                int end = matchFrom(analysis, index, pattern.slots(), 0);
                // Ties go to the unmarked pattern: a phrase that frames time wins over a clock time.
                if (end > bestEnd || (end == bestEnd && end > index && bestMarked && !pattern.marked())) {
                    bestEnd = end;
                    bestMarked = pattern.marked();
                }
            }
            if (bestEnd > index) {
                found.add(new Match(index, bestEnd, bestMarked));
                index = bestEnd;
            } else {
                index++;
            }
        }
        return found;
    }

    /** The end of the longest match of slots[slot..] starting at token {@code index}, or -1. */
    private static int matchFrom(Analysis analysis, int index, Slot[] slots, int slot) {
        if (slot == slots.length) {
            return index;
        }
        Slot current = slots[slot];
        int best = -1;
        if (index < analysis.tokens().size() && current.accepts(analysis, index)) {
            best = matchFrom(analysis, index + 1, slots, slot + 1);
        }
        if (current.optional()) {
            best = Math.max(best, matchFrom(analysis, index, slots, slot + 1));
        }
        return best;
    }
}
