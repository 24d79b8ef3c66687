package id.rembug.bot.media;

import id.rembug.dialogues.engine.AnswerMedia;
import org.springframework.http.MediaType;

/** What a media answer's file is, for a browser: Telegram's photos are JPEG, its voice notes OGG/Opus. */
public final class MediaTypes {

    private MediaTypes() {
    }

    public static MediaType of(AnswerMedia media) {
        return switch (media.kind()) {
            case PHOTO -> MediaType.IMAGE_JPEG;
            case VOICE -> MediaType.parseMediaType("audio/ogg");
            case VIDEO_NOTE -> MediaType.parseMediaType("video/mp4");
            default -> {
                try {
                    yield media.mimeType() == null ? MediaType.APPLICATION_OCTET_STREAM
                            : MediaType.parseMediaType(media.mimeType());
                } catch (org.springframework.util.InvalidMimeTypeException e) {
                    yield MediaType.APPLICATION_OCTET_STREAM;
                }
            }
        };
    }

    /** The file name's ending a download gets. */
    public static String extension(AnswerMedia media) {
        return switch (media.kind()) {
            case PHOTO -> ".jpg";
            case VOICE -> ".ogg";
            case VIDEO_NOTE, VIDEO -> ".mp4";
            default -> "";
        };
    }
}
