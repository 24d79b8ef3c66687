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
                if (!group.get(0).equals(word)) {
                    List<String> ordered = new ArrayList<>(group.size());
                    ordered.add(word);
                    group.stream().filter(other -> !other.equals(word)).forEach(ordered::add);
                    group = List.copyOf(ordered);
                }
                groups.putIfAbsent(Set.copyOf(group), group);
            }
        }
        return List.copyOf(groups.values());
    }

    /** Whether a word is dropped from questions as saying nothing about the topic. */
    public boolean isIgnored(String word) {
        return ignored.contains(word.toLowerCase(Locale.ROOT));
    }
}
