package id.rembug.bot.knowledge;

import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.channel.TextCuts;
import id.rembug.dialogues.engine.StageSummary;
import id.rembug.dialogues.flow.Choice;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.Prompt;
import id.rembug.dialogues.flow.Stage;
import id.rembug.knowledge.Article;
import id.rembug.knowledge.Text;
import id.rembug.knowledge.search.Answer;
import id.rembug.knowledge.search.KnowledgeSearch;
import id.rembug.knowledge.search.SearchHit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The knowledge base as the chat uses it: answers to {@code /tanya}, articles for {@code /baca},
 * the "why does this stage matter?" button, and practical notes for the facilitator under a
 * stage's summary. Every method returns text ready to send, in the language asked for, short
 * enough for a small phone screen (the {@code ...Alert} ones within a callback answer's 200
 * characters); all wording comes from {@code texts/knowledge.yaml} and the articles themselves.
 *
 * <p>Deterministic and thread-safe; no network. The optional language model lives in
 * {@code id.rembug.bot.knowledge.llm} and falls back to this class.
 *
 * <p>At start-up it checks that every stage of the flow has its article. A stage without one is
 * logged as a warning, not a failed start: staff may run a custom flow with stages of their own,
 * and such a stage still works, only without the "why" button and the next-stage tip (ask
 * {@link #hasStageArticle(String)} before offering the button). The stock flow is covered in full,
 * which a test pins down.
 */
public class KnowledgeAdvisor {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeAdvisor.class);
    static final String MEDIATOR = "mediator";
    static final String BROKER = "broker";
    static final String ADVOCATE = "advocate";
    /** Longer questions are cut before searching; the search reads at most 40 words anyway. */
    private static final int MAX_QUESTION_LENGTH = 500;
    /** An unknown article code is echoed back, but never more than an id's length of it. */
    private static final int MAX_ID_SHOWN = 40;
    private static final Pattern NOT_ID_CHARACTER = Pattern.compile("[^a-z0-9-]");
    private static final int MAX_EVIDENCE = 3;

    private final KnowledgeSearch search;
    private final Flow flow;
    private final KnowledgeTexts texts;
    private final AnswerSignals signals;
    private final List<String> stagesWithoutArticle;

    public KnowledgeAdvisor(KnowledgeSearch search, Flow flow, KnowledgeTexts texts, AnswerSignals signals) {
        this.search = search;
        this.flow = flow;
        this.texts = texts;
        this.signals = signals;
        this.stagesWithoutArticle = flow.stages().stream()
                .map(Stage::key)
                .filter(key -> search.forStage(key).isEmpty())
                .toList();
        if (!stagesWithoutArticle.isEmpty()) {
            log.warn("Flow '{}' ({}) has {} stage(s) without a knowledge article: {}. They run normally, but get no "
                            + "'why does this stage matter?' button and no tip for the facilitator. Add an article "
                            + "'tahap-<stage key>' to the knowledge base to give them one.",
                    flow.id(), flow.source(), stagesWithoutArticle.size(), String.join(", ", stagesWithoutArticle));
        }
        List<String> unknownChoices = signals.choiceTriggers().stream().filter(trigger -> !inFlow(trigger)).toList();
        if (!unknownChoices.isEmpty()) {
            log.warn("{} names buttons that flow '{}' does not have, so they never raise a note: {}",
                    AnswerSignals.DEFAULT_RESOURCE, flow.id(), String.join(", ", unknownChoices));
        }
    }

    /** The flow's stages that have no {@code tahap-<key>} article, in flow order. */
    public List<String> stagesWithoutArticle() {
        return stagesWithoutArticle;
    }

    /** The id of the article that explains the stage, for {@code /baca <id>}. */
    public Optional<String> stageArticleId(String stageKey) {
        return search.forStage(stageKey).map(Article::id);
    }

    /** Whether {@link #whyStage} has something to say: offer the button only then. */
    public boolean hasStageArticle(String stageKey) {
        return search.forStage(stageKey).isPresent();
    }

    // ---- /tanya ------------------------------------------------------------------------

    /**
     * The answer to {@code /tanya <question>}: the best article's title and summary with how to
     * read more, or an honest "I don't know" with up to three nearby topics, or, for an empty
     * question, how to ask one.
     */
    public Reply ask(String question, Language language) {
        if (question == null || question.isBlank()) {
            return Reply.text(texts.get(KnowledgeText.ASK_USAGE, language));
        }
        String trimmed = question.strip();
        Answer answer = search.answer(trimmed.length() > MAX_QUESTION_LENGTH
                ? trimmed.substring(0, MAX_QUESTION_LENGTH) : trimmed);
        if (answer instanceof Answer.Found found) {
            Article best = found.best().article();
            StringBuilder text = new StringBuilder(texts.get(KnowledgeText.ASK_FOUND, language, Map.of(
                    "title", best.title().in(language.code()),
                    "summary", best.summary().in(language.code()),
                    "id", best.id())));
            text.append('\n').append(readMore(best.id(), language));
            List<Article> also = found.alsoRelevant().stream().map(SearchHit::article).toList();
            if (!also.isEmpty()) {
                text.append("\n\n").append(texts.get(KnowledgeText.ALSO_RELEVANT, language)).append('\n')
                        .append(topicLines(also, language));
            }
            List<Article> offered = new ArrayList<>();
            offered.add(best);
            offered.addAll(also);
            return new Reply(text.toString(), buttons(offered, language));
        }
        List<Article> closest = ((Answer.NotFound) answer).closestTopics();
        StringBuilder text = new StringBuilder(texts.get(KnowledgeText.ASK_NOT_FOUND, language));
        if (closest.isEmpty()) {
            text.append('\n').append(texts.get(KnowledgeText.ASK_REPHRASE, language));
        } else {
            text.append("\n\n").append(texts.get(KnowledgeText.ASK_CLOSEST, language)).append('\n')
                    .append(topicLines(closest, language));
        }
        return new Reply(text.toString(), buttons(closest, language));
    }

    // ---- /baca -------------------------------------------------------------------------

    /**
     * The whole article for {@code /baca <id>} as plain text, in one message (the longest article
     * is far below Telegram's 4096 characters; the gateway splits anything longer). An unknown
     * or missing id gets a message saying where the ids are found.
     */
    public Reply read(String articleId, Language language) {
        if (articleId == null || articleId.isBlank()) {
            return Reply.text(texts.get(KnowledgeText.READ_USAGE, language));
        }
        String id = normaliseId(articleId);
        Optional<Article> article = search.findById(id);
        if (article.isEmpty()) {
            String shown = NOT_ID_CHARACTER.matcher(id).replaceAll("");
            shown = shown.length() > MAX_ID_SHOWN ? shown.substring(0, MAX_ID_SHOWN) : shown;
            return Reply.text(texts.get(KnowledgeText.READ_UNKNOWN, language, Map.of("id", shown)));
        }
        Article found = article.get();
        return Reply.text(texts.get(KnowledgeText.READ_ARTICLE, language, Map.of(
                "title", found.title().in(language.code()),
                "body", plainText(found.body().in(language.code())),
                "id", found.id())));
    }

    /** Ids as people type them: "/baca Tahap_Arah" reads tahap-arah (Telegram links cannot hold '-'). */
    static String normaliseId(String typed) {
        String id = typed.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        int space = id.indexOf(' ');
        return space < 0 ? id : id.substring(0, space);
    }

    /**
     * Articles are Markdown; the chat gets plain text, as every other message of the bot:
     * bold markers go, list dashes become bullets.
     */
    static String plainText(String markdown) {
        StringBuilder out = new StringBuilder();
        for (String line : markdown.split("\n", -1)) {
            String plain = line.replace("**", "").replace("__", "");
            String stripped = plain.stripLeading();
            if (stripped.startsWith("- ") || stripped.startsWith("* ")) {
                plain = "• " + stripped.substring(2);
            } else if (stripped.startsWith("#")) {
                plain = stripped.replaceFirst("^#+\\s*", "");
            }
            out.append(plain).append('\n');
        }
        return out.toString().strip();
    }

    // ---- "Kenapa tahap ini penting?" ---------------------------------------------------

    /** The label of the button under a stage's intro; its callback is {@code k|<stage>}. */
    public String whyButtonLabel(Language language) {
        return texts.get(KnowledgeText.WHY_BUTTON, language);
    }

    /** Why a stage matters: its article's summary and how to read the whole article. */
    public Reply whyStage(String stageKey, Language language) {
        Optional<Article> article = stageKey == null ? Optional.empty() : search.forStage(stageKey);
        if (article.isEmpty()) {
            return Reply.text(texts.get(KnowledgeText.WHY_UNKNOWN, language));
        }
        Article found = article.get();
        String text = texts.get(KnowledgeText.WHY_STAGE, language, Map.of(
                "title", found.title().in(language.code()),
                "summary", found.summary().in(language.code()),
                "id", found.id()))
                + "\n" + readMore(found.id(), language);
        return new Reply(text, buttons(List.of(found), language));
    }

    // ---- a button pressed in a group: an alert for the person, no message --------------

    /**
     * Why a stage matters, as an alert for whoever pressed the button (no message in the group,
     * so no share of its 20 a minute): the stage's title, its explanation from
     * {@code stage-why:} in {@code texts/knowledge.yaml} (else its article's summary) and
     * "/baca &lt;article&gt;", all within Telegram's 200 characters ({@link #fitAlert}).
     */
    public String whyAlert(String stageKey, Language language) {
        Optional<Article> article = stageKey == null ? Optional.empty() : search.forStage(stageKey);
        if (article.isEmpty()) {
            return fitAlert(texts.get(KnowledgeText.WHY_UNKNOWN, language), null);
        }
        Article found = article.get();
        String title = flow.stage(stageKey).map(stage -> stage.title().in(language))
                .orElse(found.title().in(language.code()));
        String why = texts.stageWhy(stageKey, language).orElse(found.summary().in(language.code()));
        return fitAlert(texts.get(KnowledgeText.WHY_ALERT, language, Map.of("title", title, "why", why)),
                readMore(found.id(), language));
    }

    /**
     * An article in brief, as an alert: its title, its summary and "/baca &lt;id&gt;", within
     * Telegram's 200 characters; for an unknown id, where the ids are found.
     */
    public String readAlert(String articleId, Language language) {
        Optional<Article> article = findArticle(articleId);
        if (article.isEmpty()) {
            return fitAlert(read(articleId, language).text(), null);
        }
        Article found = article.get();
        return fitAlert(texts.get(KnowledgeText.READ_ALERT, language, Map.of(
                "title", found.title().in(language.code()),
                "summary", found.summary().in(language.code()))), readMore(found.id(), language));
    }

    /** The toast for a later press of a "read" button whose article the group already got. */
    public String readPosted(String articleId, Language language) {
        String title = findArticle(articleId).map(article -> article.title().in(language.code())).orElse(articleId);
        return fitAlert(texts.get(KnowledgeText.READ_POSTED, language, Map.of("title", title)), null);
    }

    /** The article a "read" button or {@code /baca} names, however it was typed. */
    public Optional<Article> findArticle(String articleId) {
        return articleId == null || articleId.isBlank() ? Optional.empty() : search.findById(normaliseId(articleId));
    }

    /**
     * A text for an alert, within {@link Outgoing#MAX_CALLBACK_ANSWER_LENGTH}: the body and, on
     * a line of its own, the pointer to more (may be null). When both do not fit, the body keeps
     * the whole sentences that leave room for the pointer; when no sentence end allows that,
     * the body alone if it fits; else the body cut between words (with "…") before the pointer.
     * Never cut inside a word.
     */
    static String fitAlert(String body, String pointer) {
        int max = Outgoing.MAX_CALLBACK_ANSWER_LENGTH;
        if (pointer == null || pointer.length() + 1 > max / 2) {
            return TextCuts.shorten(body, max);
        }
        int room = max - 1 - pointer.length();
        Optional<String> sentences = TextCuts.sentencesWithin(body, room);
        if (sentences.isPresent()) {
            return sentences.get() + "\n" + pointer;
        }
        if (body.length() <= max) {
            return body;
        }
        return TextCuts.shorten(body, room) + "\n" + pointer;
    }

    // ---- notes for the facilitator -----------------------------------------------------

    /**
     * Practical notes to send the facilitator with a stage's summary, in this order, each one
     * line: a tip for the next stage (from its article's {@code tip}); a mediator hint when the
     * answers show conflict; a broker/advocate hint when they show a missing resource. Empty
     * when there is nothing to say. The word lists are in {@code texts/signals.yaml}.
     */
    public List<String> facilitatorNotes(StageSummary summary, Language language) {
        List<String> notes = new ArrayList<>();
        if (summary.next() != null) {
            search.forStage(summary.next().key()).ifPresent(article -> notes.add(
                    texts.get(KnowledgeText.NOTE_NEXT_STAGE, language, Map.of(
                            // the facilitator knows the method's name for it too
                            "title", flow.stage(summary.next().key()).map(stage -> stage.facilitatorTitle(language))
                                    .orElse(summary.next().title().in(language)),
                            "tip", tipOf(article, language),
                            "id", article.id()))));
        }
        Map<Signal, Set<String>> evidence = new LinkedHashMap<>();
        for (SignalEvidence found : signals.find(summary)) {
            evidence.computeIfAbsent(found.signal(), signal -> new LinkedHashSet<>()).add(shown(found, language));
        }
        if (evidence.containsKey(Signal.CONFLICT)) {
            search.forRole(MEDIATOR).ifPresent(mediator -> notes.add(texts.get(KnowledgeText.NOTE_CONFLICT, language,
                    Map.of("evidence", quoted(evidence.get(Signal.CONFLICT)),
                            "tip", tipOf(mediator, language),
                            "id", mediator.id()))));
        }
        if (evidence.containsKey(Signal.MISSING_RESOURCE)) {
            Optional<Article> broker = search.forRole(BROKER);
            Optional<Article> advocate = search.forRole(ADVOCATE);
            if (broker.isPresent()) {
                notes.add(texts.get(KnowledgeText.NOTE_MISSING_RESOURCE, language, Map.of(
                        "evidence", quoted(evidence.get(Signal.MISSING_RESOURCE)),
                        "tip", tipOf(broker.get(), language),
                        "id", broker.get().id(),
                        "advocate", advocate.map(Article::id).orElse(broker.get().id()))));
            }
        }
        return notes;
    }

    /** The article's tip, or its summary for an article written without one. */
    private static String tipOf(Article article, Language language) {
        Text tip = article.optionalTip().orElse(article.summary());
        return tip.in(language.code());
    }

    /** A typed match as the words that matched; a button by its label in the flow. */
    private String shown(SignalEvidence evidence, Language language) {
        if (!evidence.choice()) {
            return evidence.phrase();
        }
        return flow.stage(evidence.stageKey())
                .flatMap(stage -> stage.prompt(evidence.promptKey()))
                .flatMap(prompt -> prompt.choice(evidence.phrase()))
                .map(choice -> choice.label().in(language))
                .orElse(evidence.phrase());
    }

    private static String quoted(Set<String> phrases) {
        return phrases.stream().limit(MAX_EVIDENCE).map(phrase -> "\"" + phrase + "\"")
                .collect(Collectors.joining(", "));
    }

    private boolean inFlow(String trigger) {
        String[] stageRest = trigger.split("\\.", 2);
        String[] promptChoice = stageRest[1].split("=", 2);
        Optional<Prompt> prompt = flow.stage(stageRest[0]).flatMap(stage -> stage.prompt(promptChoice[0]));
        return prompt.map(p -> p.choices().stream().map(Choice::key).anyMatch(promptChoice[1]::equals)).orElse(false);
    }

    // ---- shared pieces -----------------------------------------------------------------

    /** "Baca selengkapnya: /baca <id>". */
    public String readMore(String articleId, Language language) {
        return texts.get(KnowledgeText.READ_MORE, language, Map.of("id", articleId));
    }

    /** One "open this article" button per article, labelled with its title. */
    public List<ReplyButton> buttons(List<Article> articles, Language language) {
        return articles.stream()
                .map(article -> new ReplyButton(texts.get(KnowledgeText.READ_BUTTON, language, Map.of(
                        "title", article.title().in(language.code()), "id", article.id())), article.id()))
                .toList();
    }

    private String topicLines(List<Article> articles, Language language) {
        return articles.stream()
                .map(article -> texts.get(KnowledgeText.TOPIC_LINE, language, Map.of(
                        "id", article.id(), "title", article.title().in(language.code()))))
                .collect(Collectors.joining("\n"));
    }
}
