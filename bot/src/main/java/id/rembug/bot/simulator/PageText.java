package id.rembug.bot.simulator;

import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.TextCatalog;
import id.rembug.dialogues.flow.TextFiles;
import id.rembug.dialogues.flow.TextKey;

import java.util.Map;

/**
 * The simulator page's own words ({@code texts/simulator.yaml}), read by the one text loader. The
 * bot's messages are not here: they come from the flow, in the group's language.
 */
public enum PageText implements TextKey {
    PAGE_TITLE,
    INTRO,
    STEPS_TITLE,
    @Fills("name") STEP2,
    STEP3,
    OTHER_LANGUAGE,
    GROUP,
    SHOW,
    NEW_GROUP,
    CREATE_GROUP,
    NO_GROUP_YET,
    GROUP_TITLE,
    FACILITATOR_NAME,
    RESIDENT_NAMES,
    ADD_BOT,
    REMOVE_BOT,
    BOT_IN,
    BOT_OUT,
    MEMBERS,
    FACILITATOR,
    ADD_MEMBER,
    MEMBER_NAME,
    REMOVE_MEMBER,
    TYPING_AS,
    PLACEHOLDER,
    SEND,
    REPLYING_TO,
    CANCEL_REPLY,
    REPLY,
    EDIT,
    EDIT_PROMPT,
    EDITED,
    ALERT,
    ALERT_CLOSE,
    BOT,
    EMPTY_GROUP,
    PRIVATE_CHAT,
    PRIVATE_OF,
    PRIVATE_HINT,
    STARTED,
    NOT_STARTED,
    START_CHAT,
    BLOCK_BOT,
    EMPTY_PRIVATE,
    ERROR,
    @Fills("name") NOTICE_BOT_ADDED,
    @Fills("name") NOTICE_BOT_REMOVED,
    @Fills("name") NOTICE_JOINED,
    @Fills("name") NOTICE_LEFT;

    static final String RESOURCE = "texts/simulator.yaml";
    private static final TextCatalog<PageText> TEXTS =
            TextFiles.loadResource(PageText.class, RESOURCE, TextFiles.Layout.of("Simulator texts", "texts"));

    public static TextCatalog<PageText> catalog() {
        return TEXTS;
    }

    /** The page language: English only when asked for ({@code en}), Indonesian otherwise. */
    static Language language(String requested) {
        return Language.EN.code().equalsIgnoreCase(requested) ? Language.EN : Language.ID;
    }

    /** Every word of the page by key, as the templates read them ({@code t['page-title']}). */
    static Map<String, String> of(Language language) {
        return TEXTS.words(language);
    }
}
