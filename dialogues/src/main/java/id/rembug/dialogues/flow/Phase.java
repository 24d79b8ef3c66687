package id.rembug.dialogues.flow;

import java.util.List;

/** One of the method's three phases: dialogue, discovery, development. */
public record Phase(String key, Text title, List<Stage> stages) {

    public Phase {
        stages = List.copyOf(stages);
    }
}
