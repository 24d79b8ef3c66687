package id.rembug.bot.knowledge.llm;

import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.TextCatalog;
import id.rembug.dialogues.flow.TextFiles;
import id.rembug.dialogues.flow.TextKey;

import java.util.List;
import java.util.Map;

/**
 * The model's instructions, from {@code texts/llm-prompts.yaml}, read by the one text loader like
 * every other text file: each prompt present, one text for every language (the model is told
 * which language to answer in), and using exactly its placeholders.
 */
public final class LlmPrompts extends TextCatalog<LlmPrompts.Key> {

    public static final String DEFAULT_RESOURCE = "texts/llm-prompts.yaml";
    private static final TextFiles.Layout LAYOUT = new TextFiles.Layout("Model prompts", "prompts", List.of(), true,
            List.of());

    /** The prompts and the placeholders each must use. */
    public enum Key implements TextKey {
        @Fills({"language", "tag"}) SUMMARY_SYSTEM,
        SUMMARY_REQUEST,
        @Fills({"language", "tag", "articlesTag"}) ANSWER_SYSTEM,
        ANSWER_REQUEST;

        /** The system prompts must name the data block's tag, or the model cannot tell data from instructions. */
        @Override
        public List<String> required() {
            return placeholders();
        }
    }

    private LlmPrompts(TextCatalog<Key> prompts) {
        super(prompts);
    }

    public static LlmPrompts loadDefault() {
        return new LlmPrompts(TextFiles.loadResource(Key.class, DEFAULT_RESOURCE, LAYOUT));
    }

    public static LlmPrompts parse(String yaml, String source) {
        return new LlmPrompts(TextFiles.parse(Key.class, yaml, source, LAYOUT));
    }

    /** The prompt with its placeholders filled; values are our own words (language names, tags). */
    public String get(Key key, Map<String, ?> values) {
        return get(key, Language.ID, values);
    }

    /** The language's name as the model should read it in "answer in {language}". */
    public static String languageName(Language language) {
        return Language.EN.equals(language) ? "English" : "Bahasa Indonesia";
    }
}
