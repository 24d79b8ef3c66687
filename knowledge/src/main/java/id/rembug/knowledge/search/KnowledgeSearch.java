package id.rembug.knowledge.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

import id.rembug.knowledge.Article;
import id.rembug.knowledge.KnowledgeBase;

/**
 * Finds the articles that answer a resident's or facilitator's question, in Bahasa
 * Indonesia, English or a mix of both.
 *
 * <p>Built in memory at start-up (the articles are few and small). Each article is indexed
 * twice, once per language with that language's Lucene analyzer, and ranked with BM25.
 * Lucene's score says which article is best but not whether it is any good, so a separate
 * confidence check decides if the bot may answer. The article must either contain most of
 * the question's words (each weighted by how rare it is among the articles, as in BM25's
 * idf), or a fair share of them that includes at least two different words and one word in
 * its title, summary or tags. A question that shares a single word
 * with an article by coincidence ("harga" in "menghargai") is declined, so the bot can say
 * honestly that it does not know.
 *
 * <p>Thread-safe once constructed.
 */
public final class KnowledgeSearch implements AutoCloseable {

    /** Share of the question's (idf-weighted) words an article must contain to answer it on that alone. */
    static final double STRONG_COVERAGE = 0.6;
    /**
     * The lower share that is enough when at least {@link #MIN_MATCHED_WORDS} different words of the
     * question appear in the article: one shared word is too often a coincidence.
     */
    static final double MIN_COVERAGE = 0.3;
    static final int MIN_MATCHED_WORDS = 2;
    /** Other confident hits are offered as "also relevant" when they score at least this share of the best. */
    static final double ALSO_RELEVANT_SHARE = 0.5;
    static final int MAX_ALSO_RELEVANT = 2;
    static final int MAX_CLOSEST_TOPICS = 3;
    /** Below this share an article only shares an everyday word with the question: not worth offering. */
    static final double MIN_CLOSEST_COVERAGE = 0.15;

    private static final String ARTICLE_ID = "article_id";
    private static final String RAW = "raw";
    private static final float FUZZY_BOOST = 0.3f;
    /** A word matched only by a look-alike counts for this share of its weight. */
    private static final double FUZZY_COVERAGE = 0.75;
    private static final int FUZZY_MIN_LENGTH = 5;

    private enum Language { ID, EN }

    /** The analysed fields, each in one language and with the weight of its part of the article. */
    private enum SearchField {
        TITLE_ID("title_id", Language.ID, 3f), SUMMARY_ID("summary_id", Language.ID, 2f),
        TAGS_ID("tags_id", Language.ID, 2f), BODY_ID("body_id", Language.ID, 1f),
        TITLE_EN("title_en", Language.EN, 3f), SUMMARY_EN("summary_en", Language.EN, 2f),
        TAGS_EN("tags_en", Language.EN, 2f), BODY_EN("body_en", Language.EN, 1f);

        final String name;
        final Language language;
        final float boost;

        SearchField(String name, Language language, float boost) {
            this.name = name;
            this.language = language;
            this.boost = boost;
        }

        boolean isBody() {
            return this == BODY_ID || this == BODY_EN;
        }

        String textOf(Article article) {
            String lang = language == Language.ID ? "id" : "en";
            return switch (this) {
                case TITLE_ID, TITLE_EN -> article.title().in(lang);
                case SUMMARY_ID, SUMMARY_EN -> article.summary().in(lang);
                // Tags and stage keys are written in either language, so both analyzers see them.
                case TAGS_ID, TAGS_EN -> String.join(" ", article.tags()) + " " + String.join(" ", article.stages());
                case BODY_ID, BODY_EN -> article.body().in(lang);
            };
        }
    }

    /** What the confidence check needs to know about one article, worked out once at start-up. */
    private record IndexedArticle(Article article, Map<SearchField, Set<String>> terms, Set<String> rawWords,
                                  Set<String> rawWordsOutsideBody) {
    }

    /** One word of the question with its synonyms, analysed for every field. */
    private record QueryWord(String word, Map<SearchField, Set<String>> terms, boolean fuzzy) {
    }

    private final KnowledgeBase knowledgeBase;
    private final QueryNormaliser normaliser;
    private final Analyzer indonesian = new IndonesianAnalyzer();
    private final Analyzer english = new EnglishAnalyzer();
    private final Analyzer raw = new RawAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Map<String, IndexedArticle> indexed = new HashMap<>();

    public KnowledgeSearch(KnowledgeBase knowledgeBase) {
        this(knowledgeBase, QueryNormaliser.loadDefault());
    }

    public KnowledgeSearch(KnowledgeBase knowledgeBase, QueryNormaliser normaliser) {
        this.knowledgeBase = knowledgeBase;
        this.normaliser = normaliser;
        Map<String, Analyzer> perField = new HashMap<>();
        for (SearchField field : SearchField.values()) {
            perField.put(field.name, analyzerFor(field.language));
        }
        Analyzer analyzer = new PerFieldAnalyzerWrapper(raw, perField);
        try (IndexWriter writer = new IndexWriter(directory,
                new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity()))) {
            for (Article article : knowledgeBase.articles()) {
                writer.addDocument(document(article));
                indexed.put(article.id(), describe(article));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the in-memory search index", e);
        }
        try {
            reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the in-memory search index", e);
        }
        searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity());
    }

    /** The search over the articles shipped with the application. */
    public static KnowledgeSearch createDefault() {
        return new KnowledgeSearch(KnowledgeBase.loadDefault());
    }

    public KnowledgeBase knowledgeBase() {
        return knowledgeBase;
    }

    public Optional<Article> findById(String id) {
        return knowledgeBase.findById(id);
    }

    public Optional<Article> forStage(String stageKey) {
        return knowledgeBase.forStage(stageKey);
    }

    public Optional<Article> forRole(String role) {
        return knowledgeBase.forRole(role);
    }

    /**
     * The articles that answer the question with confidence, best first, at most
     * {@code limit}. Empty when nothing in the knowledge base is about the question.
     */
    public List<SearchHit> search(String question, int limit) {
        return ranked(question).stream()
                .filter(RankedHit::confident)
                .limit(limit)
                .map(RankedHit::hit)
                .toList();
    }

    /** The answer to a question, or the nearest topics when the knowledge base has none. */
    public Answer answer(String question) {
        List<RankedHit> ranked = ranked(question);
        List<SearchHit> confident = ranked.stream().filter(RankedHit::confident).map(RankedHit::hit).toList();
        if (confident.isEmpty()) {
            return new Answer.NotFound(ranked.stream()
                    .filter(hit -> hit.coverage() >= MIN_CLOSEST_COVERAGE)
                    .limit(MAX_CLOSEST_TOPICS)
                    .map(hit -> hit.hit().article())
                    .toList());
        }
        SearchHit best = confident.get(0);
        List<SearchHit> alsoRelevant = confident.stream()
                .skip(1)
                .filter(hit -> hit.score() >= best.score() * ALSO_RELEVANT_SHARE)
                .limit(MAX_ALSO_RELEVANT)
                .toList();
        return new Answer.Found(best, alsoRelevant);
    }

    /**
     * A readable account of how a question was understood and scored: its search words with
     * their weights, then the closest articles with score and coverage. For tuning the word
     * list and articles, not for residents.
     */
    public String explain(String question) {
        List<QueryWord> words = queryWords(question == null ? "" : question);
        Map<QueryWord, Double> weights = weights(words);
        StringBuilder out = new StringBuilder("words:");
        for (QueryWord word : words) {
            out.append(String.format(java.util.Locale.ROOT, " %s(%.2f%s)", word.word(), weights.get(word),
                    word.fuzzy() ? ",fuzzy" : ""));
        }
        for (RankedHit hit : ranked(question).stream().limit(5).toList()) {
            out.append(String.format(java.util.Locale.ROOT, "%n  %-28s score %6.2f coverage %.2f words %d%s%s",
                    hit.hit().article().id(), hit.hit().score(), hit.coverage(), hit.matchedWords(),
                    hit.matchedOutsideBody() ? "" : " body-only", hit.confident() ? "" : " (below cut-off)"));
        }
        return out.toString();
    }

    /**
     * A hit with how much of the question it explains: the idf-weighted share of the question's
     * words it contains, how many different words that is, and whether any of them is in its
     * title, summary or tags (a word met only deep in the body is weak evidence).
     */
    private record RankedHit(SearchHit hit, double coverage, int matchedWords, boolean matchedOutsideBody) {
        boolean confident() {
            return coverage >= STRONG_COVERAGE
                    || (coverage >= MIN_COVERAGE && matchedWords >= MIN_MATCHED_WORDS && matchedOutsideBody);
        }
    }

    private enum Match { EXACT, SIMILAR, NONE }

    /** Every article sharing anything with the question, by BM25 score, with its coverage. */
    private List<RankedHit> ranked(String question) {
        List<QueryWord> words = queryWords(question);
        if (words.isEmpty()) {
            return List.of();
        }
        Query query = luceneQuery(words);
        TopDocs top;
        try {
            top = searcher.search(query, Math.max(1, knowledgeBase.articles().size()));
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
        Map<QueryWord, Double> weights = weights(words);
        List<RankedHit> hits = new ArrayList<>();
        for (ScoreDoc scoreDoc : top.scoreDocs) {
            String id;
            try {
                id = searcher.storedFields().document(scoreDoc.doc).get(ARTICLE_ID);
            } catch (IOException e) {
                throw new UncheckedIOException("search failed", e);
            }
            IndexedArticle article = indexed.get(id);
            hits.add(evidence(new SearchHit(article.article(), scoreDoc.score), article, words, weights));
        }
        hits.sort(Comparator.comparingDouble((RankedHit hit) -> hit.hit().score()).reversed());
        return hits;
    }

    private List<QueryWord> queryWords(String question) {
        List<QueryWord> words = new ArrayList<>();
        for (List<String> group : normaliser.normalise(question == null ? "" : question)) {
            Map<SearchField, Set<String>> terms = new HashMap<>();
            for (SearchField field : SearchField.values()) {
                Set<String> fieldTerms = new LinkedHashSet<>();
                for (String variant : group) {
                    fieldTerms.addAll(analyze(analyzerFor(field.language), field.name, variant));
                }
                if (!fieldTerms.isEmpty()) {
                    terms.put(field, fieldTerms);
                }
            }
            if (terms.isEmpty()) {
                continue;
            }
            String word = group.get(0);
            boolean known = indexed.values().stream().anyMatch(article -> containsExactly(article, terms, false));
            // Only unknown words are matched loosely: a correctly spelt word should not also
            // pull in every article with a word that looks like it.
            words.add(new QueryWord(word, terms, !known && word.length() >= FUZZY_MIN_LENGTH));
        }
        return words;
    }

    private Query luceneQuery(List<QueryWord> words) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (QueryWord word : words) {
            word.terms().forEach((field, terms) -> {
                Query termQuery;
                if (terms.size() == 1) {
                    termQuery = new TermQuery(new Term(field.name, terms.iterator().next()));
                } else {
                    SynonymQuery.Builder synonyms = new SynonymQuery.Builder(field.name);
                    terms.forEach(term -> synonyms.addTerm(new Term(field.name, term)));
                    termQuery = synonyms.build();
                }
                query.add(new BoostQuery(termQuery, field.boost), BooleanClause.Occur.SHOULD);
            });
            if (word.fuzzy()) {
                query.add(new BoostQuery(new FuzzyQuery(new Term(RAW, word.word()), maxEdits(word.word()), 1),
                        FUZZY_BOOST), BooleanClause.Occur.SHOULD);
            }
        }
        return query.build();
    }

    /** Rare words say more about what the question is about, as in BM25's idf. */
    private Map<QueryWord, Double> weights(List<QueryWord> words) {
        int total = indexed.size();
        Map<QueryWord, Double> weights = new HashMap<>();
        for (QueryWord word : words) {
            // A misspelt word weighs as much as the word it resembles; a word found nowhere
            // weighs the most, because it is most likely what the question is really about.
            long containing = indexed.values().stream().filter(article -> match(article, word) != Match.NONE).count();
            weights.put(word, Math.log(1 + (total - containing + 0.5) / (containing + 0.5)));
        }
        return weights;
    }

    private RankedHit evidence(SearchHit hit, IndexedArticle article, List<QueryWord> words,
                               Map<QueryWord, Double> weights) {
        double matched = 0;
        double all = 0;
        int matchedWords = 0;
        boolean outsideBody = false;
        for (QueryWord word : words) {
            double weight = weights.get(word);
            all += weight;
            Match match = match(article, word);
            if (match == Match.NONE) {
                continue;
            }
            matched += match == Match.EXACT ? weight : weight * FUZZY_COVERAGE;
            matchedWords++;
            outsideBody |= match == Match.EXACT
                    ? containsExactly(article, word.terms(), true)
                    : containsSimilar(article.rawWordsOutsideBody(), word.word());
        }
        return new RankedHit(hit, all == 0 ? 0 : matched / all, matchedWords, outsideBody);
    }

    private static Match match(IndexedArticle article, QueryWord word) {
        if (containsExactly(article, word.terms(), false)) {
            return Match.EXACT;
        }
        if (word.fuzzy() && containsSimilar(article.rawWords(), word.word())) {
            return Match.SIMILAR;
        }
        return Match.NONE;
    }

    private static boolean containsExactly(IndexedArticle article, Map<SearchField, Set<String>> terms,
                                           boolean outsideBodyOnly) {
        for (Map.Entry<SearchField, Set<String>> entry : terms.entrySet()) {
            if (outsideBodyOnly && entry.getKey().isBody()) {
                continue;
            }
            Set<String> articleTerms = article.terms().get(entry.getKey());
            for (String term : entry.getValue()) {
                if (articleTerms.contains(term)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean containsSimilar(Set<String> rawWords, String word) {
        int maxEdits = maxEdits(word);
        for (String candidate : rawWords) {
            if (candidate.charAt(0) == word.charAt(0) && Math.abs(candidate.length() - word.length()) <= maxEdits
                    && EditDistance.between(candidate, word) <= maxEdits) {
                return true;
            }
        }
        return false;
    }

    private static int maxEdits(String word) {
        return word.length() >= 8 ? 2 : 1;
    }

    private Document document(Article article) {
        Document document = new Document();
        document.add(new StoredField(ARTICLE_ID, article.id()));
        StringBuilder all = new StringBuilder();
        for (SearchField field : SearchField.values()) {
            String text = field.textOf(article);
            document.add(new TextField(field.name, text, Field.Store.NO));
            all.append(text).append('\n');
        }
        document.add(new TextField(RAW, all.toString(), Field.Store.NO));
        return document;
    }

    private IndexedArticle describe(Article article) {
        Map<SearchField, Set<String>> terms = new HashMap<>();
        StringBuilder all = new StringBuilder();
        StringBuilder outsideBody = new StringBuilder();
        for (SearchField field : SearchField.values()) {
            String text = field.textOf(article);
            terms.put(field, Set.copyOf(analyze(analyzerFor(field.language), field.name, text)));
            all.append(text).append('\n');
            if (!field.isBody()) {
                outsideBody.append(text).append('\n');
            }
        }
        return new IndexedArticle(article, terms, Set.copyOf(analyze(raw, RAW, all.toString())),
                Set.copyOf(analyze(raw, RAW, outsideBody.toString())));
    }

    private Analyzer analyzerFor(Language language) {
        return language == Language.ID ? indonesian : english;
    }

    private static List<String> analyze(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse text", e);
        }
        return terms;
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        indonesian.close();
        english.close();
        raw.close();
    }

    /** Lower-cased words without stemming, so near-misses of a misspelt word can be found. */
    private static final class RawAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }
}
