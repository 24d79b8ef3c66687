package id.rembug.dialogues.engine;

import java.util.Objects;

/**
 * Someone in the group, as the channel knows them.
 *
 * @param id      the channel's stable user id (a Telegram user id, a simulator persona)
 * @param name    the display name used in acknowledgements and summaries
 * @param present false once they left the group: they no longer count towards quorum or as quiet
 */
public record Member(String id, String name, boolean present) {

    public Member {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name.strip();
    }

    public static Member of(String id, String name) {
        return new Member(id, name, true);
    }

    public Member leaving() {
        return new Member(id, name, false);
    }
}
