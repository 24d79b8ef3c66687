package id.rembug.dialogues.engine;

import java.util.List;

/** The result of applying one event: the group's new state and what the application must do. */
public record Step(GroupState state, List<Effect> effects) {

    public Step {
        effects = List.copyOf(effects);
    }
}
