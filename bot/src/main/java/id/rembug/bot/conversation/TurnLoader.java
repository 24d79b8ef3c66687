package id.rembug.bot.conversation;

import id.rembug.bot.broadcast.StaffDirectory;
import id.rembug.bot.channel.ChatGateway;
import id.rembug.bot.channel.ChatUser;
import id.rembug.bot.channel.Inbound;
import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.Command;
import id.rembug.dialogues.engine.GroupState;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Loads what a group's turn needs from outside its state ({@link TurnInputs}) before the turn, so
 * that {@link GroupPlanner} does no I/O: the prompt a reply answers, the platform's word on a
 * claimant, staff membership, the stored summaries and a member's erasure. Each is read only for the
 * entries that can use it. The facilitator's digest choice is read after planning, only for a plan
 * that sends them a summary ({@link #dailyDigestReaders}, {@link Plan#applyDigestChoices}).
 */
@Component
class TurnLoader {

    private final ConversationStore store;
    /** Looked up once: resolving beans per entry cost about 5% of a conversation worker's time. */
    private final SingletonSupplier<List<ChatGateway>> gateways;
    private final StaffDirectory staff;
    private final MemberErasure erasure;
    private final ButtonSigner signer;

    TurnLoader(ConversationStore store, ObjectProvider<ChatGateway> gateways, StaffDirectory staff,
               MemberErasure erasure, ButtonSigner signer) {
        this.store = store;
        this.gateways = SingletonSupplier.of(() -> gateways.orderedStream().toList());
        this.staff = staff;
        this.erasure = erasure;
        this.signer = signer;
    }

    TurnInputs load(ConversationStore.Snapshot snapshot, Inbound inbound) {
        String groupId = snapshot.conversation();
        GroupState state = snapshot.state();
        String facilitatorId = state == null ? null : state.facilitatorId();
        String repliedPrompt = null;
        ChatGateway.Standing standing = null;
        boolean fromStaff = false;
        String forgets = null;
        Answer storedAnswer = null;

        if (inbound instanceof Inbound.Message message && !message.edited() && message.from() != null) {
            Optional<Command.Parsed> command = Command.parse(message.text());
            if (command.isEmpty() && message.replyToMessageId() != null) {
                repliedPrompt = store.promptOfMessage(snapshot, message.chatId(), message.replyToMessageId());
            }
            if (command.isPresent() && command.get().command() == Command.CLAIM_FACILITATOR) {
                Optional<GroupPlanner.Assignment> assignment = GroupPlanner.assignment(message);
                fromStaff = assignment.isPresent() && staff.isStaff(message.from().id());
                if (facilitatorId == null) {
                    String chatId = snapshot.chatId();
                    standing = ChatGateway.forChat(gateways.obtain().stream(), chatId)
                            .map(g -> g.standing(chatId, message.from().id())).orElse(ChatGateway.Standing.UNKNOWN);
                }
            }
        } else if (inbound instanceof Inbound.PrivateQuestionEntry entry) {
            ChatUser from = entry.from();
            if (from != null && (state == null || !state.members().containsKey(from.id()))) {
                String chatId = snapshot.chatId();
                standing = ChatGateway.forChat(gateways.obtain().stream(), chatId)
                        .map(g -> g.standing(chatId, from.id())).orElse(ChatGateway.Standing.UNKNOWN);
            }
        } else if (inbound instanceof Inbound.Transcribed heard) {
            storedAnswer = store.answer(groupId, heard.answerKey());
        } else if (inbound instanceof Inbound.ErasureRequested requested) {
            forgets = requested.userId();
        } else if (inbound instanceof Inbound.ButtonPressed pressed && pressed.from() != null
                && confirmsDeletion(pressed)) {
            forgets = pressed.from().id();
        }

        // late answers reach their summary on a wake-up; an erasure scrubs every summary
        boolean summariesTouched = inbound instanceof Inbound.WakeUp || forgets != null;
        String chat = snapshot.chatId();
        Optional<ChatGateway> channel = chat == null ? Optional.empty()
                : ChatGateway.forChat(gateways.obtain().stream(), chat);
        TurnInputs.PollFit pollFit = channel.<TurnInputs.PollFit>map(
                g -> (question, options) -> g.pollFits(chat, question, options)).orElse(TurnInputs.PollFit.NEVER);
        return new TurnInputs(repliedPrompt, standing, fromStaff,
                summariesTouched ? store.milestones(groupId) : null,
                forgets == null ? null : erasure.plan(groupId, snapshot.chatId(), state, forgets), pollFit,
                storedAnswer);
    }

    /** Those of these people who chose the daily digest (one round trip each). */
    Set<String> dailyDigestReaders(Collection<String> people) {
        Set<String> daily = new LinkedHashSet<>();
        for (String userId : people) {
            if (GroupPlanner.DIGEST_DAILY.equals(store.userField(userId, GroupPlanner.DIGEST_FIELD))) {
                daily.add(userId);
            }
        }
        return daily;
    }

    /**
     * Whether the entry's turn reads records that the commits of the entries before it write (stage
     * summaries, stored answers, a member's data to delete): it must then be planned on what is
     * committed, not on a batch still in memory.
     */
    boolean readsCommittedRecords(Inbound inbound) {
        return inbound instanceof Inbound.WakeUp || inbound instanceof Inbound.Transcribed
                || inbound instanceof Inbound.ErasureRequested
                || inbound instanceof Inbound.ButtonPressed pressed && pressed.from() != null && confirmsDeletion(pressed);
    }

    /** The yes under the deletion question: the one press that forgets its presser. */
    private boolean confirmsDeletion(Inbound.ButtonPressed pressed) {
        return signer.open(pressed.data(), pressed.chatId())
                .map(data -> data instanceof CallbackData.GroupCommand group
                        && group.command() == Command.CONFIRM_DELETE
                        || data instanceof CallbackData.FacilitatorCommand privately
                        && privately.command() == Command.CONFIRM_DELETE)
                .orElse(false);
    }
}
