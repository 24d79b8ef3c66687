package id.rembug.dialogues.engine;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What pressing a button means. The channel encodes it in the button's callback data. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ButtonAction.Choose.class, name = "choose"),
        @JsonSubTypes.Type(value = ButtonAction.Run.class, name = "run")
})
public sealed interface ButtonAction {

    /** Answers a choice or scale prompt with {@code value}. */
    record Choose(String stageKey, int round, String promptKey, String value) implements ButtonAction {
    }

    /** Runs a command as the member who pressed it. */
    record Run(Command command, String argument) implements ButtonAction {
    }
}
