package id.rembug.bot.simulator;

import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.channel.Outgoing.OutButton;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Outgoing messages as the dispatcher would hand them to a gateway. */
final class Outgoings {

    private Outgoings() {
    }

    static Outgoing text(String chatId, String text) {
        return text(chatId, text, List.of(), false, null);
    }

    static Outgoing question(String chatId, String text) {
        return text(chatId, text, List.of(), true, null);
    }

    static Outgoing text(String chatId, String text, List<List<OutButton>> buttons, boolean forceReply,
                         String replyTo) {
        return Outgoing.text(UUID.randomUUID().toString(), Outgoing.Lane.CONVERSATION, chatId, chatId, text,
                Instant.parse("2026-11-23T09:00:00Z")).withButtons(buttons).forcingReply(forceReply).replyingTo(replyTo);
    }

    static Outgoing reaction(String chatId, String messageId, String emoji) {
        return Outgoing.reaction(UUID.randomUUID().toString(), chatId, chatId, messageId, emoji,
                Instant.parse("2026-11-23T09:00:00Z"));
    }

    static Outgoing callbackAlert(String chatId, String callbackId, String text) {
        return Outgoing.callbackAnswer(UUID.randomUUID().toString(), chatId, chatId, callbackId, text, true,
                Instant.parse("2026-11-23T09:00:00Z"));
    }

    static Outgoing callbackAnswer(String chatId, String callbackId, String text) {
        return Outgoing.callbackAnswer(UUID.randomUUID().toString(), chatId, chatId, callbackId, text, false,
                Instant.parse("2026-11-23T09:00:00Z"));
    }
}
