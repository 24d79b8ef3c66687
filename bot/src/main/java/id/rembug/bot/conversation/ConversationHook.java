package id.rembug.bot.conversation;

import id.rembug.bot.channel.Inbound;
import id.rembug.bot.channel.Outgoing.OutButton;
import id.rembug.dialogues.engine.GroupState;

import java.util.List;
import java.util.Optional;

/**
 * A feature outside the method's dialogue that owns some commands or buttons (broadcasts: staff
 * commands, group tags, RSVP buttons). Planners ask every hook before the engine; the first that
 * answers takes the update, and the engine never sees it. Hooks run inside the conversation's
 * turn and may be called again for the same update after a crash, so anything they store must be
 * idempotent (a set, a vote that overwrites).
 */
public interface ConversationHook {

    /** The answer to the update, or empty when it is not this hook's. */
    Optional<HookAnswer> answer(HookCall call);

    /** The typed commands this hook answers, for the "/" menu Telegram offers; none by default. */
    default List<MenuCommand> menuCommands() {
        return List.of();
    }

    /**
     * One entry of the "/" menu.
     *
     * @param name        the Indonesian name, everyone's default
     * @param englishName the alias shown to people whose Telegram is in English
     */
    record MenuCommand(String name, String description, String englishName, String englishDescription) {
    }

    /**
     * @param conversation the group's id, or {@code user:<id>} for a private chat
     * @param chatId       where replies go
     * @param state        the group's state; null in a private chat
     */
    record HookCall(String conversation, String chatId, GroupState state, Inbound inbound) {

        public boolean privateChat() {
            return state == null;
        }
    }

    /**
     * What to send back: texts to the chat (replying to the message, or in a group to the message
     * whose button was pressed) and, for a button press, the small toast (null: a plain tick).
     *
     * @param alert show the toast as an alert instead, a dialog the person reads and closes
     *              (Telegram's {@code show_alert}): for a few sentences only they need to read,
     *              at most {@link id.rembug.bot.channel.Outgoing#MAX_CALLBACK_ANSWER_LENGTH}
     *              characters. It costs the group no message.
     */
    record HookAnswer(List<HookText> texts, String toast, boolean alert) {

        public HookAnswer {
            texts = List.copyOf(texts);
        }

        public HookAnswer(List<HookText> texts, String toast) {
            this(texts, toast, false);
        }

        public static HookAnswer text(String text) {
            return new HookAnswer(List.of(new HookText(text, List.of())), null);
        }

        public static HookAnswer toast(String toast) {
            return new HookAnswer(List.of(), toast);
        }

        /** Only an alert for the person who pressed the button; nothing is sent to the chat. */
        public static HookAnswer alert(String text) {
            return new HookAnswer(List.of(), text, true);
        }
    }

    /**
     * @param improve a question for the language model whose usable answer replaces this text
     *                after the turn (null: the text is final)
     */
    record HookText(String text, List<List<OutButton>> buttons, ModelQuestion improve) {

        public HookText(String text, List<List<OutButton>> buttons) {
            this(text, buttons, null);
        }
    }

    /** A {@code /tanya} question the model may answer better than the knowledge base did. */
    record ModelQuestion(String question, id.rembug.dialogues.flow.Language language, java.time.Instant at) {
    }
}
