package id.rembug.bot.dashboard;

import id.rembug.dialogues.engine.GroupState;

import java.util.Objects;

/**
 * Who is looking at the dashboard. Staff and the admin see every group; a facilitator sees only
 * the groups whose state names them as facilitator now, so access follows the bot's own record:
 * a creator or admin of the group who claimed it, until they left.
 */
public record Viewer(String userId, Role role) {

    public enum Role { ADMIN, STAFF, FACILITATOR }

    public Viewer {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    public boolean seesEveryGroup() {
        return role != Role.FACILITATOR;
    }

    public boolean canSee(GroupState group) {
        return seesEveryGroup() || group.isFacilitator(userId);
    }
}
