package id.rembug.bot.broadcast;

import java.util.Locale;
import java.util.Optional;

/**
 * Which groups a broadcast reaches: all of them, those with a tag, those at a stage (the
 * current stage is the tag {@code tahap:<stageKey>}, so a stage target is a tag target), or the
 * groups one facilitator leads (their own announcements reach no other group).
 * Written as {@code all}, {@code tag:<tag>}, {@code stage:<stageKey>} or {@code led-by:<userId>}.
 */
public sealed interface Target {

    String STAGE_TAG_PREFIX = "tahap:";

    record All() implements Target {
    }

    record Tagged(String tag) implements Target {
    }

    record AtStage(String stageKey) implements Target {
    }

    /** The groups whose facilitator is {@code facilitatorId}, as their states say when it is sent. */
    record LedBy(String facilitatorId) implements Target {
    }

    /** The tag a group must carry, or empty for every group. */
    default Optional<String> requiredTag() {
        if (this instanceof Tagged tagged) {
            return Optional.of(tagged.tag());
        }
        if (this instanceof AtStage stage) {
            return Optional.of(STAGE_TAG_PREFIX + stage.stageKey());
        }
        return Optional.empty();
    }

    default String encode() {
        if (this instanceof Tagged tagged) {
            return "tag:" + tagged.tag();
        }
        if (this instanceof AtStage stage) {
            return "stage:" + stage.stageKey();
        }
        if (this instanceof LedBy led) {
            return "led-by:" + led.facilitatorId();
        }
        return "all";
    }

    static Target decode(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("all") || trimmed.equalsIgnoreCase("semua")) {
            return new All();
        }
        if (trimmed.startsWith("tag:")) {
            return new Tagged(Tags.normalise(trimmed.substring(4)));
        }
        if (trimmed.startsWith("stage:")) {
            return new AtStage(trimmed.substring(6).trim());
        }
        if (trimmed.startsWith("led-by:")) {
            return new LedBy(trimmed.substring(7).trim());
        }
        throw new IllegalArgumentException("target must be all, tag:<tag>, stage:<stageKey> or led-by:<userId>, not " + text);
    }

    final class Tags {
        private Tags() {
        }

        /** Tags compare without case and surrounding spaces: {@code Desa:Sukamaju} is {@code desa:sukamaju}. */
        static String normalise(String tag) {
            return tag.trim().toLowerCase(Locale.ROOT);
        }
    }
}
