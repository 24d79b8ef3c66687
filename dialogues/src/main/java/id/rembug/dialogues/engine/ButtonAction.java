package id.rembug.dialogues.engine;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What pressing a button means. The channel encodes it in the button's callback data. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ButtonAction.Choose.class, name = "choose"),
        @JsonSubTypes.Type(value = ButtonAction.Run.class, name = "run"),
        @JsonSubTypes.Type(value = ButtonAction.AnswerPrivately.class, name = "answer-privately")
})
public sealed interface ButtonAction {

    /** Answers a choice or scale prompt with {@code value}. */
    record Choose(String stageKey, int round, String promptKey, String value) implements ButtonAction {
    }

    /** Runs a command as the member who pressed it. */
    record Run(Command command, String argument) implements ButtonAction {
    }

    /**
     * Opens the presser's private chat with the bot, where they answer a sensitive question
     * ({@code private: true}) unseen by the group. Telegram: a t.me deep link that starts the bot.
     */
    record AnswerPrivately(String stageKey, int round, String promptKey) implements ButtonAction {
    }
}
