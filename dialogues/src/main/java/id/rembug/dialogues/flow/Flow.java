package id.rembug.dialogues.flow;

import java.util.List;
import java.util.Optional;

/**
 * A whole guided conversation: phases of stages of prompts, loaded from YAML.
 *
 * @param source where it was loaded from, for error messages and the dashboard
 */
public record Flow(String id, String source, Text title, List<Phase> phases, List<Stage> stages) {

    public Flow {
        phases = List.copyOf(phases);
        stages = List.copyOf(stages);
    }

    public static Flow of(String id, String source, Text title, List<Phase> phases) {
        return new Flow(id, source, title, phases, phases.stream().flatMap(p -> p.stages().stream()).toList());
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
