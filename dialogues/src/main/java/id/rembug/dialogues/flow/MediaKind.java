package id.rembug.dialogues.flow;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a message may carry instead of (or besides) text, as a prompt's {@code accepts} names it.
 * A venue (a named place) is a {@link #LOCATION} with a name.
 */
public enum MediaKind {
    PHOTO("photo", "📷", MessageKey.MEDIA_PHOTO),
    VOICE("voice", "🎤", MessageKey.MEDIA_VOICE),
    VIDEO_NOTE("video-note", "📹", MessageKey.MEDIA_VIDEO_NOTE),
    VIDEO("video", "🎬", MessageKey.MEDIA_VIDEO),
    AUDIO("audio", "🎵", MessageKey.MEDIA_AUDIO),
    DOCUMENT("document", "📄", MessageKey.MEDIA_DOCUMENT),
    LOCATION("location", "📍", MessageKey.MEDIA_LOCATION);

    private final String yamlName;
    private final String symbol;
    private final MessageKey nameKey;

    MediaKind(String yamlName, String symbol, MessageKey nameKey) {
        this.yamlName = yamlName;
        this.symbol = symbol;
        this.nameKey = nameKey;
    }

    public String yamlName() {
        return yamlName;
    }

    /** The emoji a summary line starts with. */
    public String symbol() {
        return symbol;
    }

    /** The kind's name for residents ("pesan suara", "voice note"). */
    public MessageKey nameKey() {
        return nameKey;
    }

    /** Whether the file can be shown or played in a browser as it comes from Telegram. */
    public boolean viewable() {
        return this == PHOTO || this == VOICE || this == AUDIO;
    }

    /** Whether a copy of it can carry a caption (Telegram: not a video note, not a place). */
    public boolean takesCaption() {
        return this != VIDEO_NOTE && this != LOCATION;
    }

    public static MediaKind fromYaml(String value) {
        for (MediaKind kind : values()) {
            if (kind.yamlName.equals(value)) {
                return kind;
            }
        }
        return null;
    }

    public static String allowedNames() {
        return Arrays.stream(values()).map(MediaKind::yamlName).collect(Collectors.joining(", "));
    }
}
