package id.rembug.bot.telegram;

import id.rembug.bot.media.MediaFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files of media answers from Telegram: getFile gives a download path (valid for at least an
 * hour), {@code /file/bot<token>/<path>} the bytes. A path is reused while it works; when the
 * download fails (the link expired) getFile is asked again, once. getFile serves at most 20 MB:
 * a bigger file answers 400 "file is too big".
 */
public final class TelegramFiles implements MediaFiles {

    private static final Logger log = LoggerFactory.getLogger(TelegramFiles.class);
    /** The most getFile serves to a bot (Bot API). */
    public static final long GET_FILE_LIMIT = MediaFiles.LARGEST_SERVED;

    private final TelegramApiClient client;
    private final Map<String, String> paths = new ConcurrentHashMap<>();

    public TelegramFiles(TelegramApiClient client) {
        this.client = client;
    }

    @Override
    public Fetched fetch(String fileId, long maxBytes) {
        long limit = Math.min(maxBytes, GET_FILE_LIMIT);
        for (int attempt = 0; attempt < 2; attempt++) {
            String path = paths.get(fileId);
            if (path == null) {
                try {
                    File file = client.execute(new GetFile(fileId));
                    if (file.getFileSize() != null && file.getFileSize() > limit) {
                        return new TooBig();
                    }
                    path = file.getFilePath();
                    if (path == null) {
                        return new Gone();
                    }
                    paths.put(fileId, path);
                } catch (TelegramApiRequestException e) {
                    String why = String.valueOf(e.getApiResponse());
                    if (e.getErrorCode() != null && e.getErrorCode() == 400) {
                        return why.contains("too big") ? new TooBig() : new Gone();
                    }
                    return new Unavailable("getFile: " + why);
                } catch (TelegramApiException e) {
                    return new Unavailable("getFile: " + e.getMessage());
                }
            }
            try {
                byte[] bytes = client.download(path, limit);
                return bytes.length > limit ? new TooBig() : new Bytes(bytes);
            } catch (IOException e) {
                // an expired link: ask getFile for a fresh one
                log.debug("Download of Telegram file {} failed ({}); asking getFile again", fileId, e.toString());
                paths.remove(fileId, path);
            }
        }
        return new Unavailable("the file's download link did not work twice");
    }
}
