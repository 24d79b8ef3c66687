package id.rembug.bot.channel;

/**
 * Delivers outgoing messages to one platform. Implementations never throw for a platform
 * answer; every outcome is a {@link SendResult}.
 */
public interface ChatGateway {

    /** Whether this gateway delivers to the given chat (by its id's form). */
    boolean handles(String chatId);

    SendResult send(Outgoing message);
}
