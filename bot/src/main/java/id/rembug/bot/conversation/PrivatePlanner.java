package id.rembug.bot.conversation;

import id.rembug.bot.channel.Inbound;
import id.rembug.bot.channel.Outgoing;
import id.rembug.dialogues.engine.Command;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Messages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A person's private chat with the bot: where facilitators receive summaries. Starting it is
 * what lets Telegram deliver them, so /start is remembered.
 */
@Component
public class PrivatePlanner {

    private final Messages messages;
    private final List<ConversationHook> hooks;

    public PrivatePlanner(Messages messages, ObjectProvider<ConversationHook> hooks) {
        this.messages = messages;
        this.hooks = hooks.orderedStream().toList();
    }

    Plan plan(ConversationStore.Snapshot snapshot, Inbound inbound, String entryId) {
        Plan plan = new Plan(null);
        Language language = Language.ID;
        if (!(inbound instanceof Inbound.Message edit && edit.edited())) {
            ConversationHook.HookCall call = new ConversationHook.HookCall(snapshot.conversation(), inbound.chatId(),
                    null, inbound);
            for (ConversationHook hook : hooks) {
                Optional<ConversationHook.HookAnswer> answer = hook.answer(call);
                if (answer.isPresent()) {
                    answer.get().texts().forEach(t -> send(plan, snapshot, entryId, inbound.chatId(), inbound.at(),
                            t.text(), t.buttons()));
                    if (inbound instanceof Inbound.ButtonPressed pressed) {
                        toast(plan, snapshot, entryId, pressed, answer.get().toast(), answer.get().alert());
                    }
                    return plan;
                }
            }
        }
        if (inbound instanceof Inbound.ButtonPressed pressed) {
            // a button no hook knows (an old one, or one made up): answered, so it stops spinning
            toast(plan, snapshot, entryId, pressed, messages.get(MessageKey.BUTTON_NOT_OURS, language), false);
            return plan;
        }
        if (!(inbound instanceof Inbound.Message message) || message.edited()) {
            return plan;
        }
        Optional<Command.Parsed> command = Command.parse(message.text());
        String userId = message.chatId();
        String name = message.from() == null ? "" : message.from().name();
        if (command.isPresent() && (command.get().command() == Command.START)) {
            plan.userId = userId;
            plan.userFields.put("started", "1");
            plan.reconnectUserId = userId;
            plan.userFields.put("name", name);
            reply(plan, snapshot, entryId, message, messages.get(MessageKey.PRIVATE_WELCOME, language, Map.of("name", name)));
        } else {
            reply(plan, snapshot, entryId, message, messages.get(MessageKey.PRIVATE_HELP, language));
        }
        return plan;
    }

    private void reply(Plan plan, ConversationStore.Snapshot snapshot, String entryId, Inbound.Message message,
                       String text) {
        send(plan, snapshot, entryId, message.chatId(), message.at(), text, List.of());
    }

    /** Every button press is answered, so the person's app stops showing it as pending. */
    private void toast(Plan plan, ConversationStore.Snapshot snapshot, String entryId, Inbound.ButtonPressed pressed,
                       String text, boolean alert) {
        plan.outgoing.add(Outgoing.callbackAnswer(plan.nextId(snapshot.conversation(), entryId),
                pressed.chatId(), null, pressed.callbackId(), text == null ? GroupPlanner.TICK : text,
                alert && text != null, pressed.at()));
    }

    private void send(Plan plan, ConversationStore.Snapshot snapshot, String entryId, String chatId,
                      java.time.Instant at, String text, List<List<Outgoing.OutButton>> buttons) {
        plan.outgoing.add(Outgoing.text(plan.nextId(snapshot.conversation(), entryId),
                Outgoing.Lane.CONVERSATION, chatId, null, text, at).withButtons(buttons));
    }
}
