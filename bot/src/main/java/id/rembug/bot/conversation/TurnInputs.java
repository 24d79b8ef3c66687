package id.rembug.bot.conversation;

import id.rembug.bot.channel.ChatGateway;
import id.rembug.dialogues.engine.Answer;

import java.util.Map;

/**
 * What a group's turn needs from outside the group's state, loaded before the turn by
 * {@link TurnLoader}: with it, {@link GroupPlanner} is a pure function of the inbox entry, these
 * inputs and the state, and everything it changes is in the {@link Plan}.
 *
 * @param repliedPrompt  the prompt ({@code stage|round|index}) of the question the message replied
 *                       to; null when it replied to none we can place
 * @param standing       where the sender stands in the group as the platform says (Telegram:
 *                       getChatMember), asked only when it decides something: for a {@code /fasilitator}
 *                       claim of a group without a facilitator, and for someone the group has not heard
 *                       from who opens or answers a sensitive question in private; null otherwise
 * @param fromStaff      whether the sender of a facilitator assignment is program staff
 * @param milestones     the group's stored stage summaries ({@code stage:round} to JSON), for an entry
 *                       that may add late answers to them or erase a member from them; null otherwise
 * @param erasure        what deleting the member this entry may forget touches outside the state;
 *                       null when the entry forgets nobody
 * @param pollFit        whether the chat's channel can carry a vote as a poll of this question and
 *                       options (Telegram: a group chat, at most 10 options of 100 characters); a
 *                       check of the channel's rules, no call
 * @param storedAnswer   for a voice note's transcript, the answer it belongs to as stored; null otherwise
 */
record TurnInputs(String repliedPrompt, ChatGateway.Standing standing, boolean fromStaff,
                  Map<String, String> milestones,
                  MemberErasure.GroupErasure erasure, PollFit pollFit, Answer storedAnswer) {

    TurnInputs(String repliedPrompt, ChatGateway.Standing standing, boolean fromStaff,
               Map<String, String> milestones, MemberErasure.GroupErasure erasure, PollFit pollFit) {
        this(repliedPrompt, standing, fromStaff, milestones, erasure, pollFit, null);
    }

    /** Whether a vote fits the chat's polls. */
    @FunctionalInterface
    interface PollFit {
        PollFit NEVER = (question, options) -> false;

        boolean fits(String question, java.util.List<String> options);
    }

    TurnInputs {
        pollFit = pollFit == null ? PollFit.NEVER : pollFit;
        milestones = milestones == null ? null : Map.copyOf(milestones);
    }

    /** The stored summaries; the loader loads them for every entry that can need them. */
    Map<String, String> storedMilestones() {
        if (milestones == null) {
            throw new IllegalStateException("The group's milestones were not loaded for this entry: see TurnLoader");
        }
        return milestones;
    }
}
