package id.rembug.dialogues.engine;

import id.rembug.dialogues.flow.MediaKind;

/**
 * What a media answer carried, as the platform described it: enough to show it, fetch it again
 * and say what it is, never the file itself.
 *
 * @param fileId          the platform's id to fetch the file with (Telegram's {@code file_id});
 *                        null for a location
 * @param fileUniqueId    the file's stable id (Telegram's {@code file_unique_id}), the same for
 *                        every bot and over time: what cached copies are named after
 * @param durationSeconds a voice note's, video's or audio's length; null otherwise
 * @param sizeBytes       the file's size as the platform said; null when it did not
 * @param caption         the text sent with it, or null
 * @param latitude        a location's; null otherwise
 * @param longitude       a location's; null otherwise
 * @param placeName       a venue's name, a document's file name; null otherwise
 * @param mimeType        as the platform said; null when it did not
 * @param transcript      a machine transcription of a voice note (speech to text), or null
 */
public record AnswerMedia(MediaKind kind, String fileId, String fileUniqueId, Integer durationSeconds,
                          Long sizeBytes, String caption, Double latitude, Double longitude, String placeName,
                          String mimeType, String transcript) {

    public AnswerMedia withCaption(String newCaption) {
        return new AnswerMedia(kind, fileId, fileUniqueId, durationSeconds, sizeBytes, newCaption, latitude, longitude,
                placeName, mimeType, transcript);
    }

    public AnswerMedia withTranscript(String newTranscript) {
        return new AnswerMedia(kind, fileId, fileUniqueId, durationSeconds, sizeBytes, caption, latitude, longitude,
                placeName, mimeType, newTranscript);
    }

    /** Whether there is a place on a map. */
    public boolean located() {
        return latitude != null && longitude != null;
    }

    /** A length as people say it: {@code 0:42}, {@code 12:05}; empty when unknown. */
    public String duration() {
        if (durationSeconds == null || durationSeconds < 0) {
            return "";
        }
        return durationSeconds / 60 + ":" + String.format(java.util.Locale.ROOT, "%02d", durationSeconds % 60);
    }
}
