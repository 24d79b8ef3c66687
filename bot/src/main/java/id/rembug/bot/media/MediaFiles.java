package id.rembug.bot.media;

/**
 * Where the files of media answers come from: the platform they were sent on (Telegram's getFile
 * and file download). The simulator has none.
 */
public interface MediaFiles {

    /** The largest file the platform serves to bots (Telegram's getFile: 20 MB); copies of bigger ones still work. */
    long LARGEST_SERVED = 20L * 1024 * 1024;

    /** The file {@code fileId}, if it can be had and is at most {@code maxBytes}. */
    Fetched fetch(String fileId, long maxBytes);

    /** What asking for a file gave. */
    sealed interface Fetched {
    }

    /** The file's bytes. */
    record Bytes(byte[] content) implements Fetched {
    }

    /** Larger than the platform serves to bots (Telegram: 20 MB) or than the cache may keep. */
    record TooBig() implements Fetched {
    }

    /** The platform does not know the file (any more): nothing to show. */
    record Gone() implements Fetched {
    }

    /** The platform could not be asked just now; trying later may work. */
    record Unavailable(String why) implements Fetched {
    }
}
