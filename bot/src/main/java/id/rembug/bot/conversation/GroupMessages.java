package id.rembug.bot.conversation;

import id.rembug.bot.channel.Outgoing;

import java.util.List;
import java.util.Objects;

/**
 * What one turn says in the group, in as few messages as it can: Telegram allows a group about
 * 20 messages a minute, and every message the bot spends is one a question waits for. Plain
 * lines that lead up to a message ("the facilitator moves us on", a stage's closing, the next
 * stage's intro) become the opening paragraphs of that message, so a stage's intro and its first
 * question arrive as one. A merged text stays within one message ({@link Outgoing#MAX_TEXT_LENGTH}),
 * or is not merged.
 */
final class GroupMessages {

    private GroupMessages() {
    }

    /**
     * Merges, in place, each run of text messages to {@code groupChatId} where every message but
     * the last is plain (no buttons, no reply request, asks no question) and they answer the same
     * message or none. Messages to other chats (the facilitator's) may stand between them.
     */
    static void compact(List<Outgoing> outgoing, String groupChatId) {
        int lead = -1;
        for (int i = 0; i < outgoing.size(); i++) {
            Outgoing message = outgoing.get(i);
            if (message.kind() != Outgoing.Kind.TEXT || !groupChatId.equals(message.chatId())
                    || message.lane() != Outgoing.Lane.CONVERSATION) {
                continue;
            }
            if (lead >= 0 && mergeable(outgoing.get(lead), message)) {
                Outgoing first = outgoing.get(lead);
                // A question to the whole group answers no one: a reply would open only that person's reply box
                String replyTo = message.promptRef() != null || first.replyToMessageId() == null
                        ? message.replyToMessageId() : first.replyToMessageId();
                outgoing.set(lead, message.withText(first.text() + "\n\n" + message.text()).replyingTo(replyTo)
                        .withId(first.id()));
                outgoing.remove(i);
                i--;
                message = outgoing.get(lead);
            } else {
                lead = i;
            }
            if (!plain(message)) {
                lead = -1;
            }
        }
    }

    private static boolean mergeable(Outgoing first, Outgoing next) {
        return plain(first)
                && (first.replyToMessageId() == null || next.replyToMessageId() == null || next.promptRef() != null
                || Objects.equals(first.replyToMessageId(), next.replyToMessageId()))
                && first.text().length() + 2 + next.text().length() <= Outgoing.MAX_TEXT_LENGTH;
    }

    private static boolean plain(Outgoing message) {
        return message.buttons().isEmpty() && !message.forceReply() && message.promptRef() == null;
    }
}
