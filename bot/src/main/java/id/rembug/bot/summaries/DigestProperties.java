package id.rembug.bot.summaries;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.LocalTime;

/**
 * The daily digest a facilitator with several groups can choose ({@code /ringkasan harian}).
 *
 * @param time when the day's summaries go out, in the groups' time zone
 */
@ConfigurationProperties("rembug.digest")
public record DigestProperties(@DefaultValue("19:00") LocalTime time) {
}
