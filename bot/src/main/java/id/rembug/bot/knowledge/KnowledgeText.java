package id.rembug.bot.knowledge;

import id.rembug.dialogues.flow.TextKey;

import java.util.List;

/**
 * Every text the knowledge features say. The texts live in {@code texts/knowledge.yaml} so staff
 * can reword or translate them without Java; {@link KnowledgeTexts} checks at start-up that each
 * key is there in both languages and uses only the placeholders listed here.
 */
public enum KnowledgeText implements TextKey {
    ASK_USAGE("ask-usage"),
    ASK_FOUND("ask-found", "title", "summary", "id"),
    ASK_NOT_FOUND("ask-not-found"),
    ASK_CLOSEST("ask-closest"),
    ASK_REPHRASE("ask-rephrase"),
    ALSO_RELEVANT("also-relevant"),
    TOPIC_LINE("topic-line", "id", "title"),
    READ_MORE("read-more", "id"),
    READ_BUTTON("read-button", "title", "id"),
    READ_ARTICLE("read-article", "title", "body", "id"),
    READ_USAGE("read-usage"),
    READ_UNKNOWN("read-unknown", "id"),
    WHY_BUTTON("why-button"),
    WHY_STAGE("why-stage", "title", "summary", "id"),
    WHY_UNKNOWN("why-unknown"),
    WHY_ALERT("why-alert", "title", "why"),
    READ_ALERT("read-alert", "title", "summary"),
    READ_POSTED("read-posted", "title"),
    NOTE_NEXT_STAGE("note-next-stage", "title", "tip", "id"),
    NOTE_CONFLICT("note-conflict", "evidence", "tip", "id"),
    NOTE_MISSING_RESOURCE("note-missing-resource", "evidence", "tip", "id", "advocate"),
    SUMMARY_BY_MODEL("summary-by-model"),
    SUMMARY_BY_RULES("summary-by-rules"),
    DIGEST_PROMPT("digest-prompt", "prompt", "digest"),
    DIGEST_COUNT("digest-count", "item", "count"),
    DIGEST_MORE("digest-more", "count"),
    DIGEST_SCALE("digest-scale", "average", "count"),
    DIGEST_TEXT("digest-text", "count", "example"),
    DIGEST_GOALS("digest-goals", "count", "complete"),
    DIGEST_PARTICIPATION("digest-participation", "count", "quiet"),
    DIGEST_NO_ANSWERS("digest-no-answers"),
    MODEL_ANSWER_FOOTER("model-answer-footer", "ids");

    private final String yamlKey;
    private final List<String> placeholders;

    KnowledgeText(String yamlKey, String... placeholders) {
        this.yamlKey = yamlKey;
        this.placeholders = List.of(placeholders);
    }

    @Override
    public String yamlKey() {
        return yamlKey;
    }

    /** The placeholders the text may use, written {@code {name}}. */
    @Override
    public List<String> placeholders() {
        return placeholders;
    }
}
