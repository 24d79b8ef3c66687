package id.rembug.dialogues.engine.turn;

import id.rembug.dialogues.engine.AnswerMedia;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.MediaKind;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Messages;
import id.rembug.dialogues.flow.Prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a photo, voice note, place... answers a prompt, and the one line a member gets when it
 * does not: the prompt's {@code accepts} in the flow decides.
 */
public final class MediaAnswers {

    private MediaAnswers() {
    }

    /** Null when the prompt takes this media; else the notice that says what it needs. */
    static MessageKey refusal(Prompt prompt, AnswerMedia media) {
        if (prompt.accepts(media.kind())) {
            return null;
        }
        return prompt.accepts().isEmpty() ? MessageKey.MEDIA_WORDS_ONLY : MessageKey.MEDIA_NOT_THIS_KIND;
    }

    static String refusalText(MessageKey refusal, Prompt prompt, Messages messages, Language language, String name) {
        return messages.get(refusal, language, Map.of("name", name, "kinds", kinds(prompt, messages, language)));
    }

    /** The line under a question that takes media, saying which ("Boleh juga kirim foto atau lokasi"); empty otherwise. */
    static String hint(Prompt prompt, Messages messages, Language language) {
        if (prompt.accepts().isEmpty()) {
            return "";
        }
        return "\n" + messages.get(MessageKey.MEDIA_ACCEPTED, language, Map.of("kinds", kinds(prompt, messages, language)));
    }

    /** "foto atau pesan suara", "photo, voice note or location". */
    public static String kinds(Prompt prompt, Messages messages, Language language) {
        List<String> names = new ArrayList<>();
        for (MediaKind kind : prompt.accepts()) {
            names.add(messages.get(kind.nameKey(), language));
        }
        if (names.size() < 2) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " " + messages.get(MessageKey.MEDIA_OR, language)
                + " " + names.get(names.size() - 1);
    }
}
