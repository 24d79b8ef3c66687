package id.rembug.bot.broadcast;

import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.conversation.ConversationKeys;

/**
 * Where broadcasts live in Redis. The job, its targets, the job list and the schedule carry the
 * outbox's hash tag ({@code {outbox}}, left out below: {@code rembug:broadcast:{outbox}:<id>}),
 * because a fan-out step writes them and the outbox in one script.
 *
 * <ul>
 *   <li>{@code rembug:broadcast:seq}: the last job id handed out (INCR)</li>
 *   <li>{@code rembug:broadcasts}: ZSET of job ids by creation time</li>
 *   <li>{@code rembug:broadcast:<id>}: HASH, the job: {@code title}, {@code startsAt}
 *       (ISO zoned date-time), {@code place}, {@code agenda}, {@code target} (see {@link Target}),
 *       {@code sendAt} (epoch ms), {@code createdBy}, {@code createdAt}, {@code reminders}
 *       (how many reminder waves); per wave {@code w}: {@code count:<w>} (targets frozen when
 *       the wave fired) and {@code cursor:<w>} (how many of them are in the outbox)</li>
 *   <li>{@code rembug:broadcast:<id>:targets:<w>}: LIST of group ids of wave {@code w}
 *       (0 the announcement, 1.. the reminders)</li>
 *   <li>{@code rembug:broadcast:<id>:votes}: HASH {@code <groupId>|<userId>} to {@code yes},
 *       {@code no} or {@code maybe}</li>
 *   <li>{@code rembug:broadcast:due}: ZSET of {@code <id>|<wave>} scored by when it fires
 *       (epoch ms); removed in the same script that enqueues the wave's last batch</li>
 *   <li>{@code rembug:staff}: SET of staff user ids added with {@code /staf tambah}</li>
 *   <li>the group's tags: {@link ConversationKeys#tags}</li>
 *   <li>{@code rembug:broadcast:migrated}: HASH old chat id to new one, for the report</li>
 * </ul>
 *
 * A message of wave 0 has outgoing id {@code bc:<id>:<groupId>}, of wave {@code w > 0}
 * {@code bc:<id>:r<w>:<groupId>}; its delivery record is the dispatcher's.
 */
public final class BroadcastKeys {

    static final String SEQ = "rembug:broadcast:seq";
    // a job, its targets, the job list and the schedule are written together with the outbox (FanOut): its slot
    public static final String JOBS = "rembug:broadcasts:" + OutboxKeys.SLOT;
    public static final String DUE = "rembug:broadcast:" + OutboxKeys.SLOT + ":due";
    static final String STAFF = "rembug:staff";
    static final String MIGRATED = "rembug:broadcast:migrated";

    private BroadcastKeys() {
    }

    public static String job(String id) {
        return "rembug:broadcast:" + OutboxKeys.SLOT + ":" + id;
    }

    public static String targets(String id, int wave) {
        return job(id) + ":targets:" + wave;
    }

    public static String votes(String id) {
        return "rembug:broadcast:" + id + ":votes";
    }

    /** A person's field in a job's votes hash. */
    public static String voter(String groupId, String userId) {
        return groupId + "|" + userId;
    }

    /** HASH (expiring after a day): a staff member's announcement being written in the private chat. */
    static String draft(String userId) {
        return "rembug:broadcast:draft:" + userId;
    }

    /** STRING (expiring after seven days): the job an API request with this idempotency key created. */
    static String request(String idempotencyKey) {
        return "rembug:broadcast:key:" + idempotencyKey;
    }

    static String dueMember(String id, int wave) {
        return id + "|" + wave;
    }

    static String outgoingId(String id, int wave, String groupId) {
        return wave == 0 ? "bc:" + id + ":" + groupId : "bc:" + id + ":r" + wave + ":" + groupId;
    }
}
