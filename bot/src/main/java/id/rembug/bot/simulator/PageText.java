package id.rembug.bot.simulator;

import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.TextCatalog;
import id.rembug.dialogues.flow.TextFiles;
import id.rembug.dialogues.flow.TextKey;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator page's own words ({@code texts/simulator.yaml}), read by the one text loader. The
 * bot's messages are not here: they come from the flow, in the group's language.
 */
public enum PageText implements TextKey {
    PAGE_TITLE("pageTitle"),
    INTRO("intro"),
    STEPS_TITLE("stepsTitle"),
    STEP2("step2", "name"),
    STEP3("step3"),
    OTHER_LANGUAGE("otherLanguage"),
    GROUP("group"),
    SHOW("show"),
    NEW_GROUP("newGroup"),
    CREATE_GROUP("createGroup"),
    NO_GROUP_YET("noGroupYet"),
    GROUP_TITLE("groupTitle"),
    FACILITATOR_NAME("facilitatorName"),
    RESIDENT_NAMES("residentNames"),
    ADD_BOT("addBot"),
    REMOVE_BOT("removeBot"),
    BOT_IN("botIn"),
    BOT_OUT("botOut"),
    MEMBERS("members"),
    FACILITATOR("facilitator"),
    ADD_MEMBER("addMember"),
    MEMBER_NAME("memberName"),
    REMOVE_MEMBER("removeMember"),
    TYPING_AS("typingAs"),
    PLACEHOLDER("placeholder"),
    SEND("send"),
    REPLYING_TO("replyingTo"),
    CANCEL_REPLY("cancelReply"),
    REPLY("reply"),
    EDIT("edit"),
    EDIT_PROMPT("editPrompt"),
    EDITED("edited"),
    ALERT("alert"),
    ALERT_CLOSE("alertClose"),
    BOT("bot"),
    EMPTY_GROUP("emptyGroup"),
    PRIVATE_CHAT("privateChat"),
    PRIVATE_OF("privateOf"),
    PRIVATE_HINT("privateHint"),
    STARTED("started"),
    NOT_STARTED("notStarted"),
    START_CHAT("startChat"),
    BLOCK_BOT("blockBot"),
    EMPTY_PRIVATE("emptyPrivate"),
    ERROR("error"),
    NOTICE_BOT_ADDED("notice.bot-added", "name"),
    NOTICE_BOT_REMOVED("notice.bot-removed", "name"),
    NOTICE_JOINED("notice.joined", "name"),
    NOTICE_LEFT("notice.left", "name");

    static final String RESOURCE = "texts/simulator.yaml";
    private static final TextCatalog<PageText> TEXTS =
            TextFiles.loadResource(PageText.class, RESOURCE, TextFiles.Layout.of("Simulator texts", "texts"));

    private final String yamlKey;
    private final List<String> placeholders;

    PageText(String yamlKey, String... placeholders) {
        this.yamlKey = yamlKey;
        this.placeholders = List.of(placeholders);
    }

    @Override
    public String yamlKey() {
        return yamlKey;
    }

    @Override
    public List<String> placeholders() {
        return placeholders;
    }

    public static TextCatalog<PageText> catalog() {
        return TEXTS;
    }

    /** The page language: English only when asked for ({@code en}), Indonesian otherwise. */
    static Language language(String requested) {
        return Language.EN.code().equalsIgnoreCase(requested) ? Language.EN : Language.ID;
    }

    /** Every word of the page by key, as the templates read them ({@code t['pageTitle']}). */
    static Map<String, String> of(Language language) {
        Map<String, String> words = new LinkedHashMap<>();
        for (PageText key : values()) {
            words.put(key.yamlKey, TEXTS.get(key, language));
        }
        return Collections.unmodifiableMap(words);
    }
}
