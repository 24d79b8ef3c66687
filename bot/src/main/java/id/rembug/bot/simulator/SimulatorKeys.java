package id.rembug.bot.simulator;

/**
 * Where the simulator keeps its chats in Redis. Everything lives under {@code rembug:sim:}, apart
 * from the engine's own keys, so wiping the simulator is one pattern.
 */
final class SimulatorKeys {

    private static final String PREFIX = "rembug:sim:";

    private SimulatorKeys() {
    }

    /** STRING counter: the chat's message ids, shared by bot and persona messages. */
    static String sequence(String chatId) {
        return chat(chatId, "seq");
    }

    /** LIST of {@link ChatRecord} JSON, oldest first, capped. */
    static String log(String chatId) {
        return chat(chatId, "log");
    }

    /** HASH message id -> emoji the bot put on it. */
    static String reactions(String chatId) {
        return chat(chatId, "reactions");
    }

    /** HASH message id -> the text a persona edited it to. */
    static String edits(String chatId) {
        return chat(chatId, "edits");
    }

    /** STRING (expiring): the last callback answer toast shown in this chat, as JSON. */
    static String toast(String chatId) {
        return chat(chatId, "toast");
    }

    /** STRING counter bumped on every change, so the page's poll can answer "nothing new". */
    static String version(String chatId) {
        return chat(chatId, "version");
    }

    /** LIST of group chat ids, oldest first. */
    static String groups() {
        return PREFIX + "groups";
    }

    /** STRING counter for group numbers. */
    static String groupSequence() {
        return PREFIX + "groups:seq";
    }

    /** HASH title, facilitator, bot ("1" while the bot is a member). */
    static String group(String chatId) {
        return PREFIX + "group:" + chatId;
    }

    /** LIST of persona ids in the group, facilitator first. */
    static String cast(String chatId) {
        return group(chatId) + ":cast";
    }

    /** HASH name, started ("1" when the persona has started the bot in private). */
    static String persona(String userId) {
        return PREFIX + "persona:" + userId;
    }

    /** {@code rembug:sim:chat:<chatId>:<part>}: every per-chat key has this one layout. */
    private static String chat(String chatId, String part) {
        return PREFIX + "chat:" + chatId + ":" + part;
    }
}
