package id.rembug.bot.dashboard;

import id.rembug.bot.broadcast.StaffDirectory;
import org.springframework.stereotype.Component;

/**
 * Who counts as staff on the dashboard: the program's one staff list ({@link StaffDirectory}),
 * read again on every request, so staff added or removed in the chat count at once.
 */
@Component
public class StaffIds {

    private final StaffDirectory staff;

    public StaffIds(StaffDirectory staff) {
        this.staff = staff;
    }

    public Viewer viewerFor(String userId) {
        return new Viewer(userId, staff.isStaff(userId) ? Viewer.Role.STAFF : Viewer.Role.FACILITATOR);
    }

    /** The viewer of a session as they stand now: staff removed since they logged in see as a facilitator. */
    public Viewer current(Viewer viewer) {
        return viewer.role() == Viewer.Role.ADMIN ? viewer : viewerFor(viewer.userId());
    }
}
