package id.rembug.bot.conversation;

import id.rembug.bot.channel.Inbound;
import id.rembug.bot.channel.Outgoing;
import id.rembug.dialogues.engine.Command;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Messages;
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

    public PrivatePlanner(Messages messages) {
        this.messages = messages;
    }

    Plan plan(ConversationStore.Snapshot snapshot, Inbound inbound, String entryId) {
        Plan plan = new Plan(null);
        if (!(inbound instanceof Inbound.Message message) || message.edited()) {
            return plan;
        }
        Language language = Language.ID;
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
        plan.outgoing.add(new Outgoing(snapshot.conversation() + ":" + entryId + ":" + plan.outgoing.size(),
                Outgoing.Kind.TEXT, Outgoing.Lane.CONVERSATION, message.chatId(), null, text, List.of(), false, null,
                null, null, null, message.at()));
    }
}
