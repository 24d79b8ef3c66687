package id.rembug.bot.channel;

/**
 * Delivers outgoing messages to one platform. Implementations never throw for a platform
 * answer; every outcome is a {@link SendResult}.
 */
public interface ChatGateway {

    /** Whether this gateway delivers to the given chat (by its id's form). */
    boolean handles(String chatId);

    SendResult send(Outgoing message);

    /** The gateway that delivers to {@code chatId}, the first of {@code gateways} that handles it. */
    static java.util.Optional<ChatGateway> forChat(java.util.stream.Stream<ChatGateway> gateways, String chatId) {
        return gateways.filter(g -> g.handles(chatId)).findFirst();
    }

    /**
     * Whether this vote can be a native poll in this chat ({@link Outgoing.Kind#POLL}): the platform
     * has polls and the question and options are within its limits; otherwise it goes by buttons.
     */
    default boolean pollFits(String chatId, String question, java.util.List<String> options) {
        return false;
    }

    /** Where a person stands in a group, as far as leading it goes. */
    enum Standing {
        /** the group's creator or one of its administrators: they may claim the group */
        LEADS,
        /** anyone else in the group */
        MEMBER,
        /** someone who left or was removed, or whom the platform does not know in that group */
        OUTSIDE,
        /** the platform could not be asked just now */
        UNKNOWN
    }

    /**
     * Whether the person may lead the group, asked of the platform at the moment of a claim.
     * A platform with no such notion answers {@link Standing#UNKNOWN}, so nobody claims there.
     */
    default Standing standing(String groupChatId, String userId) {
        return Standing.UNKNOWN;
    }

    /**
     * Whether the chat is a group, which the dispatcher limits more tightly (Telegram: 20
     * messages a minute per group). By the id's form: Telegram's group ids are negative, the
     * simulator's contain {@code group} ({@code sim-group-...}). The dispatcher's claim applies
     * the same rule in Redis when it takes a message's slots ({@code is_group} in
     * {@code dispatch/lib.lua}).
     */
    static boolean isGroupChat(String chatId) {
        return chatId.startsWith("-") || chatId.contains("group");
    }
}
