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
        return new Outgoing(UUID.randomUUID().toString(), Outgoing.Kind.TEXT, Outgoing.Lane.CONVERSATION, chatId,
                chatId, text, buttons, forceReply, replyTo, null, null, null, Instant.parse("2026-11-23T09:00:00Z"));
    }

    static Outgoing reaction(String chatId, String messageId, String emoji) {
        return new Outgoing(UUID.randomUUID().toString(), Outgoing.Kind.REACTION, Outgoing.Lane.CONVERSATION, chatId,
                chatId, null, List.of(), false, messageId, null, emoji, null, Instant.parse("2026-11-23T09:00:00Z"));
    }

    static Outgoing callbackAnswer(String chatId, String callbackId, String text) {
        return new Outgoing(UUID.randomUUID().toString(), Outgoing.Kind.CALLBACK_ANSWER, Outgoing.Lane.CONVERSATION,
                chatId, chatId, text, List.of(), false, null, null, null, callbackId,
                Instant.parse("2026-11-23T09:00:00Z"));
    }
}
