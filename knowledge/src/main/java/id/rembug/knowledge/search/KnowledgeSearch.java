package id.rembug.knowledge.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
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
 * once per language with that language's Lucene analyzer, and ranked with BM25. A question is
 * first tidied by the {@link QueryNormaliser} (phone spellings, filler words, synonyms), then
 * searched in both languages at once; a word found in no article is also matched loosely, with
 * low weight, against look-alike words of the articles (as Lucene's FuzzyQuery would), so
 * typos still find their article.
 *
 * <p>Lucene's score says which article is best but not whether it is any good, so a separate
 * confidence check decides if the bot may answer. The article must either contain most of
 * the question's words (each weighted by how rare it is among the articles, as in BM25's
 * idf), or a fair share of them that includes at least two different words and one word in
 * its title, summary, tags or questions. A question that shares a single word with an article by
 * coincidence ("harga" in "menghargai") is declined, so the bot can say honestly that it
 * does not know.
 *
 * <p>Thread-safe once constructed.
 */
public final class KnowledgeSearch implements AutoCloseable {

    /** Share of the question's (idf-weighted) words an article must contain to answer it on that alone. */
    static final double STRONG_COVERAGE = 0.6;
    /**
     * The lower share that is enough when at least {@link #MIN_MATCHED_WORDS} different words of the
     * question appear in the article and one of them in its title, summary, tags or questions.
     */
    static final double MIN_COVERAGE = 0.3;
    static final int MIN_MATCHED_WORDS = 2;
    /** Other hits are offered as "also relevant" when they score at least this share of the best. */
    static final double ALSO_RELEVANT_SHARE = 0.5;
    static final int MAX_ALSO_RELEVANT = 2;
    static final int MAX_CLOSEST_TOPICS = 3;
    /** Below this share an article only shares an everyday word with the question: not worth offering. */
    static final double MIN_CLOSEST_COVERAGE = 0.15;

    /** The usual constant of reciprocal rank fusion: damps the difference between the very first ranks. */
    static final int RANK_FUSION_K = 60;
    /**
     * Words and letter likeness are fused by reciprocal rank too, with a small constant (the first
     * ranks matter most among 40-odd articles) and three times the weight for words, which are the sharper
     * evidence when they match. Chosen on the own and everyday sets, then measured on the fresh one.
     */
    static final int LIKENESS_FUSION_K = 10;
    static final double WORDS_FUSION_WEIGHT = 3.0;
    /**
     * An article whose own questions look this much like the question (cosine of letter pieces)
     * may answer it even when too few whole words match. No unrelated evaluation question reaches it.
     */
    static final double CONFIDENT_LIKENESS = 0.45;

    private static final String ARTICLE_ID = "article_id";
    private static final String RAW = "raw";
    /** Loose matches are a rescue for typos, so they score well below a real match. */
    private static final float FUZZY_BOOST = 0.3f;
    /** A word matched only by a look-alike counts for this share of its weight. */
    private static final double FUZZY_COVERAGE = 0.75;
    private static final int FUZZY_MIN_LENGTH = 5;
    /** As FuzzyQuery's default maximum expansions. */
    private static final int MAX_LOOK_ALIKES = 50;

    private enum Language { ID, EN }

    /** The analysed fields, each in one language and with the weight of its part of the article. */
    private enum SearchField {
        TITLE_ID("title_id", Language.ID, 3f), SUMMARY_ID("summary_id", Language.ID, 2f),
        TAGS_ID("tags_id", Language.ID, 2f), QUESTIONS_ID("questions_id", Language.ID, 2f),
        BODY_ID("body_id", Language.ID, 1f),
        TITLE_EN("title_en", Language.EN, 3f), SUMMARY_EN("summary_en", Language.EN, 2f),
        TAGS_EN("tags_en", Language.EN, 2f), QUESTIONS_EN("questions_en", Language.EN, 2f),
        BODY_EN("body_en", Language.EN, 1f);

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
            String code = language == Language.ID ? "id" : "en";
            return switch (this) {
                case TITLE_ID, TITLE_EN -> article.title().in(code);
                case SUMMARY_ID, SUMMARY_EN -> article.summary().in(code);
                // Tags and stage keys are written in either language, so both analyzers see them.
                case TAGS_ID, TAGS_EN -> String.join(" ", article.tags()) + " " + String.join(" ", article.stages());
                // Questions are written in either language too.
                case QUESTIONS_ID, QUESTIONS_EN -> String.join(" \n ", article.questions());
                case BODY_ID, BODY_EN -> article.body().in(code);
            };
        }
    }

    /** Which articles contain a word (or its look-alikes), anywhere and outside the body. */
    private record Occurrence(Set<String> anywhere, Set<String> outsideBody, Set<String> lookAlikes) {
        static final Occurrence NONE = new Occurrence(Set.of(), Set.of(), Set.of());

        boolean isEmpty() {
            return anywhere.isEmpty();
        }
    }

    /**
     * One word of the question with its synonyms: its analysed terms per field, where it
     * occurs exactly, and (for a word found nowhere) where a look-alike occurs.
     */
    private record QueryWord(String word, Map<SearchField, Set<String>> terms, boolean fuzzy,
                             Occurrence exact, Occurrence similar, double weight) {
    }

    private final KnowledgeBase knowledgeBase;
    private final QueryNormaliser normaliser;
    private final QuestionLikeness likeness;
    private final Analyzer indonesian = new IndonesianAnalyzer();
    private final Analyzer english = new EnglishAnalyzer();
    private final Analyzer raw = new RawAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Map<Integer, Article> articleByDoc = new HashMap<>();
    /** Per field, which articles hold each analysed term: the confidence check's own index. */
    private final Map<SearchField, Map<String, Set<String>>> termIndex = new HashMap<>();
    /** Unstemmed words, for finding look-alikes of misspelt words. */
    private final Map<String, Set<String>> rawIndex = new HashMap<>();
    private final Map<String, Set<String>> rawOutsideBodyIndex = new HashMap<>();

    public KnowledgeSearch(KnowledgeBase knowledgeBase) {
        this(knowledgeBase, QueryNormaliser.loadDefault());
    }

    public KnowledgeSearch(KnowledgeBase knowledgeBase, QueryNormaliser normaliser) {
        this.knowledgeBase = knowledgeBase;
        this.normaliser = normaliser;
        this.likeness = new QuestionLikeness(knowledgeBase, normaliser);
        Map<String, Analyzer> perField = new HashMap<>();
        for (SearchField field : SearchField.values()) {
            perField.put(field.name, analyzerFor(field.language));
            termIndex.put(field, new HashMap<>());
        }
        Analyzer analyzer = new PerFieldAnalyzerWrapper(raw, perField);
        try (IndexWriter writer = new IndexWriter(directory,
                new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity()))) {
            for (Article article : knowledgeBase.articles()) {
                writer.addDocument(document(article));
                remember(article);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the in-memory search index", e);
        }
        try {
            reader = DirectoryReader.open(directory);
            StoredFields stored = reader.storedFields();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                String id = stored.document(doc).get(ARTICLE_ID);
                articleByDoc.put(doc, knowledgeBase.findById(id).orElseThrow());
            }
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

    /**
     * As {@link #search(String, int)}, ranked by words and by meaning together: Lucene's ranking
     * and the vector ranking are fused by reciprocal rank (each list gives an article
     * {@code 1 / (k + rank)}), which needs no common scale between BM25 scores and cosine
     * similarities. An article may answer when the words check finds it confident, or when its
     * similarity reaches the query's {@link SemanticQuery#minSimilarity()}.
     */
    public List<SearchHit> search(String question, int limit, SemanticQuery semantic) {
        List<RankedHit> lexical = ranked(question);
        Map<String, Integer> lexicalRank = new HashMap<>();
        Map<String, Boolean> lexicalConfident = new HashMap<>();
        for (int i = 0; i < lexical.size(); i++) {
            lexicalRank.put(lexical.get(i).hit().article().id(), i + 1);
            lexicalConfident.put(lexical.get(i).hit().article().id(), lexical.get(i).confident());
        }
        Map<String, Double> similarity = new HashMap<>();
        for (Article article : knowledgeBase.articles()) {
            similarity.put(article.id(), semantic.articles().similarity(article.id(), semantic.question()));
        }
        List<Article> bySimilarity = knowledgeBase.articles().stream()
                .sorted(Comparator.comparingDouble((Article article) -> similarity.get(article.id())).reversed())
                .toList();
        List<SearchHit> fused = new ArrayList<>();
        for (int i = 0; i < bySimilarity.size(); i++) {
            Article article = bySimilarity.get(i);
            boolean confident = lexicalConfident.getOrDefault(article.id(), false)
                    || similarity.get(article.id()) >= semantic.minSimilarity();
            if (!confident) {
                continue;
            }
            double score = 1.0 / (RANK_FUSION_K + i + 1);
            Integer rank = lexicalRank.get(article.id());
            if (rank != null) {
                score += 1.0 / (RANK_FUSION_K + rank);
            }
            fused.add(new SearchHit(article, score));
        }
        fused.sort(Comparator.comparingDouble(SearchHit::score).reversed());
        return fused.stream().limit(limit).toList();
    }

    /** The answer to a question, or the nearest topics when the knowledge base has none. */
    public Answer answer(String question) {
        List<RankedHit> ranked = ranked(question);
        Optional<RankedHit> confident = ranked.stream().filter(RankedHit::confident).findFirst();
        if (confident.isEmpty()) {
            return new Answer.NotFound(ranked.stream()
                    .filter(hit -> hit.coverage() >= MIN_CLOSEST_COVERAGE)
                    .limit(MAX_CLOSEST_TOPICS)
                    .map(hit -> hit.hit().article())
                    .toList());
        }
        RankedHit best = confident.get();
        // A question about two things ("rapat soal giliran air") is covered half by each
        // article; the one that is not the answer is still worth offering to read next.
        List<SearchHit> alsoRelevant = ranked.stream()
                .filter(hit -> !hit.equals(best))
                .filter(hit -> hit.coverage() >= MIN_CLOSEST_COVERAGE)
                .filter(hit -> hit.wordsScore() >= best.wordsScore() * ALSO_RELEVANT_SHARE)
                .limit(MAX_ALSO_RELEVANT)
                .map(RankedHit::hit)
                .toList();
        return new Answer.Found(best.hit(), alsoRelevant);
    }

    /**
     * A readable account of how a question was understood and scored: its search words with
     * their weights, then the closest articles with score and coverage. For tuning the word
     * list and the articles, not for residents.
     */
    public String explain(String question) {
        StringBuilder out = new StringBuilder("words:");
        for (QueryWord word : queryWords(question)) {
            out.append(String.format(Locale.ROOT, " %s(%.2f%s)", word.word(), word.weight(),
                    word.fuzzy() ? ",fuzzy" : ""));
        }
        for (RankedHit hit : ranked(question).stream().limit(5).toList()) {
            out.append(String.format(Locale.ROOT, "%n  %-28s words %6.2f likeness %.2f coverage %.2f words %d%s%s",
                    hit.hit().article().id(), hit.wordsScore(), hit.likeness(), hit.coverage(), hit.matchedWords(),
                    hit.matchedOutsideBody() ? "" : " body-only",
                    hit.confident() ? "" : " (below cut-off)"));
        }
        return out.toString();
    }

    /**
     * A hit with how much of the question it explains: the idf-weighted share of the question's
     * words it contains, how many different words that is, and whether any of them is in its
     * title, summary, tags or questions (a word met only deep in the body is weak evidence); its
     * BM25 score, and how much its own questions look like this one letter by letter. The hit's
     * score is the fused rank of both.
     */
    private record RankedHit(SearchHit hit, double wordsScore, double likeness, double coverage, int matchedWords,
                             boolean matchedOutsideBody) {
        boolean confident() {
            return coverage >= STRONG_COVERAGE
                    || (coverage >= MIN_COVERAGE && matchedWords >= MIN_MATCHED_WORDS && matchedOutsideBody)
                    || (likeness >= CONFIDENT_LIKENESS && matchedWords >= MIN_MATCHED_WORDS);
        }
    }

    /**
     * Every article sharing a word or a likeness with the question, best first: the BM25 ranking
     * and the likeness ranking fused by reciprocal rank, each hit with its evidence.
     */
    private List<RankedHit> ranked(String question) {
        List<QueryWord> words = queryWords(question);
        if (words.isEmpty()) {
            return List.of();
        }
        TopDocs top;
        try {
            top = searcher.search(luceneQuery(words), Math.max(1, reader.maxDoc()));
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
        Map<String, Double> wordsScore = new HashMap<>();
        Map<String, Double> fused = new HashMap<>();
        for (int rank = 0; rank < top.scoreDocs.length; rank++) {
            ScoreDoc scoreDoc = top.scoreDocs[rank];
            String id = articleByDoc.get(scoreDoc.doc).id();
            wordsScore.put(id, (double) scoreDoc.score);
            fused.merge(id, WORDS_FUSION_WEIGHT / (LIKENESS_FUSION_K + rank + 1), Double::sum);
        }
        Map<String, Double> alike = likeness.of(question);
        List<String> byLikeness = alike.entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
        for (int rank = 0; rank < byLikeness.size(); rank++) {
            fused.merge(byLikeness.get(rank), 1.0 / (LIKENESS_FUSION_K + rank + 1), Double::sum);
        }
        List<RankedHit> hits = new ArrayList<>(fused.size());
        fused.forEach((id, score) -> hits.add(evidence(new SearchHit(knowledgeBase.findById(id).orElseThrow(), score),
                wordsScore.getOrDefault(id, 0.0), alike.getOrDefault(id, 0.0), words)));
        hits.sort(Comparator.comparingDouble((RankedHit hit) -> hit.hit().score()).reversed()
                .thenComparing(hit -> hit.hit().article().id()));
        return hits;
    }

    private List<QueryWord> queryWords(String question) {
        List<QueryWord> words = new ArrayList<>();
        int total = knowledgeBase.articles().size();
        for (List<String> group : normaliser.normalise(question == null ? "" : question)) {
            Map<SearchField, Set<String>> terms = new HashMap<>();
            Set<String> exactAnywhere = new HashSet<>();
            Set<String> exactOutsideBody = new HashSet<>();
            for (SearchField field : SearchField.values()) {
                Set<String> fieldTerms = new LinkedHashSet<>();
                for (String variant : group) {
                    fieldTerms.addAll(analyze(analyzerFor(field.language), field.name, variant));
                }
                if (fieldTerms.isEmpty()) {
                    continue;
                }
                terms.put(field, fieldTerms);
                for (String term : fieldTerms) {
                    Set<String> ids = termIndex.get(field).getOrDefault(term, Set.of());
                    exactAnywhere.addAll(ids);
                    if (!field.isBody()) {
                        exactOutsideBody.addAll(ids);
                    }
                }
            }
            if (terms.isEmpty()) {
                continue;
            }
            String word = group.get(0);
            Occurrence exact = new Occurrence(Set.copyOf(exactAnywhere), Set.copyOf(exactOutsideBody), Set.of());
            // Only words found nowhere are matched loosely: a correctly spelt word should not
            // also pull in every article with a word that looks like it.
            boolean fuzzy = exact.isEmpty() && word.length() >= FUZZY_MIN_LENGTH;
            Occurrence similar = fuzzy ? similar(word) : Occurrence.NONE;
            // A misspelt word weighs as much as the word it resembles; a word found nowhere
            // weighs the most, because it is most likely what the question is really about.
            int containing = exact.isEmpty() ? similar.anywhere().size() : exact.anywhere().size();
            double weight = Math.log(1 + (total - containing + 0.5) / (containing + 0.5));
            words.add(new QueryWord(word, terms, fuzzy, exact, similar, weight));
        }
        return words;
    }

    /**
     * The articles' words within one edit (two for words of 8 letters or more; a swap of two
     * letters is one edit) of a word, sharing its first letter, as Lucene's FuzzyQuery would
     * find them. Looked up in our own vocabulary because building FuzzyQuery's two-edit
     * automaton costs several milliseconds per question, far more than the whole search.
     */
    private Occurrence similar(String word) {
        int maxEdits = maxEdits(word);
        List<String> lookAlikes = new ArrayList<>();
        Set<String> anywhere = new HashSet<>();
        Set<String> outsideBody = new HashSet<>();
        for (Map.Entry<String, Set<String>> entry : rawIndex.entrySet()) {
            String candidate = entry.getKey();
            if (candidate.charAt(0) == word.charAt(0) && Math.abs(candidate.length() - word.length()) <= maxEdits
                    && EditDistance.between(candidate, word) <= maxEdits) {
                lookAlikes.add(candidate);
                anywhere.addAll(entry.getValue());
                outsideBody.addAll(rawOutsideBodyIndex.getOrDefault(candidate, Set.of()));
            }
        }
        lookAlikes.sort(Comparator.comparingInt((String candidate) -> EditDistance.between(candidate, word))
                .thenComparing(Comparator.naturalOrder()));
        return new Occurrence(Set.copyOf(anywhere), Set.copyOf(outsideBody),
                new LinkedHashSet<>(lookAlikes.subList(0, Math.min(MAX_LOOK_ALIKES, lookAlikes.size()))));
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
            if (!word.similar().lookAlikes().isEmpty()) {
                // Scored as one blended term, like FuzzyQuery's default rewrite, so a word with
                // many look-alikes does not outweigh one with a single look-alike.
                SynonymQuery.Builder lookAlikes = new SynonymQuery.Builder(RAW);
                word.similar().lookAlikes().forEach(lookAlike -> lookAlikes.addTerm(new Term(RAW, lookAlike)));
                query.add(new BoostQuery(lookAlikes.build(), FUZZY_BOOST), BooleanClause.Occur.SHOULD);
            }
        }
        return query.build();
    }

    private static RankedHit evidence(SearchHit hit, double wordsScore, double likeness, List<QueryWord> words) {
        String id = hit.article().id();
        double matched = 0;
        double all = 0;
        int matchedWords = 0;
        boolean outsideBody = false;
        for (QueryWord word : words) {
            all += word.weight();
            if (word.exact().anywhere().contains(id)) {
                matched += word.weight();
                outsideBody |= word.exact().outsideBody().contains(id);
            } else if (word.similar().anywhere().contains(id)) {
                matched += word.weight() * FUZZY_COVERAGE;
                outsideBody |= word.similar().outsideBody().contains(id);
            } else {
                continue;
            }
            matchedWords++;
        }
        return new RankedHit(hit, wordsScore, likeness, all == 0 ? 0 : matched / all, matchedWords, outsideBody);
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

    private void remember(Article article) {
        for (SearchField field : SearchField.values()) {
            String text = field.textOf(article);
            for (String term : analyze(analyzerFor(field.language), field.name, text)) {
                termIndex.get(field).computeIfAbsent(term, key -> new HashSet<>()).add(article.id());
            }
            for (String word : analyze(raw, RAW, text)) {
                rawIndex.computeIfAbsent(word, key -> new HashSet<>()).add(article.id());
                if (!field.isBody()) {
                    rawOutsideBodyIndex.computeIfAbsent(word, key -> new HashSet<>()).add(article.id());
                }
            }
        }
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
