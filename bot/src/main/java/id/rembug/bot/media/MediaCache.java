package id.rembug.bot.media;

import id.rembug.dialogues.engine.AnswerMedia;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of media answers, fetched from the platform when someone opens them on the dashboard
 * and kept on disk under their stable id ({@code file_unique_id}), within a size cap: the files
 * looked at longest ago are dropped first. A member's deletion removes their files
 * ({@link #forget}).
 */
@Component
@EnableConfigurationProperties(MediaProperties.class)
public class MediaCache {

    private static final Logger log = LoggerFactory.getLogger(MediaCache.class);

    private final MediaProperties properties;
    private final ObjectProvider<MediaFiles> files;
    private final Path dir;

    public MediaCache(MediaProperties properties, ObjectProvider<MediaFiles> files) {
        this.properties = properties;
        this.files = files;
        this.dir = Path.of(properties.cacheDir()).toAbsolutePath();
    }

    /** The answer's file on disk, fetched first when not cached; or why it cannot be had. */
    public synchronized Result file(AnswerMedia media) {
        if (media == null || media.fileId() == null || media.fileUniqueId() == null) {
            return new Result(null, new MediaFiles.Gone());
        }
        long max = properties.maxFileSize().toBytes();
        if (media.sizeBytes() != null && media.sizeBytes() > max) {
            return new Result(null, new MediaFiles.TooBig());
        }
        Path cached = pathOf(media.fileUniqueId());
        try {
            if (Files.isRegularFile(cached)) {
                Files.setLastModifiedTime(cached, FileTime.from(Instant.now()));
                return new Result(cached, null);
            }
            MediaFiles source = files.getIfAvailable();
            if (source == null) {
                return new Result(null, new MediaFiles.Unavailable("no platform serves files here"));
            }
            MediaFiles.Fetched fetched = source.fetch(media.fileId(), max);
            if (!(fetched instanceof MediaFiles.Bytes bytes)) {
                return new Result(null, fetched);
            }
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, "fetching-", ".part");
            Files.write(partial, bytes.content());
            Files.move(partial, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            trim(cached);
            return new Result(cached, null);
        } catch (IOException e) {
            log.warn("Media cache in {} cannot be used: {}", dir, e.toString());
            return new Result(null, new MediaFiles.Unavailable(e.getMessage()));
        }
    }

    /** Deletes the cached files of these media (a member asked for their data to be deleted). */
    public synchronized void forget(List<AnswerMedia> media) {
        for (AnswerMedia m : media) {
            if (m != null && m.fileUniqueId() != null) {
                try {
                    Files.deleteIfExists(pathOf(m.fileUniqueId()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete a cached file of a deleted member", e);
                }
            }
        }
    }

    /** A cached file's place: its stable id, kept to safe characters (Telegram's are base64url). */
    Path pathOf(String fileUniqueId) {
        return dir.resolve(fileUniqueId.replaceAll("[^A-Za-z0-9_-]", "_"));
    }

    /** Drops the files looked at longest ago until the cache fits its cap; never {@code keep}. */
    private void trim(Path keep) throws IOException {
        long cap = properties.cacheMaxSize().toBytes();
        List<Path> cached;
        try (Stream<Path> listing = Files.list(dir)) {
            cached = listing.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".part"))
                    .sorted(Comparator.comparing(MediaCache::lastUsed)).toList();
        }
        long total = 0;
        for (Path path : cached) {
            total += Files.size(path);
        }
        for (Path path : cached) {
            if (total <= cap) {
                break;
            }
            if (!path.equals(keep)) {
                total -= Files.size(path);
                Files.deleteIfExists(path);
            }
        }
    }

    private static FileTime lastUsed(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** A file on disk, or (when {@code path} is null) why there is none. */
    public record Result(Path path, MediaFiles.Fetched problem) {
    }
}
