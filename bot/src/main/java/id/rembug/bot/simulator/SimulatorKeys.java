package id.rembug.bot.simulator;

/**
 * Where the simulator keeps its chats in Redis. Everything lives under {@code rembug:sim:}, apart
 * from the engine's own keys, so wiping the simulator is one pattern.
 */
final class SimulatorKeys {

    private SimulatorKeys() {
    }

    /** STRING counter: the chat's message ids, shared by bot and persona messages. */
    static String sequence(String chatId) {
        return "rembug:sim:chat:" + chatId + ":seq";
    }

    /** LIST of {@link ChatRecord} JSON, oldest first, capped. */
    static String log(String chatId) {
        return "rembug:sim:chat:" + chatId + ":log";
    }

    /** HASH message id -> emoji the bot put on it. */
    static String reactions(String chatId) {
        return "rembug:sim:chat:" + chatId + ":reactions";
    }

    /** HASH message id -> the text a persona edited it to. */
    static String edits(String chatId) {
        return "rembug:sim:chat:" + chatId + ":edits";
    }

    /** STRING (expiring): the last callback answer toast shown in this chat, as JSON. */
    static String toast(String chatId) {
        return "rembug:sim:chat:" + chatId + ":toast";
    }

    /** STRING counter bumped on every change, so the page's poll can answer "nothing new". */
    static String version(String chatId) {
        return "rembug:sim:chat:" + chatId + ":version";
    }

    /** LIST of group chat ids, oldest first. */
    static String groups() {
        return "rembug:sim:groups";
    }

    /** STRING counter for group numbers. */
    static String groupSequence() {
        return "rembug:sim:groups:seq";
    }

    /** HASH title, facilitator, bot ("1" while the bot is a member). */
    static String group(String chatId) {
        return "rembug:sim:group:" + chatId;
    }

    /** LIST of persona ids in the group, facilitator first. */
    static String cast(String chatId) {
        return "rembug:sim:group:" + chatId + ":cast";
    }

    /** HASH name, started ("1" when the persona has started the bot in private). */
    static String persona(String userId) {
        return "rembug:sim:persona:" + userId;
    }
}
