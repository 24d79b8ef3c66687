package id.rembug.bot.simulator;

import id.rembug.bot.channel.Outgoing.OutButton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One line of a simulated chat as the page shows it: a bot message, a persona's message, or a
 * service notice (someone joined, the bot was added).
 *
 * @param from     {@link #FROM_BOT}, {@link #FROM_SYSTEM}, or the persona's user id
 * @param notice   for service notices, what happened ({@code bot-added}, {@code joined}, ...);
 *                 the page words it in its own language, {@code text} then holds the names
 * @param replyTo  the message this one replies to, if any
 */
public record ChatRecord(String messageId, String from, String fromName, String text,
                         List<List<OutButton>> buttons, boolean forceReply, String replyTo, String notice,
                         Instant at) {

    public static final String FROM_BOT = "bot";
    public static final String FROM_SYSTEM = "system";

    public ChatRecord {
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
    }

    public boolean fromBot() {
        return FROM_BOT.equals(from);
    }

    public boolean serviceNotice() {
        return FROM_SYSTEM.equals(from);
    }

    /** The last bot message in a log that asked for a reply: where a typed answer goes by default. */
    static Optional<ChatRecord> lastQuestion(List<ChatRecord> log) {
        ChatRecord last = null;
        for (ChatRecord line : log) {
            if (line.fromBot() && line.forceReply()) {
                last = line;
            }
        }
        return Optional.ofNullable(last);
    }

    public long sequence() {
        return Long.parseLong(messageId);
    }
}
