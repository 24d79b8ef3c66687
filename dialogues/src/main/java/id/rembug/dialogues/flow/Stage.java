package id.rembug.dialogues.flow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A place in the method where the group answers questions together. The end of a stage is a
 * milestone the facilitator hears about.
 *
 * @param purpose one or two sentences on why the stage matters; shown in the intro and in the
 *                previous stage's milestone as what comes next
 * @param quorum      how many distinct residents must answer each prompt before the group moves on
 * @param autoAdvance how long the completed stage waits for the facilitator: the stage's own
 *                    {@code auto_advance}, else its phase's, else {@link AutoAdvance#INHERIT}
 *                    (the engine's setting); resolved when the flow is loaded
 * @param title       what residents see: plain words a village understands
 * @param methodName  the method's own name for the stage, for facilitators' summaries and the
 *                    dashboard ({@code method_name} in the flow; the title when it has none)
 */
public record Stage(String key, String phaseKey, Text title, Text purpose, Text intro, Text closing,
                   int quorum, AutoAdvance autoAdvance, List<Prompt> prompts, Text methodName) {

    public Stage {
        Objects.requireNonNull(autoAdvance, "autoAdvance");
        prompts = List.copyOf(prompts);
        methodName = methodName == null ? title : methodName;
    }

    public Stage(String key, String phaseKey, Text title, Text purpose, Text intro, Text closing,
                 int quorum, AutoAdvance autoAdvance, List<Prompt> prompts) {
        this(key, phaseKey, title, purpose, intro, closing, quorum, autoAdvance, prompts, title);
    }

    /**
     * The title as facilitators read it: the plain title residents saw, with the method's name
     * beside it where the two differ ("Saling kenal (Persiapan bekerja sama)").
     */
    public String facilitatorTitle(Language language) {
        String plain = title.in(language);
        String method = methodName.in(language);
        return method.equals(plain) ? plain : plain + " (" + method + ")";
    }

    public Optional<Prompt> prompt(String key) {
        return prompts.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    public int indexOf(String promptKey) {
        for (int i = 0; i < prompts.size(); i++) {
            if (prompts.get(i).key().equals(promptKey)) {
                return i;
            }
        }
        return -1;
    }
}
