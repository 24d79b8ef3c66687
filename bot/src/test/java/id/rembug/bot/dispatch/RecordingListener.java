package id.rembug.bot.dispatch;

import id.rembug.bot.channel.Outgoing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link DeliveryListener} that writes down what it was told. */
final class RecordingListener implements DeliveryListener {

    record Sent(Outgoing message, String platformMessageId) {
    }

    record Failed(Outgoing message, String reason) {
    }

    record Forbidden(String chatId, String reason, List<Outgoing> dropped) {
    }

    record Migrated(String oldChatId, String newChatId) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final List<Failed> failed = new CopyOnWriteArrayList<>();
    final List<Failed> withheld = new CopyOnWriteArrayList<>();
    final List<Forbidden> forbidden = new CopyOnWriteArrayList<>();
    final List<Migrated> migrated = new CopyOnWriteArrayList<>();

    @Override
    public void onSent(Outgoing message, String platformMessageId) {
        sent.add(new Sent(message, platformMessageId));
    }

    @Override
    public void onFailed(Outgoing message, String reason) {
        failed.add(new Failed(message, reason));
    }

    /** Also recorded as failed, as the default does. */
    @Override
    public void onWithheld(Outgoing message, String reason) {
        withheld.add(new Failed(message, reason));
        DeliveryListener.super.onWithheld(message, reason);
    }

    @Override
    public void onForbidden(String chatId, String reason, List<Outgoing> dropped) {
        forbidden.add(new Forbidden(chatId, reason, dropped));
    }

    @Override
    public void onMigrated(String oldChatId, String newChatId) {
        migrated.add(new Migrated(oldChatId, newChatId));
    }
}
