package id.rembug.bot.channel;

import java.util.Optional;

/**
 * Which chat and question a poll belongs to. Telegram's {@code poll_answer} names the poll and the
 * voter but not the chat, so the gateway records each poll it sends here and the update reader
 * looks the poll up to route the vote to its group.
 */
public interface PollDirectory {

    /** A poll we sent: the chat it is in and the {@code stage|round|index} of the decision it puts to the vote. */
    record PollTarget(String chatId, String promptRef) {
    }

    void remember(String pollId, PollTarget target);

    Optional<PollTarget> find(String pollId);

    /** For a channel that sends no polls. */
    PollDirectory NONE = new PollDirectory() {
        @Override
        public void remember(String pollId, PollTarget target) {
        }

        @Override
        public Optional<PollTarget> find(String pollId) {
            return Optional.empty();
        }
    };
}
