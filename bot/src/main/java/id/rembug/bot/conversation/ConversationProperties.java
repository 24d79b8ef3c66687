package id.rembug.bot.conversation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.LocalTime;

/**
 * How groups are guided.
 *
 * @param flow             a flow YAML file to use instead of the stock flow (empty: stock)
 * @param messages         a messages YAML file to use instead of the stock texts (empty: stock)
 * @param nudgeAfter       how long a stage is open before quiet members get their one nudge
 * @param autoAdvanceAfter how long a completed stage waits for the facilitator before the group
 *                         goes on by itself (0 = wait for the facilitator forever), for stages
 *                         whose flow sets no {@code auto_advance}
 * @param quietHoursStart  from this local time no nudge or automatic step is sent ...
 * @param quietHoursEnd    ... until this one
 * @param timeZone         the groups' local time zone
 * @param language         the language of a new group (id or en)
 * @param maxAnswerLength  longer answers are refused with a clear message
 * @param workers          threads applying events (per instance)
 * @param latecomerGrace   once a stage's last question has its quorum, how long the slower members
 *                         still have before the summary goes to the facilitator (it goes at once
 *                         when everyone known has answered); also how long late answers are
 *                         gathered into one addendum (0 = summary at the quorum, addendum at once)
 * @param confirmAdvanceWithin a /lanjut this soon after a stage opened, with no answer yet, asks the
 *                         facilitator to confirm instead of closing an empty stage
 * @param partitions       how many partitions the shared work stream and wake-ups are split into
 *                         ({@code {p:<k>}}, a conversation always in the same one); on a Redis Cluster
 *                         each is one slot, so more partitions spread the work over more masters.
 *                         May be raised at any time; a lower value still serves every partition
 *                         this Redis was written with
 */
@ConfigurationProperties("rembug.conversation")
public record ConversationProperties(
        @DefaultValue("") String flow,
        @DefaultValue("") String messages,
        @DefaultValue("P2D") Duration nudgeAfter,
        @DefaultValue("P1D") Duration autoAdvanceAfter,
        @DefaultValue("21:00") LocalTime quietHoursStart,
        @DefaultValue("06:00") LocalTime quietHoursEnd,
        @DefaultValue("Asia/Jakarta") String timeZone,
        @DefaultValue("id") String language,
        @DefaultValue("1000") int maxAnswerLength,
        @DefaultValue("4") int workers,
        @DefaultValue("PT2M") Duration latecomerGrace,
        @DefaultValue("PT15M") Duration confirmAdvanceWithin,
        @DefaultValue("1") int partitions) {
}
