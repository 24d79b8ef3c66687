package id.rembug.bot.broadcast;

import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.TextCatalog;
import id.rembug.dialogues.flow.TextFiles;

import java.util.Map;

/**
 * The broadcast texts ({@code texts/broadcast.yaml}), read by the one text loader and checked at
 * start-up: a key without Indonesian and English, an unknown key or a placeholder the code does
 * not fill stops the start rather than showing a group a blank.
 */
public final class BroadcastTexts {

    static final String RESOURCE = "texts/broadcast.yaml";
    private static final TextFiles.Layout LAYOUT = TextFiles.Layout.of("Broadcast texts", "texts");

    private final TextCatalog<BroadcastText> texts;

    private BroadcastTexts(TextCatalog<BroadcastText> texts) {
        this.texts = texts;
    }

    public static BroadcastTexts load() {
        return new BroadcastTexts(TextFiles.loadResource(BroadcastText.class, RESOURCE, LAYOUT));
    }

    public String get(BroadcastText key, Language language) {
        return texts.get(key, language);
    }

    public String get(BroadcastText key, Language language, Map<String, ?> values) {
        return texts.get(key, language, values);
    }

    /** The texts as loaded, for the check that every key is written in every language. */
    public TextCatalog<BroadcastText> catalog() {
        return texts;
    }
}
