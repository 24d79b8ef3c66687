package id.rembug.bot.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the dashboard keeps the photos and voice notes it fetched, and how much.
 *
 * @param cacheDir     the folder of the cached files (created when missing)
 * @param cacheMaxSize the most the cache holds; the files looked at longest ago go first
 * @param maxFileSize  the largest file the dashboard fetches (Telegram serves bots at most 20 MB)
 * @param mapTiles     the tile server of the map of a group's places, as Leaflet names tiles; the
 *                     viewer's browser loads them (the page allows that origin's images)
 */
@ConfigurationProperties("rembug.media")
public record MediaProperties(@DefaultValue("./data/media") String cacheDir,
                              @DefaultValue("500MB") DataSize cacheMaxSize,
                              @DefaultValue("20MB") DataSize maxFileSize,
                              @DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png") String mapTiles) {
}
