package id.rembug.bot.simulator;

import java.util.List;
import java.util.Optional;

/**
 * A simulated group chat: its cast (facilitator first) and whether the bot is a member.
 */
public record SimGroup(String chatId, String title, String facilitatorId, boolean botInGroup, List<Persona> cast) {

    public static final String ID_PREFIX = "sim-group-";

    public SimGroup {
        cast = List.copyOf(cast);
    }

    public Optional<Persona> member(String userId) {
        return cast.stream().filter(p -> p.id().equals(userId)).findFirst();
    }

    public Persona facilitator() {
        return member(facilitatorId).orElse(cast.isEmpty() ? null : cast.get(0));
    }
}
