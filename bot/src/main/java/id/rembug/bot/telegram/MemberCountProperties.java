package id.rembug.bot.telegram;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * When the bot asks Telegram how many people a group has ({@code rembug.telegram.member-count.*}).
 *
 * @param freshFor a group counted this recently is not counted again when it starts with /mulai:
 *                 the bot was usually added minutes before, and the count it took then still
 *                 holds (people joining or leaving are counted whenever they do); {@code 0}
 *                 counts at every /mulai
 */
@ConfigurationProperties("rembug.telegram.member-count")
public record MemberCountProperties(Duration freshFor) {

    public static final Duration DEFAULT_FRESH_FOR = Duration.ofMinutes(10);

    public MemberCountProperties {
        freshFor = freshFor == null ? DEFAULT_FRESH_FOR : freshFor;
        if (freshFor.isNegative()) {
            throw new IllegalArgumentException("rembug.telegram.member-count.fresh-for must be 0 or more, was " + freshFor);
        }
    }
}
