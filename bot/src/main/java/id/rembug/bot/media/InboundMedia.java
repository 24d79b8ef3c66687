package id.rembug.bot.media;

import id.rembug.bot.channel.Inbound;
import id.rembug.dialogues.engine.AnswerMedia;
import id.rembug.dialogues.flow.MediaKind;

/** A message's photo, voice note, place... as the engine keeps it with an answer. */
public final class InboundMedia {

    private InboundMedia() {
    }

    /** The answer's media, or null when the message carried none (or a kind Rembug does not take). */
    public static AnswerMedia toAnswer(Inbound.Media media, String caption) {
        if (media == null) {
            return null;
        }
        MediaKind kind = kind(media.kind());
        if (kind == null) {
            return null;
        }
        String words = caption == null || caption.isBlank() ? null : caption.strip();
        return new AnswerMedia(kind, media.fileId(), media.fileUniqueId(), media.duration(), media.size(), words,
                media.latitude(), media.longitude(), media.name(), media.mimeType(), null);
    }

    /** The platform's name for a kind (Telegram's message fields); a venue is a named location. */
    static MediaKind kind(String platformKind) {
        if (platformKind == null) {
            return null;
        }
        return switch (platformKind) {
            case "photo" -> MediaKind.PHOTO;
            case "voice" -> MediaKind.VOICE;
            case "video_note" -> MediaKind.VIDEO_NOTE;
            case "video" -> MediaKind.VIDEO;
            case "audio" -> MediaKind.AUDIO;
            case "document" -> MediaKind.DOCUMENT;
            case "location", "venue" -> MediaKind.LOCATION;
            default -> null;
        };
    }
}
