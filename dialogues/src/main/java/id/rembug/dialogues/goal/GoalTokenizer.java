package id.rembug.dialogues.goal;

import static id.rembug.dialogues.goal.GoalLexicon.ABBREVIATIONS;
import static id.rembug.dialogues.goal.GoalLexicon.AMBIGUOUS_MONTHS;
import static id.rembug.dialogues.goal.GoalLexicon.COUNT_NOUNS;
import static id.rembug.dialogues.goal.GoalLexicon.CURRENCY;
import static id.rembug.dialogues.goal.GoalLexicon.LABEL_MARKERS;
import static id.rembug.dialogues.goal.GoalLexicon.LONG_TIME_UNITS;
import static id.rembug.dialogues.goal.GoalLexicon.MEASURE_UNITS;
import static id.rembug.dialogues.goal.GoalLexicon.MONTHS;
import static id.rembug.dialogues.goal.GoalLexicon.MULTIPLIERS;
import static id.rembug.dialogues.goal.GoalLexicon.NUMBER_JOINERS;
import static id.rembug.dialogues.goal.GoalLexicon.NUMBER_WORDS;
import static id.rembug.dialogues.goal.GoalLexicon.PARTS_OF_DAY;
import static id.rembug.dialogues.goal.GoalLexicon.SHORT_TIME_UNITS;
import static id.rembug.dialogues.goal.GoalLexicon.STANDALONE_MULTIPLIERS;

import id.rembug.dialogues.goal.GoalToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a goal into tokens the rules can read: lower case, phone abbreviations spelled out,
 * punctuation and emoji dropped, numbers told apart from dates, years, clock times and labels.
 * Stateless; every method is a pure function of its input.
 */
final class GoalTokenizer {

    private static final Map<String, Double> WORD_VALUES = Map.ofEntries(
            Map.entry("satu", 1d), Map.entry("dua", 2d), Map.entry("tiga", 3d), Map.entry("empat", 4d),
            Map.entry("lima", 5d), Map.entry("enam", 6d), Map.entry("tujuh", 7d), Map.entry("delapan", 8d),
            Map.entry("sembilan", 9d), Map.entry("sepuluh", 10d), Map.entry("sebelas", 11d),
            Map.entry("seratus", 100d), Map.entry("seribu", 1000d), Map.entry("sejuta", 1_000_000d),
            Map.entry("setengah", 0.5d), Map.entry("separuh", 0.5d), Map.entry("sepertiga", 1d / 3),
            Map.entry("seperempat", 0.25d),
            Map.entry("one", 1d), Map.entry("two", 2d), Map.entry("three", 3d), Map.entry("four", 4d),
            Map.entry("five", 5d), Map.entry("six", 6d), Map.entry("seven", 7d), Map.entry("eight", 8d),
            Map.entry("nine", 9d), Map.entry("ten", 10d), Map.entry("eleven", 11d), Map.entry("twelve", 12d),
            Map.entry("thirteen", 13d), Map.entry("fourteen", 14d), Map.entry("fifteen", 15d),
            Map.entry("sixteen", 16d), Map.entry("seventeen", 17d), Map.entry("eighteen", 18d),
            Map.entry("nineteen", 19d), Map.entry("twenty", 20d), Map.entry("thirty", 30d),
            Map.entry("forty", 40d), Map.entry("fifty", 50d), Map.entry("sixty", 60d),
            Map.entry("seventy", 70d), Map.entry("eighty", 80d), Map.entry("ninety", 90d),
            Map.entry("half", 0.5d));

    private static final Set<String> ORDINAL_SUFFIXES = Set.of("st", "nd", "rd");
    private static final Set<String> ORDINAL_CONTEXT = Set.of("the", "of", "on", "by", "before", "until");
    private static final Set<String> ONE_NOT_A_COUNT_BEFORE =
            Set.of("no", "every", "any", "some", "each", "the", "this", "that", "which", "someone", "anyone");
    private static final Set<String> ONE_NOT_A_COUNT_AFTER = Set.of("of", "another", "day", "by", "more");
    private static final Set<String> YEAR_CONTEXT_BEFORE = Set.of("tahun", "year", "pada", "sebelum", "sesudah",
            "setelah", "sampai", "hingga", "akhir", "awal", "pertengahan", "sejak", "mulai", "in", "by", "before",
            "until", "till", "since", "of", "end");
    private static final Set<String> CLOCK_CONTEXT_BEFORE = Set.of("jam", "pukul", "at");

    private GoalTokenizer() {
    }

    static List<GoalToken> tokenize(String text) {
        List<GoalToken> tokens = scan(text);
        tokens = resolveGluedSuffixes(text, tokens);
        tokens = classifyDigitNumbers(tokens);
        return mergeNumbers(tokens);
    }

    // ---------------------------------------------------------------- scanning

    private static List<GoalToken> scan(String text) {
        List<GoalToken> tokens = new ArrayList<>();
        int length = text.length();
        int lastEnd = -1;
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (isAsciiDigit(c)) {
                int end = i + 1;
                while (end < length) {
                    char d = text.charAt(end);
                    if (isAsciiDigit(d)) {
                        end++;
                    } else if (isNumberSeparator(d) && end + 1 < length && isAsciiDigit(text.charAt(end + 1))) {
                        end += 2;
                    } else {
                        break;
                    }
                }
                String raw = text.substring(i, end);
                tokens.add(new GoalToken(raw, raw, i, end, Kind.NUMBER, digitValue(raw), i == lastEnd, breakBetween(text, lastEnd, i)));
                lastEnd = end;
                i = end;
            } else if (isWordStart(text, i)) {
                int end = wordEnd(text, i);
                String word = lower(text.substring(i, end)).replace("'", "").replace("\u2019", "").replace("`", "");
                String norm = normalise(word);
                // "ibu2" and "ibu-ibu" are the same reduplicated word
                if (end < length && text.charAt(end) == '2' && (end + 1 == length || !Character.isLetterOrDigit(text.charAt(end + 1)))
                        && word.length() >= 2 && !LABEL_MARKERS.contains(norm)) {
                    norm = norm + "-" + norm;
                    end++;
                } else if (end + 1 < length && text.charAt(end) == '-' && isWordStart(text, end + 1)) {
                    int nextEnd = wordEnd(text, end + 1);
                    String next = lower(text.substring(end + 1, nextEnd));
                    if (next.equals(word)) {
                        norm = norm + "-" + norm;
                        end = nextEnd;
                    }
                }
                tokens.add(new GoalToken(text.substring(i, end), norm, i, end, Kind.WORD, Double.NaN, i == lastEnd,
                        breakBetween(text, lastEnd, i)));
                lastEnd = end;
                i = end;
            } else if (c == '%') {
                tokens.add(new GoalToken("%", "persen", i, i + 1, Kind.WORD, Double.NaN, i == lastEnd, false));
                lastEnd = i + 1;
                i++;
            } else if (c == '/' && !tokens.isEmpty() && i + 1 < length && isWordStart(text, i + 1)) {
                // "Rp 10.000/bulan" reads as "per bulan"
                tokens.add(new GoalToken("/", "per", i, i + 1, Kind.WORD, Double.NaN, i == lastEnd, false));
                lastEnd = i + 1;
                i++;
            } else {
                i += Character.charCount(text.codePointAt(i));
            }
        }
        return tokens;
    }

    /** True when punctuation that ends a phrase sits between two tokens. */
    private static boolean breakBetween(String text, int previousEnd, int start) {
        if (previousEnd < 0) {
            return false;
        }
        for (int k = previousEnd; k < start; k++) {
            if (",.;:!?()[]\n\u2026".indexOf(text.charAt(k)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int wordEnd(String text, int start) {
        int length = text.length();
        int end = start;
        while (end < length) {
            if (isWordChar(text, end)) {
                end += Character.charCount(text.codePointAt(end));
            } else if (isApostrophe(text.charAt(end)) && end > start && end + 1 < length && Character.isLetter(text.charAt(end + 1))) {
                end++;
            } else {
                break;
            }
        }
        return end;
    }

    /** A word starts with a letter (any script); marks such as emoji variation selectors only continue one. */
    private static boolean isWordStart(String text, int index) {
        int codePoint = text.codePointAt(index);
        if (codePoint < 128) {
            return (codePoint >= 'a' && codePoint <= 'z') || (codePoint >= 'A' && codePoint <= 'Z');
        }
        return Character.isLetter(codePoint) || Character.getType(codePoint) == Character.DECIMAL_DIGIT_NUMBER;
    }

    /** Letters (any script) and combining marks; ASCII digits start numbers instead. */
    private static boolean isWordChar(String text, int index) {
        int codePoint = text.codePointAt(index);
        if (codePoint < 128) {
            return (codePoint >= 'a' && codePoint <= 'z') || (codePoint >= 'A' && codePoint <= 'Z');
        }
        int type = Character.getType(codePoint);
        return Character.isLetter(codePoint) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.DECIMAL_DIGIT_NUMBER;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '`';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNumberSeparator(char c) {
        return c == '.' || c == ',' || c == '/' || c == '-' || c == ':';
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    static String normalise(String word) {
        return ABBREVIATIONS.getOrDefault(word, word);
    }

    // ---------------------------------------------------------------- glued suffixes

    /** "5th", "2x", "10k", "3bln", "17an": letters stuck to a number. */
    private static List<GoalToken> resolveGluedSuffixes(String text, List<GoalToken> tokens) {
        List<GoalToken> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            GoalToken token = tokens.get(i);
            GoalToken previous = out.isEmpty() ? null : out.get(out.size() - 1);
            boolean afterNumber = token.isWord() && previous != null && previous.isNumber();
            boolean hyphenated = afterNumber && token.start() == previous.end() + 1 && text.charAt(previous.end()) == '-';
            if (afterNumber && (token.glued() || hyphenated) && lower(token.raw()).equals("an")) {
                // "17an" / "17-an" is the Independence Day season; "90an" a decade: neither counts anything
                GoalToken merged = new GoalToken(previous.raw() + (hyphenated ? "-" : "") + token.raw(),
                        previous.value() == 17 ? "tujuhbelasan" : previous.raw() + "an", previous.start(), token.end(),
                        Kind.WORD, Double.NaN, previous.glued(), previous.afterBreak());
                out.set(out.size() - 1, merged);
                continue;
            }
            boolean gluedToNumber = token.glued() && afterNumber;
            if (gluedToNumber) {
                String raw = lower(token.raw());
                if (ORDINAL_SUFFIXES.contains(raw) || (raw.equals("th") && looksLikeEnglishDate(tokens, i))) {
                    out.set(out.size() - 1, extend(previous, token));
                    continue;
                }
                if (raw.equals("x")) {
                    token = token.withNorm("kali");
                } else if (raw.equals("k")) {
                    token = token.withNorm("ribu");
                }
            }
            out.add(token);
        }
        return out;
    }

    /** "5th of March", "the 5th", "March 5th": an ordinal day, not "5 tahun". */
    private static boolean looksLikeEnglishDate(List<GoalToken> tokens, int suffixIndex) {
        for (int j = Math.max(0, suffixIndex - 3); j <= Math.min(tokens.size() - 1, suffixIndex + 2); j++) {
            if (j == suffixIndex || j == suffixIndex - 1) {
                continue;
            }
            String norm = tokens.get(j).norm();
            if (MONTHS.contains(norm) || AMBIGUOUS_MONTHS.contains(norm) || ORDINAL_CONTEXT.contains(norm)) {
                return true;
            }
        }
        return false;
    }

    private static GoalToken extend(GoalToken number, GoalToken suffix) {
        return new GoalToken(number.raw() + suffix.raw(), number.norm(), number.start(), suffix.end(),
                number.kind(), number.value(), number.glued(), number.afterBreak());
    }

    // ---------------------------------------------------------------- digits

    private static List<GoalToken> classifyDigitNumbers(List<GoalToken> tokens) {
        List<GoalToken> out = new ArrayList<>(tokens);
        for (int i = 0; i < out.size(); i++) {
            GoalToken token = out.get(i);
            if (token.isNumber()) {
                out.set(i, token.withKind(digitKind(out, i)));
            }
        }
        return out;
    }

    private static Kind digitKind(List<GoalToken> tokens, int i) {
        String raw = tokens.get(i).raw();
        String before = i > 0 ? tokens.get(i - 1).norm() : "";
        String after = i + 1 < tokens.size() ? tokens.get(i + 1).norm() : "";
        // "gang 5" names a lane, but "gang 50 meter" measures it
        if (LABEL_MARKERS.contains(before) && !tokens.get(i).afterBreak() && !MEASURE_UNITS.contains(after)) {
            return Kind.LABEL;
        }
        boolean countedAfter = COUNT_NOUNS.contains(after) || MEASURE_UNITS.contains(after);
        if (raw.indexOf(':') >= 0) {
            return Kind.TIME_OF_DAY;
        }
        if (raw.indexOf('/') >= 0) {
            return countedAfter ? Kind.NUMBER : Kind.DATE;
        }
        if (raw.indexOf('-') >= 0) {
            int groups = raw.split("-").length;
            boolean range = groups == 2 && (countedAfter || LONG_TIME_UNITS.contains(after) || SHORT_TIME_UNITS.contains(after));
            return range ? Kind.NUMBER : Kind.DATE;
        }
        if (raw.indexOf('.') >= 0 || raw.indexOf(',') >= 0) {
            String[] groups = raw.split("[.,]");
            if (isThousandsGrouping(raw, groups)) {
                return Kind.NUMBER;
            }
            if (groups.length >= 3) {
                return Kind.DATE;
            }
            if (CLOCK_CONTEXT_BEFORE.contains(before) || PARTS_OF_DAY.contains(after)) {
                return Kind.TIME_OF_DAY;
            }
            // Indonesian writes decimals with a comma, so "19.30" or "07.00" is a clock time
            if (!countedAfter && raw.indexOf('.') >= 0 && looksLikeClock(groups)) {
                return Kind.TIME_OF_DAY;
            }
            return Kind.NUMBER;
        }
        if (raw.length() == 4 && !CURRENCY.contains(before)) {
            int year = Integer.parseInt(raw);
            // "2000 bibit" counts seedlings, but "tahun 2027 warga ..." is still a year
            if (year >= 1950 && year <= 2100 && (!countedAfter || YEAR_CONTEXT_BEFORE.contains(before))) {
                return Kind.YEAR;
            }
        }
        return Kind.NUMBER;
    }

    private static boolean looksLikeClock(String[] groups) {
        return groups.length == 2 && groups[0].length() <= 2 && groups[1].length() == 2
                && Integer.parseInt(groups[0]) <= 24 && Integer.parseInt(groups[1]) <= 59;
    }

    /** "500.000", "1,000,000": every group after the first has three digits, one separator kind. */
    private static boolean isThousandsGrouping(String raw, String[] groups) {
        if (groups.length < 2 || (raw.indexOf('.') >= 0 && raw.indexOf(',') >= 0)) {
            return false;
        }
        for (int g = 1; g < groups.length; g++) {
            if (groups[g].length() != 3) {
                return false;
            }
        }
        return groups[0].length() <= 3;
    }

    private static double digitValue(String raw) {
        String digits;
        String[] groups = raw.split("[.,]");
        if (raw.matches("\\d+")) {
            digits = raw;
        } else if (raw.matches("[\\d.,]+") && isThousandsGrouping(raw, groups)) {
            digits = raw.replace(".", "").replace(",", "");
        } else if (raw.matches("\\d+[.,]\\d+")) {
            digits = raw.replace(',', '.');
        } else {
            return Double.NaN;
        }
        if (digits.length() > 15) {
            return Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(digits);
    }

    // ---------------------------------------------------------------- spelled-out numbers

    /**
     * Joins "dua puluh lima", "one hundred and fifty" and "500 ribu" into one number token,
     * leaving words like "salah satu" (one of) and "no one" alone.
     */
    private static List<GoalToken> mergeNumbers(List<GoalToken> tokens) {
        List<GoalToken> out = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            GoalToken first = tokens.get(i);
            boolean startsWithDigits = first.isNumber();
            boolean startsWithWord = first.isWord() && NUMBER_WORDS.contains(first.norm()) && countsHere(tokens, i);
            if (!startsWithDigits && !startsWithWord) {
                out.add(first);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < tokens.size()) {
                GoalToken next = tokens.get(end);
                if (next.isWord() && NUMBER_WORDS.contains(next.norm()) && (!startsWithDigits || MULTIPLIERS.contains(next.norm()))) {
                    end++;
                } else if (!startsWithDigits && next.isWord() && NUMBER_JOINERS.contains(next.norm()) && end + 1 < tokens.size()
                        && tokens.get(end + 1).isWord() && NUMBER_WORDS.contains(tokens.get(end + 1).norm())
                        && !MULTIPLIERS.contains(tokens.get(end + 1).norm())) {
                    end += 2;
                } else {
                    break;
                }
            }
            List<GoalToken> parts = tokens.subList(i, end);
            if (startsWithWord && !hasBase(parts)) {
                // "ribu" or "puluh" on its own is not a number
                out.addAll(parts);
                i = end;
                continue;
            }
            if (parts.size() == 1 && startsWithDigits) {
                out.add(first);
            } else {
                out.add(joined(parts, startsWithDigits ? first.value() : Double.NaN));
            }
            i = end;
        }
        return out;
    }

    private static boolean countsHere(List<GoalToken> tokens, int i) {
        String norm = tokens.get(i).norm();
        String before = i > 0 ? tokens.get(i - 1).norm() : "";
        String after = i + 1 < tokens.size() ? tokens.get(i + 1).norm() : "";
        if (norm.equals("satu")) {
            return !before.equals("salah") && !after.equals("sama") && !after.equals("per");
        }
        if (norm.equals("one")) {
            return !ONE_NOT_A_COUNT_BEFORE.contains(before) && !ONE_NOT_A_COUNT_AFTER.contains(after);
        }
        return true;
    }

    private static boolean hasBase(List<GoalToken> parts) {
        for (GoalToken part : parts) {
            String norm = part.norm();
            if (!MULTIPLIERS.contains(norm) && !NUMBER_JOINERS.contains(norm) || STANDALONE_MULTIPLIERS.contains(norm)) {
                return true;
            }
        }
        return false;
    }

    private static GoalToken joined(List<GoalToken> parts, double leadingValue) {
        GoalToken first = parts.get(0);
        GoalToken last = parts.get(parts.size() - 1);
        StringBuilder raw = new StringBuilder();
        StringBuilder norm = new StringBuilder();
        List<String> words = new ArrayList<>();
        for (GoalToken part : parts) {
            if (raw.length() > 0) {
                raw.append(' ');
                norm.append(' ');
            }
            raw.append(part.raw());
            norm.append(part.norm());
            if (part.isWord()) {
                words.add(part.norm());
            }
        }
        double value = wordsValue(words, Double.isNaN(leadingValue) ? 0 : leadingValue);
        return new GoalToken(raw.toString(), norm.toString(), first.start(), last.end(), Kind.NUMBER, value, first.glued(),
                first.afterBreak());
    }

    /** A forgiving reading of spelled-out numbers; only small values (days of a month) matter. */
    static double wordsValue(List<String> words, double start) {
        double total = 0;
        double current = start;
        for (String word : words) {
            switch (word) {
                case "belas" -> current = (current == 0 ? 1 : current) + 10;
                case "puluh" -> current = (current == 0 ? 1 : current) * 10;
                case "ratus", "hundred" -> current = (current == 0 ? 1 : current) * 100;
                case "dozen" -> current = (current == 0 ? 1 : current) * 12;
                case "ribu", "thousand" -> {
                    total += (current == 0 ? 1 : current) * 1_000;
                    current = 0;
                }
                case "juta", "million" -> {
                    total += (current == 0 ? 1 : current) * 1_000_000;
                    current = 0;
                }
                case "miliar", "milyar", "billion" -> {
                    total += (current == 0 ? 1 : current) * 1_000_000_000d;
                    current = 0;
                }
                case "triliun" -> {
                    total += (current == 0 ? 1 : current) * 1_000_000_000_000d;
                    current = 0;
                }
                case "dan", "and" -> {
                }
                default -> {
                    Double value = WORD_VALUES.get(word);
                    if (value != null) {
                        current += value;
                    }
                }
            }
        }
        return total + current;
    }
}
