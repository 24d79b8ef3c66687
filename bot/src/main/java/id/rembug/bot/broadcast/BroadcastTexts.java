package id.rembug.bot.broadcast;

import id.rembug.dialogues.flow.TextCatalog;
import id.rembug.dialogues.flow.TextFiles;

/**
 * The broadcast texts ({@code texts/broadcast.yaml}), read by the one text loader and checked at
 * start-up: a key without Indonesian and English, an unknown key or a placeholder the code does
 * not fill stops the start rather than showing a group a blank.
 */
public final class BroadcastTexts extends TextCatalog<BroadcastText> {

    static final String RESOURCE = "texts/broadcast.yaml";
    private static final TextFiles.Layout LAYOUT = TextFiles.Layout.of("Broadcast texts", "texts");

    private BroadcastTexts(TextCatalog<BroadcastText> texts) {
        super(texts);
    }

    public static BroadcastTexts load() {
        return new BroadcastTexts(TextFiles.loadResource(BroadcastText.class, RESOURCE, LAYOUT));
    }
}
