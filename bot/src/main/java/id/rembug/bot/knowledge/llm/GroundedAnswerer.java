package id.rembug.bot.knowledge.llm;

import id.rembug.bot.knowledge.KnowledgeAdvisor;
import id.rembug.bot.knowledge.KnowledgeText;
import id.rembug.bot.knowledge.KnowledgeTexts;
import id.rembug.bot.knowledge.Reply;
import id.rembug.dialogues.flow.Language;
import id.rembug.knowledge.Article;
import id.rembug.knowledge.search.KnowledgeSearch;
import id.rembug.knowledge.search.SearchHit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /tanya} answered in the model's own words, but only from our articles: the search picks
 * the articles, the model gets only those (ids and texts) and must cite them by id. An answer
 * that cites nothing, or cites an id it was not given, is thrown away for the deterministic
 * {@link KnowledgeAdvisor#ask} reply, as is any failure. With the model off, or when the search
 * finds no article that answers, the model is not asked at all.
 *
 * <p>A model answer carries a footer naming the articles it came from; the deterministic reply
 * has none, so the reader can always tell which one they got.
 */
public final class GroundedAnswerer {

    static final String TASK = "question answer";
    /** The articles the model may use: the search's confident hits, best first. */
    static final int MAX_ARTICLES = 3;
    static final int MAX_LENGTH = 1000;
    static final String NO_ANSWER = "NO_ANSWER";
    /** Anything in square brackets on one line: every one of them must be a given article's id. */
    private static final Pattern CITATION = Pattern.compile("\\[([^\\]\\n]{1,200})]");
    private static final int MAX_QUESTION_LENGTH = 500;

    /** The reply to send, who wrote it, and the articles it rests on. */
    public record GroundedAnswer(Reply reply, Source source, List<String> articleIds) {
        public GroundedAnswer {
            Objects.requireNonNull(reply, "reply");
            Objects.requireNonNull(source, "source");
            articleIds = List.copyOf(articleIds);
        }
    }

    record ArticleData(String id, String title, String text) {
    }

    record QuestionData(String question) {
    }

    private final LlmClient llm;
    private final KnowledgeAdvisor advisor;
    private final KnowledgeSearch search;
    private final ArticleEmbeddings embeddings;
    private final KnowledgeTexts texts;
    private final LlmPrompts prompts;

    public GroundedAnswerer(LlmClient llm, KnowledgeAdvisor advisor, KnowledgeSearch search,
                            ArticleEmbeddings embeddings, KnowledgeTexts texts, LlmPrompts prompts) {
        this.llm = llm;
        this.advisor = advisor;
        this.search = search;
        this.embeddings = embeddings;
        this.texts = texts;
        this.prompts = prompts;
    }

    public GroundedAnswer answer(String question, Language language) {
        if (!llm.enabled() || question == null || question.isBlank()) {
            return deterministic(question, language);
        }
        String trimmed = question.strip();
        if (trimmed.length() > MAX_QUESTION_LENGTH) {
            trimmed = trimmed.substring(0, MAX_QUESTION_LENGTH);
        }
        String searched = trimmed;
        // by meaning too when an embeddings model is configured and answers; by words alone otherwise
        List<Article> articles = embeddings.query(searched)
                .map(semantic -> search.search(searched, MAX_ARTICLES, semantic))
                .orElseGet(() -> search.search(searched, MAX_ARTICLES))
                .stream().map(SearchHit::article).toList();
        if (articles.isEmpty()) {
            return deterministic(question, language);
        }
        UntrustedData.Block sources = UntrustedData.articles(articles.stream()
                .map(article -> new ArticleData(article.id(), article.title().in(language.code()),
                        article.body().in(language.code())))
                .toList());
        UntrustedData.Block asked = UntrustedData.of(new QuestionData(trimmed));
        String system = prompts.get(LlmPrompts.Key.ANSWER_SYSTEM, Map.of(
                "language", LlmPrompts.languageName(language), "tag", asked.tag(), "articlesTag", sources.tag()));
        String user = prompts.get(LlmPrompts.Key.ANSWER_REQUEST, Map.of()) + "\n\n" + sources.text() + "\n\n"
                + asked.text();
        Set<String> given = new LinkedHashSet<>(articles.stream().map(Article::id).toList());
        Optional<Checked> checked = llm.chat(TASK, system, user, false).flatMap(text -> check(text, given));
        if (checked.isEmpty()) {
            return deterministic(question, language);
        }
        llm.usable(TASK);
        List<String> ids = checked.get().citedIds();
        List<Article> citedArticles = ids.stream().map(id -> search.findById(id).orElseThrow()).toList();
        String reply = checked.get().text() + "\n\n" + texts.get(KnowledgeText.MODEL_ANSWER_FOOTER, language,
                Map.of("ids", String.join(", ", ids)))
                + "\n" + advisor.readMore(ids.get(0), language);
        return new GroundedAnswer(new Reply(reply, advisor.buttons(citedArticles, language)), Source.LLM, ids);
    }

    /** A model answer that passed the checks, with the articles it cites in order of first citation. */
    private record Checked(String text, List<String> citedIds) {
    }

    /**
     * The answer when it may be sent: it is not a refusal, not too long, cites at least one
     * article, and everything it puts in square brackets is the id of an article it was given
     * (which therefore exists). "[tahap-arah, peran-broker]" cites two.
     */
    private Optional<Checked> check(String text, Set<String> given) {
        if (text.contains(NO_ANSWER)) {
            llm.unusable(TASK, "the model found no answer in the articles");
            return Optional.empty();
        }
        if (text.length() > MAX_LENGTH) {
            llm.unusable(TASK, "the answer was " + text.length() + " characters long");
            return Optional.empty();
        }
        Set<String> cited = new LinkedHashSet<>();
        Matcher citation = CITATION.matcher(text);
        while (citation.find()) {
            for (String part : citation.group(1).split(",")) {
                String id = part.strip();
                if (!given.contains(id)) {
                    llm.unusable(TASK, "the answer cites [" + id + "], which it was not given");
                    return Optional.empty();
                }
                cited.add(id);
            }
        }
        if (cited.isEmpty()) {
            llm.unusable(TASK, "the answer cites no article");
            return Optional.empty();
        }
        return Optional.of(new Checked(text, List.copyOf(cited)));
    }

    private GroundedAnswer deterministic(String question, Language language) {
        return new GroundedAnswer(advisor.ask(question, language), Source.DETERMINISTIC, List.of());
    }
}
