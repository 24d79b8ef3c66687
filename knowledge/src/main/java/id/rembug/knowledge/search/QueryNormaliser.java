package id.rembug.knowledge.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;

/**
 * Turns a question typed on a phone into the words worth searching for: informal spellings
 * become standard words ("gmn" becomes "bagaimana"), question and filler words are dropped,
 * and each remaining word carries its synonyms ("rapat" also finds "pertemuan").
 *
 * <p>The word lists live in a plain text file ({@code search/words.txt}) so program staff can
 * extend them without touching Java.
 */
public final class QueryNormaliser {

    public static final String DEFAULT_WORDS = "search/words.txt";
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern REPEATED_LETTERS = Pattern.compile("(\\p{L})\\1{2,}");
    /** Informal plural: "anggota2" is "anggota-anggota", which searches like "anggota". */
    private static final Pattern PLURAL_TWO = Pattern.compile("^(\\p{L}{2,})2$");
    /** More words than any real question has; keeps a pasted essay from building a huge query. */
    private static final int MAX_WORDS = 40;

    private final Map<String, List<String>> replacements;
    private final Map<String, List<String>> synonyms;
    private final CharArraySet ignored;

    private QueryNormaliser(Map<String, List<String>> replacements, Map<String, List<String>> synonyms,
                            CharArraySet ignored) {
        this.replacements = Map.copyOf(replacements);
        this.synonyms = Map.copyOf(synonyms);
        this.ignored = CharArraySet.unmodifiableSet(ignored);
    }

    public static QueryNormaliser loadDefault() {
        try (InputStream in = QueryNormaliser.class.getClassLoader().getResourceAsStream(DEFAULT_WORDS)) {
            if (in == null) {
                throw new IllegalStateException("missing " + DEFAULT_WORDS + " on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_WORDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a word file. Line kinds ({@code #} starts a comment):
     * <ul>
     *   <li>{@code gmn, gimana => bagaimana}: the words on the left are read as the words on the right;</li>
     *   <li>{@code rapat = pertemuan = musyawarah}: words that mean the same; any finds the others;</li>
     *   <li>{@code ignore: caranya, how, what}: words that say nothing about the topic.</li>
     * </ul>
     * The standard Indonesian and English stop words of Lucene's analyzers are ignored too.
     */
    public static QueryNormaliser parse(String text, String source) {
        Map<String, List<String>> replacements = new HashMap<>();
        Map<String, Set<String>> synonymSets = new LinkedHashMap<>();
        CharArraySet ignored = new CharArraySet(IndonesianAnalyzer.getDefaultStopSet(), false);
        ignored.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceFirst("#.*", "").strip().toLowerCase(Locale.ROOT);
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("ignore:")) {
                ignored.addAll(words(line.substring("ignore:".length()), ","));
            } else if (line.contains("=>")) {
                String[] sides = line.split("=>", -1);
                List<String> to = words(sides[1], "\\s+");
                List<String> from = words(sides[0], ",");
                if (sides.length != 2 || to.isEmpty() || from.isEmpty()) {
                    throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected 'word, word => word'");
                }
                from.forEach(word -> replacements.put(word, to));
            } else if (line.contains("=")) {
                List<String> group = words(line, "=");
                if (group.size() < 2) {
                    throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected 'word = word'");
                }
                // Groups that share a word merge, so "a = b" and "b = c" make a, b and c equal.
                Set<String> merged = new LinkedHashSet<>(group);
                for (String word : group) {
                    Set<String> existing = synonymSets.get(word);
                    if (existing != null) {
                        merged.addAll(existing);
                    }
                }
                merged.forEach(word -> synonymSets.put(word, merged));
            } else {
                throw new IllegalArgumentException(source + ":" + (i + 1)
                        + ": expected 'a, b => c', 'a = b' or 'ignore: a, b'");
            }
        }
        Map<String, List<String>> synonyms = new HashMap<>();
        synonymSets.forEach((word, set) -> synonyms.put(word, List.copyOf(set)));
        return new QueryNormaliser(replacements, synonyms, ignored);
    }

    private static List<String> words(String text, String separator) {
        List<String> words = new ArrayList<>();
        for (String word : text.split(separator)) {
            if (!word.isBlank()) {
                words.add(word.strip());
            }
        }
        return words;
    }

    /**
     * The search words of a question: one group per distinct content word, each group holding
     * the word itself first and then its synonyms.
     */
    public List<List<String>> normalise(String question) {
        Map<Set<String>, List<String>> groups = new LinkedHashMap<>();
        int count = 0;
        for (String token : NON_WORD.split(question.toLowerCase(Locale.ROOT))) {
            if (token.isEmpty() || count >= MAX_WORDS) {
                continue;
            }
            count++;
            String cleaned = REPEATED_LETTERS.matcher(token).replaceAll("$1");
            cleaned = PLURAL_TWO.matcher(cleaned).replaceAll("$1");
            for (String word : replacements.getOrDefault(cleaned, List.of(cleaned))) {
                if (word.length() < 2 || ignored.contains(word)) {
                    continue;
                }
                List<String> group = synonyms.getOrDefault(word, List.of(word));
                List<String> ordered = new ArrayList<>(group.size() + 3);
                ordered.add(word);
                group.stream().filter(other -> !other.equals(word)).forEach(ordered::add);
                if (group.size() == 1) {
                    informalForms(word).stream().filter(form -> !ordered.contains(form)).forEach(ordered::add);
                }
                group = List.copyOf(ordered);
                groups.putIfAbsent(Set.copyOf(group), group);
            }
        }
        return List.copyOf(groups.values());
    }

    /**
     * The standard forms an everyday Jakarta-style verb may stand for, so the Indonesian stemmer can
     * find its root: the suffix "-in" is "-kan" ("dilaporin" is "dilaporkan"), the nasal prefixes
     * "nge-", "ng-", "ny-", "n-" and "m-" are "me-" ("nentuin" is "menentukan", "ngerayain" is
     * "merayakan"), and "nge-" may also sit on a bare root ("ngecek" is "cek"). Words of five letters
     * or fewer are left alone: too many ordinary words look like these.
     */
    static List<String> informalForms(String word) {
        if (word.length() <= 5) {
            return List.of();
        }
        List<String> forms = new ArrayList<>();
        String root = word;
        boolean suffix = word.endsWith("in") && !word.endsWith("ain") || word.endsWith("ain") && word.length() > 7;
        if (suffix) {
            root = word.substring(0, word.length() - 2) + "kan";
            forms.add(root);
        }
        if (root.startsWith("nge")) {
            forms.add(root.substring(3));
            forms.add("me" + root.substring(1));
            forms.add("me" + root.substring(3));
        } else if (root.startsWith("ng") || root.startsWith("ny") || (root.startsWith("n") && !root.startsWith("ny"))
                || root.startsWith("m") && !root.startsWith("me")) {
            if (!root.startsWith("me")) {
                forms.add("me" + root);
            }
        }
        if (word.endsWith("nya") && word.length() > 7) {
            forms.add(word.substring(0, word.length() - 3));
        }
        return forms;
    }

    /** Whether a word is dropped from questions as saying nothing about the topic. */
    public boolean isIgnored(String word) {
        return ignored.contains(word.toLowerCase(Locale.ROOT));
    }
}
