package id.rembug.bot.simulator;

import id.rembug.bot.channel.ChatUser;

import java.text.Normalizer;
import java.util.Locale;

/**
 * One simulated person. Their user id is also the id of their private chat with the bot, as on
 * Telegram, so a persona is the same person in every simulated group they belong to.
 */
public record Persona(String id, String name) {

    public static final String ID_PREFIX = "sim-user-";

    /** The id a persona with this display name gets: {@code sim-user-} plus a plain slug. */
    public static String idFor(String name) {
        String slug = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > 32) {
            slug = slug.substring(0, 32).replaceAll("-+$", "");
        }
        if (slug.isEmpty()) {
            throw new IllegalArgumentException("a persona needs a name with at least one letter or digit");
        }
        return ID_PREFIX + slug;
    }

    public static Persona named(String name) {
        String trimmed = name == null ? "" : name.strip();
        return new Persona(idFor(trimmed), trimmed);
    }

    public ChatUser asUser() {
        return ChatUser.person(id, name);
    }
}
