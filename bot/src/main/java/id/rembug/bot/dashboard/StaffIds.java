package id.rembug.bot.dashboard;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Program staff, by Telegram user id ({@code rembug.staff-ids}, comma-separated): they see every group. */
@Component
public class StaffIds {

    private final Set<String> ids;

    public StaffIds(@Value("${rembug.staff-ids:}") String ids) {
        this.ids = Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public Viewer viewerFor(String userId) {
        return new Viewer(userId, ids.contains(userId) ? Viewer.Role.STAFF : Viewer.Role.FACILITATOR);
    }
}
