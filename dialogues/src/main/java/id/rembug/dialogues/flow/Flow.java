package id.rembug.dialogues.flow;

import java.util.List;
import java.util.Optional;

/**
 * A whole guided conversation: phases of stages of prompts, loaded from YAML.
 *
 * @param source  where it was loaded from, for error messages and the dashboard
 * @param address how the group is addressed ({@code Bapak/Ibu}, {@code Anda}, {@code kamu}): written
 *                into every {@code {address}} of the flow's and the engine's texts, so a group hears
 *                one form throughout
 */
public record Flow(String id, String source, Text title, List<Phase> phases, List<Stage> stages, Text address) {

    /** The placeholder every text may use for the group's form of address. */
    public static final String ADDRESS = "address";
    /** The form of address of a flow that names none: polite, and right for mixed-age village groups. */
    public static final Text DEFAULT_ADDRESS = new Text("Bapak/Ibu", "you");

    public Flow {
        phases = List.copyOf(phases);
        stages = List.copyOf(stages);
        address = address == null ? DEFAULT_ADDRESS : address;
    }

    public static Flow of(String id, String source, Text title, List<Phase> phases) {
        return of(id, source, title, DEFAULT_ADDRESS, phases);
    }

    public static Flow of(String id, String source, Text title, Text address, List<Phase> phases) {
        return new Flow(id, source, title, phases, phases.stream().flatMap(p -> p.stages().stream()).toList(), address);
    }

    /** Every language some text of the flow is written in. */
    public java.util.Set<Language> languages() {
        java.util.Set<Language> languages = new java.util.LinkedHashSet<>(title.languages());
        for (Stage stage : stages) {
            languages.addAll(stage.title().languages());
            stage.prompts().forEach(prompt -> languages.addAll(prompt.text().languages()));
        }
        return languages;
    }

    public Stage stage(int index) {
        return stages.get(index);
    }

    public int stageCount() {
        return stages.size();
    }

    public int indexOf(String stageKey) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).key().equals(stageKey)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<Stage> stage(String key) {
        int index = indexOf(key);
        return index < 0 ? Optional.empty() : Optional.of(stages.get(index));
    }

    public Optional<Phase> phase(String key) {
        return phases.stream().filter(p -> p.key().equals(key)).findFirst();
    }
}
