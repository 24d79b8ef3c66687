package id.rembug.bot.channel;

/** A person (or bot) as a channel reports them. */
public record ChatUser(String id, String name, boolean bot) {

    public static ChatUser person(String id, String name) {
        return new ChatUser(id, name, false);
    }
}
