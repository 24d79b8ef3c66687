package id.rembug.bot.knowledge;

import id.rembug.dialogues.flow.TextKey;

/**
 * Every text the knowledge features say. The texts live in {@code texts/knowledge.yaml} so staff
 * can reword or translate them without Java; {@link KnowledgeTexts} checks at start-up that each
 * key is there in both languages and uses only the placeholders listed here.
 */
public enum KnowledgeText implements TextKey {
    ASK_USAGE,
    @Fills({"title", "summary", "id"}) ASK_FOUND,
    ASK_NOT_FOUND,
    ASK_CLOSEST,
    ASK_REPHRASE,
    ALSO_RELEVANT,
    @Fills({"id", "title"}) TOPIC_LINE,
    @Fills("id") READ_MORE,
    @Fills({"title", "id"}) READ_BUTTON,
    @Fills({"title", "body", "id"}) READ_ARTICLE,
    READ_USAGE,
    @Fills("id") READ_UNKNOWN,
    WHY_BUTTON,
    @Fills({"title", "summary", "id"}) WHY_STAGE,
    WHY_UNKNOWN,
    @Fills({"title", "why"}) WHY_ALERT,
    @Fills({"title", "summary"}) READ_ALERT,
    @Fills("title") READ_POSTED,
    @Fills({"title", "tip", "id"}) NOTE_NEXT_STAGE,
    @Fills({"evidence", "tip", "id"}) NOTE_CONFLICT,
    @Fills({"evidence", "tip", "id", "advocate"}) NOTE_MISSING_RESOURCE,
    SUMMARY_BY_MODEL,
    SUMMARY_BY_RULES,
    @Fills({"prompt", "digest"}) DIGEST_PROMPT,
    @Fills({"item", "count"}) DIGEST_COUNT,
    @Fills("count") DIGEST_MORE,
    @Fills({"average", "count"}) DIGEST_SCALE,
    @Fills({"count", "example"}) DIGEST_TEXT,
    @Fills({"count", "complete"}) DIGEST_GOALS,
    @Fills({"count", "quiet"}) DIGEST_PARTICIPATION,
    DIGEST_NO_ANSWERS,
    @Fills("ids") MODEL_ANSWER_FOOTER;
}
