package id.rembug.bot.dispatch;

import java.util.Map;

/**
 * What became of one outgoing message, as kept in {@code rembug:delivery:<outgoingId>}.
 *
 * @param status    {@code retrying}, {@code sent}, {@code failed} or {@code superseded} (an edit
 *                  a newer edit of the same message made pointless)
 * @param messageId the platform's message id once sent, else null
 * @param attempts  sends tried so far
 * @param at        epoch ms of the last change
 * @param reason    why it failed or is being retried, else null
 */
public record Delivery(String status, String chatId, String lane, String messageId, int attempts, long at,
                       String reason) {

    static Delivery of(Map<Object, Object> hash) {
        return new Delivery((String) hash.get("status"), (String) hash.get("chatId"), (String) hash.get("lane"),
                (String) hash.get("messageId"), Integer.parseInt((String) hash.getOrDefault("attempts", "0")),
                Long.parseLong((String) hash.getOrDefault("at", "0")), (String) hash.get("reason"));
    }

    public boolean sent() {
        return "sent".equals(status);
    }

    public boolean failed() {
        return "failed".equals(status);
    }
}
