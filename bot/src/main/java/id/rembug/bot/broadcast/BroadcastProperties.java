package id.rembug.bot.broadcast;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * Who may broadcast and how broadcasts run.
 *
 * @param staffIds  {@code rembug.staff-ids}: Telegram user ids of program staff, comma separated;
 *                  staff may add more with {@code /staf tambah <id>} (kept in Redis)
 * @param broadcast {@code rembug.broadcast.*}
 */
@ConfigurationProperties("rembug")
public record BroadcastProperties(@DefaultValue List<String> staffIds, @DefaultValue Broadcast broadcast) {

    public BroadcastProperties {
        staffIds = staffIds == null ? List.of()
                : staffIds.stream().map(String::trim).filter(id -> !id.isEmpty()).toList();
        broadcast = broadcast == null ? Broadcast.defaults() : broadcast;
    }

    /**
     * @param apiToken  bearer token of the REST API ({@code /api/broadcasts}); blank: the API is off
     * @param reminders how long before the meeting reminders go out (default a day and an hour)
     * @param batchSize groups enqueued per atomic fan-out step
     * @param poll      how often due broadcasts and reminders are looked for
     * @param zone      the time zone of staff input without one (dates typed in the chat, API
     *                  times without an offset)
     */
    public record Broadcast(String apiToken,
                            @DefaultValue({"1d", "1h"}) List<Duration> reminders,
                            @DefaultValue("200") int batchSize,
                            @DefaultValue("1s") Duration poll,
                            @DefaultValue("Asia/Jakarta") ZoneId zone) {

        public Broadcast {
            apiToken = apiToken == null ? "" : apiToken.trim();
            reminders = reminders == null ? List.of(Duration.ofDays(1), Duration.ofHours(1)) : List.copyOf(reminders);
            if (batchSize < 1) {
                throw new IllegalArgumentException("rembug.broadcast.batch-size must be at least 1");
            }
            poll = poll == null ? Duration.ofSeconds(1) : poll;
            zone = zone == null ? ZoneId.of("Asia/Jakarta") : zone;
        }

        static Broadcast defaults() {
            return new Broadcast("", null, 200, null, null);
        }

        public boolean apiEnabled() {
            return !apiToken.isEmpty();
        }
    }
}
